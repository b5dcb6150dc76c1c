package fr.misp.backoffice.deathcapital;

/** Process variables of {@code deathCapital}, in one place. */
public final class DeathClaimVariables {

  public static final String MEMBER_ID = "memberId";
  public static final String MEMBER_NAME = "memberName";
  public static final String EVENT = "event";
  public static final String EVENT_DATE = "eventDate";
  public static final String MEMBER_CATEGORY = "memberCategory";
  public static final String CONTRIBUTION_BASE = "annualContributionBase";
  /** The family as JSON: [{name, relation, unionType, birthDate, alive, dependent}]. */
  public static final String FAMILY = "familyJson";
  /** The designation as JSON: {type, beneficiaries: [{name, share}]}. */
  public static final String DESIGNATION = "designationJson";
  public static final String DOCUMENTS_COMPLETE = "documentsComplete";
  public static final String CAPITAL_AMOUNT = "capitalAmount";
  public static final String MAJORATION_PER_CHILD = "majorationPerChild";
  public static final String MAJORATION_AMOUNT = "majorationAmount";
  public static final String RESOLUTION = "resolutionOutcome";
  /** Resolved beneficiaries as JSON: [{name, rank, share, birthDate}]. */
  public static final String BENEFICIARIES_JSON = "beneficiariesJson";
  public static final String PAYEE_COUNT = "payeeCount";
  // Forms (PROCESSES.md task contracts)
  public static final String DESIGNATION_CLEAR = "designationClear";
  /** clarifyDesignation: one line per beneficiary, "Nom ; part en %". */
  public static final String BENEFICIARIES = "beneficiaries";
  /** notaryDeed: one line per heir, "Nom ; part en %". */
  public static final String HEIRS = "heirs";
  public static final String BANK_DETAILS_VERIFIED = "bankDetailsVerified";

  private DeathClaimVariables() {}
}
