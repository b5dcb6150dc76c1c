package fr.misp.backoffice.rules.dailyallowance;

import fr.misp.backoffice.rules.Explanation;
import fr.misp.backoffice.rules.FrenchFormat;
import fr.misp.backoffice.rules.Money;
import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.Parameters.Parameter;
import fr.misp.backoffice.rules.RuleViolation;
import fr.misp.backoffice.rules.Step;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Allocations Journalières, monthly amount (guide: "1. Allocations Journalières", R-AJ-2..5). */
public final class DailyAllowanceCalculator {

  /** Parameter id, R-AJ-3: the guarantee rate of the reference base (77 % in the guide). */
  public static final String GUARANTEE_RATE = "P-AJ-GUARANTEE-RATE";

  private final Parameters parameters;

  public DailyAllowanceCalculator(Parameters parameters) {
    this.parameters = parameters;
  }

  /**
   * @param referenceMonthlyBase average monthly contribution base of the 12 months before the loss of full pay (R-AJ-2)
   * @param grossPaidInMonth gross sums paid for the month by the employer, an OPAM or another insurer (R-AJ-4)
   * @param netSalaryBeforeStoppage net salary before tax before the stoppage (R-AJ-5)
   * @param netPaidInMonth net resources received during the stoppage for the month (R-AJ-5)
   * @param referenceDate the date that picks the parameters (the month computed)
   * @param activeMember whether the member is an active MP (R-AJ-1: the only ones eligible)
   * @param halfPayFrom the first day of half pay when it falls inside the month computed (else null):
   *     that month's guarantee counts only its days of half pay, by calendar days
   * @param endsOn the first day no longer covered (return to work, invalidity, PTIA, death…) when it falls inside
   *     the month computed (else null): that month's guarantee counts only the days before it, by calendar days
   */
  public record Input(BigDecimal referenceMonthlyBase, BigDecimal grossPaidInMonth,
      BigDecimal netSalaryBeforeStoppage, BigDecimal netPaidInMonth, LocalDate referenceDate, boolean activeMember,
      LocalDate halfPayFrom, LocalDate endsOn) {

    /** A month that does not end the allowances. */
    public Input(BigDecimal referenceMonthlyBase, BigDecimal grossPaidInMonth, BigDecimal netSalaryBeforeStoppage,
        BigDecimal netPaidInMonth, LocalDate referenceDate, boolean activeMember, LocalDate halfPayFrom) {
      this(referenceMonthlyBase, grossPaidInMonth, netSalaryBeforeStoppage, netPaidInMonth, referenceDate, activeMember,
          halfPayFrom, null);
    }

    /** An active member, a whole month of half pay. */
    public Input(BigDecimal referenceMonthlyBase, BigDecimal grossPaidInMonth, BigDecimal netSalaryBeforeStoppage,
        BigDecimal netPaidInMonth, LocalDate referenceDate) {
      this(referenceMonthlyBase, grossPaidInMonth, netSalaryBeforeStoppage, netPaidInMonth, referenceDate, true, null);
    }
  }

  public record Result(BigDecimal guarantee, BigDecimal monthlyAllowance, boolean capApplied,
      List<Step> steps, List<String> warnings) {}

  public Result calculate(Input in) {
    if (!in.activeMember()) {
      throw RuleViolation.of("memberCategory", "not_active_member", "R-AJ-1 : seuls les membres participants actifs "
          + "ont droit aux allocations journalières", "R-AJ-1: only active members are eligible");
    }
    Explanation why = new Explanation();
    BigDecimal base = in.referenceMonthlyBase();
    why.step("R-AJ-2", "Assiette de référence : moyenne mensuelle des 12 mois précédant le passage à demi-traitement", base);
    Optional<Parameter> floor = parameters.at(Parameters.ASSIETTE_PLANCHER, in.referenceDate());
    if (floor.isPresent()) {
      if (base.compareTo(floor.get().value()) < 0) {
        base = floor.get().value();
        why.step("R-AJ-2", "Assiette portée au plancher de cotisation (" + floor.get().source() + ")", base);
      }
    } else {
      why.warn("P-ASSIETTE-PLANCHER n'est pas configuré (Règlement MISP, absent du guide) : le plancher de l'assiette "
          + "n'a pas été appliqué / P-ASSIETTE-PLANCHER is not configured: the floor was not applied");
    }
    // Parameters at the reference date: the month computed.
    BigDecimal rate = parameters.value(GUARANTEE_RATE, in.referenceDate(), "referenceDate");
    BigDecimal guarantee = base.multiply(rate);
    why.step("R-AJ-3", "Garantie : " + FrenchFormat.percent(rate) + " de l'assiette de référence", guarantee);
    java.time.YearMonth month = java.time.YearMonth.from(in.halfPayFrom() != null ? in.halfPayFrom()
        : in.endsOn() != null ? in.endsOn() : in.referenceDate());
    int first = in.halfPayFrom() != null ? in.halfPayFrom().getDayOfMonth() : 1;
    // The end date is the first day no longer covered: the month counts the days before it.
    int last = in.endsOn() != null ? in.endsOn().getDayOfMonth() - 1 : month.lengthOfMonth();
    int days = Math.max(0, last - first + 1);
    if (days < month.lengthOfMonth()) {
      // A month entered on half pay, or left, on the way: its guarantee counts its days covered, by calendar days.
      guarantee = guarantee.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(month.lengthOfMonth()),
          Money.EXACT);
      why.step("R-AJ-6", "Mois partiel : " + (in.halfPayFrom() != null && first > 1 ? "demi-traitement à partir du "
          + in.halfPayFrom() : "") + (in.halfPayFrom() != null && first > 1 && in.endsOn() != null
          ? ", " : "") + (in.endsOn() != null ? "fin le " + in.endsOn() : "") + ", " + days
          + " jour(s) sur " + month.lengthOfMonth() + " (prorata des jours calendaires)", guarantee);
    }
    why.step("R-AJ-4", "Sommes brutes versées pour le mois (employeur, OPAM, autre organisme)", in.grossPaidInMonth());
    BigDecimal allowance = Money.max(guarantee.subtract(in.grossPaidInMonth()), BigDecimal.ZERO);
    why.step("R-AJ-4", "Allocation avant plafond : garantie − sommes brutes versées (jamais négative)", allowance);

    BigDecimal room = Money.max(in.netSalaryBeforeStoppage().subtract(in.netPaidInMonth()), BigDecimal.ZERO);
    boolean capApplied = allowance.compareTo(room) > 0;
    if (capApplied) {
      allowance = room;
      why.step("R-AJ-5", "Principe indemnitaire : allocation réduite pour que ressources nettes + AJ ne dépassent pas "
          + "le salaire net avant l'arrêt (" + Money.cents(in.netSalaryBeforeStoppage()) + " €)", allowance);
    } else {
      why.step("R-AJ-5", "Principe indemnitaire respecté : ressources nettes " + Money.cents(in.netPaidInMonth())
          + " € + AJ = " + Money.cents(in.netPaidInMonth().add(allowance)) + " € ≤ salaire net avant l'arrêt "
          + Money.cents(in.netSalaryBeforeStoppage()) + " €", in.netPaidInMonth().add(allowance));
    }
    BigDecimal monthly = Money.cents(allowance);
    why.step("R-AJ-4", "Allocation journalière du mois", monthly);
    return new Result(Money.cents(guarantee), monthly, capApplied, why.steps(), why.warnings());
  }
}
