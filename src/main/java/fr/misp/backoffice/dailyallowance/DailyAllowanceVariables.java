package fr.misp.backoffice.dailyallowance;

import static fr.misp.backoffice.platform.engine.ProcessVariable.flag;
import static fr.misp.backoffice.platform.engine.ProcessVariable.money;
import static fr.misp.backoffice.platform.engine.ProcessVariable.text;
import static fr.misp.backoffice.platform.engine.ProcessVariable.timerDay;

import fr.misp.backoffice.platform.engine.ProcessVariable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The variables of {@code dailyAllowance}, each declared once; the claim and its months are in {@link DailyAllowanceClaims}. */
public final class DailyAllowanceVariables {

  public static final ProcessVariable<String> MEMBER_ID = text("memberId");
  public static final ProcessVariable<Boolean> ELIGIBLE = flag("ajEligible");
  /** The first day of the month being waited for, then recorded and computed. */
  public static final ProcessVariable<LocalDate> MONTH = ProcessVariable.date("ajMonth");
  /** The day the month can be recorded: the first day of the following month (Paris). */
  public static final ProcessVariable<LocalDate> MONTH_CLOSES = timerDay("ajMonthCloses");
  /** recordMonthlyPay: gross sums paid for the month (employer, OPAM, other insurer) — R-AJ-4. */
  public static final ProcessVariable<BigDecimal> GROSS_PAID = money("grossPaidInMonth");
  /** recordMonthlyPay: net resources received for the month — R-AJ-5. */
  public static final ProcessVariable<BigDecimal> NET_PAID = money("netPaidInMonth");
  public static final ProcessVariable<Boolean> CYCLE_GOES_ON = flag("ajCycleGoesOn");

  private DailyAllowanceVariables() {}
}
