package fr.misp.backoffice.socialaid;

/** What the commission decides on {@code commissionDecision}; form and gateways are checked against it. */
public enum CommissionDecision { GRANT, REFUSE, ADJOURN }
