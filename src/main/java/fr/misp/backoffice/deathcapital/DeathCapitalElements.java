package fr.misp.backoffice.deathcapital;

/** Ids and error codes of {@code processes/death-capital.bpmn} that the code names; a test checks each exists. */
public final class DeathCapitalElements {

  public static final String RECORD_EVENT = "recordEvent";
  public static final String CLARIFY_DESIGNATION = "clarifyDesignation";
  public static final String NOTARY_DEED = "notaryDeed";
  public static final String CHECK_BENEFICIARY = "checkBeneficiary";
  /** A médecin-conseil recognises a PTIA, or not (RULES §6 Decision); a medical task. */
  public static final String ASSESS_PTIA = "assessPtia";
  /** A beneficiary who cannot be found is searched for; a manager decides when the search fails (RULES §7). */
  public static final String SEARCH_BENEFICIARY = "searchBeneficiary";
  public static final String DECIDE_UNFOUND_SHARE = "decideUnfoundShare";
  /** A manager adds a parameter missing at the event date, then the capital is computed again (RULES §1). */
  public static final String ADD_MISSING_PARAMETER = "addMissingParameter";
  /** BPMN error of computeCapital when a parameter has no value at the event date. */
  public static final String NO_PARAMETER_IN_FORCE = "NO_PARAMETER_IN_FORCE";

  private DeathCapitalElements() {}
}
