package fr.misp.backoffice.rules.autonomy;

import fr.misp.backoffice.rules.Explanation;
import fr.misp.backoffice.rules.FrenchFormat;
import fr.misp.backoffice.rules.Money;
import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.RuleViolation;
import fr.misp.backoffice.rules.Step;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Allocation Perte Temporaire d'Autonomie (guide: "3. Allocation PTA", R-PTA-1, R-PTA-2).
 *
 * <p>Calendar (Decision, kept here): rights open on the 31st continuous day of work stoppage; each
 * quarter is three calendar months from that day; a quarter is due when it has begun while the
 * stoppage lasts; at most 4 quarters over the member's life of the claim, minus those already paid.
 * The amounts, limits and delays are the parameters in force on the first day of the stoppage.
 */
public final class TemporaryAutonomyLossCalculator {

  // Parameter ids (values and sources in rules/parameters.csv).
  /** R-PTA-2: the amount per quarter (400 €). */
  public static final String QUARTERLY_AMOUNT = "P-PTA-QUARTERLY-AMOUNT";
  /** R-PTA-2: at most this many quarters (4). */
  public static final String MAX_QUARTERS = "P-PTA-MAX-QUARTERS";
  /** R-PTA-2: franchise in days of continuous stoppage (30). */
  public static final String FRANCHISE_DAYS = "P-PTA-FRANCHISE-DAYS";
  /** R-PTA-1: the member is under this age at the start of the stoppage (65). */
  public static final String AGE_LIMIT = "P-PTA-AGE-LIMIT";

  private final Parameters parameters;

  public TemporaryAutonomyLossCalculator(Parameters parameters) {
    this.parameters = parameters;
  }

  /** R-PTA-1: the serious illnesses the guide names. */
  public enum Condition {
    MYOCARDIAL_INFARCTION("infarctus du myocarde"),
    CANCER("cancer"),
    DISABLING_STROKE("accident vasculaire cérébral invalidant"),
    MULTIPLE_SCLEROSIS("sclérose en plaques"),
    SEVERE_TRAUMATIC_INJURIES("polytraumatismes graves"),
    BLINDNESS_OR_DEAFNESS("cécité ou surdité"),
    SEVERE_BURNS("grands brûlés");

    private final String label;

    Condition(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * @param stoppageEndDate last day of the stoppage, or null while it lasts (all remaining quarters are scheduled)
   * @param quartersAlreadyPaid quarters already paid for an earlier stoppage (R-PTA-2: continuous or not)
   */
  public record Input(Beneficiary beneficiary, LocalDate birthDate, Condition condition, LocalDate stoppageStartDate,
      LocalDate stoppageEndDate, int quartersAlreadyPaid) {}

  public record Quarter(int number, LocalDate from, LocalDate to, BigDecimal amount) {}

  public record Result(boolean eligible, List<String> refusalReasons, LocalDate rightsStartDate, List<Quarter> quarters,
      BigDecimal totalAmount, List<Step> steps, List<String> warnings) {}

  public Result calculate(Input in) {
    if (in.stoppageEndDate() != null && in.stoppageEndDate().isBefore(in.stoppageStartDate())) {
      throw RuleViolation.of("stoppageEndDate", "before_start", "La fin de l'arrêt précède son début",
          "The stoppage ends before it starts");
    }
    // Parameters at the reference date: the first day of the stoppage.
    LocalDate day = in.stoppageStartDate();
    BigDecimal quarterlyAmount = parameters.value(QUARTERLY_AMOUNT, day, "stoppageStartDate");
    int maxQuarters = parameters.integer(MAX_QUARTERS, day, "stoppageStartDate");
    int franchiseDays = parameters.integer(FRANCHISE_DAYS, day, "stoppageStartDate");
    int ageLimit = parameters.integer(AGE_LIMIT, day, "stoppageStartDate");
    if (in.quartersAlreadyPaid() < 0 || in.quartersAlreadyPaid() > maxQuarters) {
      throw RuleViolation.of("quartersAlreadyPaid", "out_of_range",
          "Entre 0 et " + maxQuarters + " trimestres déjà versés", "Between 0 and " + maxQuarters + " quarters already paid");
    }
    Explanation why = new Explanation();
    List<String> refusals = new ArrayList<>();
    if (in.beneficiary() != Beneficiary.ACTIVE_MEMBER && in.beneficiary() != Beneficiary.SPOUSE_BENEFICIARY) {
      refusals.add("Réservée aux MP actifs et aux bénéficiaires conjoints (R-PTA-1)");
    }
    int age = Period.between(in.birthDate(), in.stoppageStartDate()).getYears();
    if (age >= ageLimit) {
      refusals.add("Âge au début de l'arrêt : " + age + " ans ; l'allocation est réservée aux moins de " + ageLimit
          + " ans (R-PTA-1)");
    }
    why.note("R-PTA-1", "Pathologie : " + in.condition().label() + " ; âge au début de l'arrêt : " + age + " ans");
    LocalDate rightsStart = in.stoppageStartDate().plusDays(franchiseDays);
    if (in.stoppageEndDate() != null && in.stoppageEndDate().isBefore(rightsStart)) {
      refusals.add("Arrêt de travail de " + (ChronoUnit.DAYS.between(in.stoppageStartDate(), in.stoppageEndDate()) + 1)
          + " jours : la franchise est de " + franchiseDays + " jours continus (R-PTA-2)");
    }
    if (in.quartersAlreadyPaid() >= maxQuarters) {
      refusals.add("Les " + maxQuarters + " trimestres ont déjà été versés (R-PTA-2)");
    }
    if (!refusals.isEmpty()) {
      refusals.forEach(r -> why.note("R-PTA-1", r));
      return new Result(false, List.copyOf(refusals), null, List.of(), Money.ZERO, why.steps(), why.warnings());
    }
    why.note("R-PTA-2", "Franchise de " + franchiseDays + " jours : droits ouverts au "
        + FrenchFormat.ordinal(franchiseDays + 1) + " jour d'arrêt continu, le " + rightsStart);
    List<Quarter> quarters = new ArrayList<>();
    int remaining = maxQuarters - in.quartersAlreadyPaid();
    for (int i = 0; i < remaining; i++) {
      LocalDate from = rightsStart.plusMonths(3L * i);
      if (in.stoppageEndDate() != null && from.isAfter(in.stoppageEndDate())) {
        break;
      }
      LocalDate to = rightsStart.plusMonths(3L * (i + 1)).minusDays(1);
      int number = in.quartersAlreadyPaid() + i + 1;
      quarters.add(new Quarter(number, from, to, Money.cents(quarterlyAmount)));
      why.step("R-PTA-2", "Trimestre " + number + " (du " + from + " au " + to + ")", quarterlyAmount);
    }
    BigDecimal total = quarterlyAmount.multiply(BigDecimal.valueOf(quarters.size()));
    why.step("R-PTA-2", "Total : " + FrenchFormat.euros(quarterlyAmount) + " × " + quarters.size() + " trimestre(s), "
        + maxQuarters + " au plus", total);
    if (in.stoppageEndDate() == null) {
      why.warn("Arrêt en cours : le calendrier suppose que l'arrêt dure ; un trimestre n'est dû que s'il commence "
          + "pendant l'arrêt / ongoing stoppage: a quarter is due only if it starts during the stoppage");
    }
    return new Result(true, List.of(), rightsStart, List.copyOf(quarters), Money.cents(total), why.steps(), why.warnings());
  }
}
