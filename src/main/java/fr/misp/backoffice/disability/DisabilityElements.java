package fr.misp.backoffice.disability;

/** Ids and routes of {@code processes/disability-allowance.bpmn} that the code names; a test checks each exists. */
public final class DisabilityElements {

  public static final String MONTH_ENDS = "disabilityMonthEnds";
  public static final String RECORD_RESOURCES = "recordDisabilityResources";
  public static final String DECIDE_CAPITAL = "decideDisabilityCapital";

  /** After a month closes: another month, a new year to review, or the end (R-INV-10). */
  public enum MonthRoute { MONTH, NEW_YEAR, ENDED }

  /** Each 1 January (R-INV-9/10): IPT renewed automatically, resources asked for, or the end capital. */
  public enum YearRoute { AUTO, EVIDENCE, CAPITAL_END }

  private DisabilityElements() {}
}
