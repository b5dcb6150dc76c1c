package fr.misp.backoffice.disability;

/** Ids of {@code processes/disability-payroll.bpmn} that the code names; a test checks each exists. */
public final class DisabilityPayrollElements {

  public static final String PAY_MONTH = "payDisabilityAllowances";
  public static final String RENEW = "renewDisabilityAllowances";

  private DisabilityPayrollElements() {}
}
