package fr.misp.backoffice.disability;

import static fr.misp.backoffice.platform.engine.ProcessVariable.choice;
import static fr.misp.backoffice.platform.engine.ProcessVariable.flag;
import static fr.misp.backoffice.platform.engine.ProcessVariable.money;
import static fr.misp.backoffice.platform.engine.ProcessVariable.text;
import static fr.misp.backoffice.platform.engine.ProcessVariable.timerDay;

import fr.misp.backoffice.platform.engine.ProcessVariable;
import fr.misp.backoffice.rules.disability.DisabilityCalculator.Outcome;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The variables of {@code disabilityAllowance}, each declared once; the claim, its years and payments are in tables. */
public final class DisabilityVariables {

  public static final ProcessVariable<String> MEMBER_ID = text("memberId");
  public static final ProcessVariable<Boolean> ELIGIBLE = flag("disabilityEligible");
  public static final ProcessVariable<Outcome> OUTCOME = choice("disabilityOutcome", Outcome.class);
  /** The first day of the month being paid in arrears. */
  public static final ProcessVariable<LocalDate> MONTH = ProcessVariable.date("disabilityMonth");
  public static final ProcessVariable<LocalDate> MONTH_CLOSES = timerDay("disabilityMonthCloses");
  public static final ProcessVariable<DisabilityElements.MonthRoute> MONTH_ROUTE =
      choice("disabilityMonthRoute", DisabilityElements.MonthRoute.class);
  public static final ProcessVariable<DisabilityElements.YearRoute> YEAR_ROUTE =
      choice("disabilityYearRoute", DisabilityElements.YearRoute.class);
  /** recordDisabilityResources: the year's annual gross resources deducted (R-INV-5). */
  public static final ProcessVariable<BigDecimal> INVALIDITY_PENSION = money("invalidityPension");
  public static final ProcessVariable<BigDecimal> OLD_AGE_PENSION = money("oldAgePension");
  public static final ProcessVariable<BigDecimal> ACTIVITY_INCOME = money("activityIncome");
  /** decideDisabilityCapital: the capital the manager computed with the Règlement, and its source. */
  public static final ProcessVariable<BigDecimal> CAPITAL_AMOUNT = money("capitalAmount");
  public static final ProcessVariable<String> CAPITAL_SOURCE = text("capitalSource");

  private DisabilityVariables() {}
}
