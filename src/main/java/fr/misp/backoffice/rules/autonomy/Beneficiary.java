package fr.misp.backoffice.rules.autonomy;

/** Who the person is in the contract, for the eligibility of R-PTA-1 and R-DEP-1. */
public enum Beneficiary {
  ACTIVE_MEMBER, RETIRED_MEMBER, SPOUSE_BENEFICIARY, OTHER;

  /** From the member's category on record (MemberCategory names: ACTIVE, RETIRED, SPOUSE_BENEFICIARY…). */
  public static Beneficiary ofCategory(String category) {
    return switch (category) {
      case "ACTIVE" -> ACTIVE_MEMBER;
      case "RETIRED" -> RETIRED_MEMBER;
      case "SPOUSE_BENEFICIARY" -> SPOUSE_BENEFICIARY;
      default -> OTHER;
    };
  }
}
