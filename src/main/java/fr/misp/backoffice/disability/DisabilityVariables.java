package fr.misp.backoffice.disability;

import static fr.misp.backoffice.platform.engine.ProcessVariable.choice;
import static fr.misp.backoffice.platform.engine.ProcessVariable.flag;
import static fr.misp.backoffice.platform.engine.ProcessVariable.money;
import static fr.misp.backoffice.platform.engine.ProcessVariable.text;

import fr.misp.backoffice.platform.engine.ProcessVariable;
import fr.misp.backoffice.rules.disability.DisabilityCalculator.Outcome;
import java.math.BigDecimal;

/** The variables of {@code disabilityAllowance}, each declared once; the claim, its years and payments are in tables. */
public final class DisabilityVariables {

  public static final ProcessVariable<String> MEMBER_ID = text("memberId");
  public static final ProcessVariable<Boolean> ELIGIBLE = flag("disabilityEligible");
  public static final ProcessVariable<Outcome> OUTCOME = choice("disabilityOutcome", Outcome.class);
  /** recordDisabilityResources: the year's annual gross resources deducted (R-INV-5). */
  public static final ProcessVariable<BigDecimal> INVALIDITY_PENSION = money("invalidityPension");
  public static final ProcessVariable<BigDecimal> OLD_AGE_PENSION = money("oldAgePension");
  public static final ProcessVariable<BigDecimal> ACTIVITY_INCOME = money("activityIncome");
  /** decideDisabilityCapital: the capital the manager computed with the Règlement, and its source. */
  public static final ProcessVariable<BigDecimal> CAPITAL_AMOUNT = money("capitalAmount");
  public static final ProcessVariable<String> CAPITAL_SOURCE = text("capitalSource");

  private DisabilityVariables() {}
}
