package fr.misp.backoffice.disability;

/** Ids of {@code processes/disability-allowance.bpmn} that the code names; a test checks each exists. */
public final class DisabilityElements {

  /** The allowance in service, paid each month by the payroll, waiting for the 1 January's evidence or capital. */
  public static final String IN_SERVICE = "disabilityInService";
  public static final String RECORD_RESOURCES = "recordDisabilityResources";
  public static final String DECIDE_CAPITAL = "decideDisabilityCapital";

  private DisabilityElements() {}
}
