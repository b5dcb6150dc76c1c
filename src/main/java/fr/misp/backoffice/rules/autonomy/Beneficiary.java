package fr.misp.backoffice.rules.autonomy;

/** Who the person is in the contract, for the eligibility of R-PTA-1 and R-DEP-1. */
public enum Beneficiary { ACTIVE_MEMBER, RETIRED_MEMBER, SPOUSE_BENEFICIARY, OTHER }
