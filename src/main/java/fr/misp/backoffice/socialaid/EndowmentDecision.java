package fr.misp.backoffice.socialaid;

/** What a gestionnaire decides on {@code arbitrateEndowment}; form and gateways are checked against it. */
public enum EndowmentDecision { RAISE, ADJOURN }
