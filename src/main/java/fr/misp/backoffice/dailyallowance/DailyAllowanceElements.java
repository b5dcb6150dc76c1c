package fr.misp.backoffice.dailyallowance;

/** Ids of {@code processes/daily-allowance.bpmn} that the code names, and the ways a cycle ends (R-AJ-6). */
public final class DailyAllowanceElements {

  public static final String MONTH_CLOSES = "monthCloses";
  public static final String RECORD_MONTHLY_PAY = "recordMonthlyPay";

  /** R-AJ-6: what ends the allowances. */
  public enum EndReason { RETURN_TO_WORK, INVALIDITY, TERMINATION_UNPAID_CONTRIBUTIONS, RESIGNATION, DEATH }

  private DailyAllowanceElements() {}
}
