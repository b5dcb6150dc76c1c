package fr.misp.backoffice.deathcapital;

/** Ids of {@code processes/death-capital.bpmn} that the code names; a test checks each exists. */
public final class DeathCapitalElements {

  public static final String RECORD_EVENT = "recordEvent";
  public static final String CLARIFY_DESIGNATION = "clarifyDesignation";
  public static final String NOTARY_DEED = "notaryDeed";
  public static final String CHECK_BENEFICIARY = "checkBeneficiary";

  private DeathCapitalElements() {}
}
