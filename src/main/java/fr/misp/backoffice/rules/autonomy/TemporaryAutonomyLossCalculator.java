package fr.misp.backoffice.rules.autonomy;

import fr.misp.backoffice.rules.Explanation;
import fr.misp.backoffice.rules.Money;
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
 */
public final class TemporaryAutonomyLossCalculator {

  /** R-PTA-2: 400 € per quarter. */
  public static final BigDecimal QUARTERLY_AMOUNT = new BigDecimal("400");
  /** R-PTA-2: at most 4 quarters. */
  public static final int MAX_QUARTERS = 4;
  /** R-PTA-2: 30-day franchise. */
  public static final int FRANCHISE_DAYS = 30;
  /** R-PTA-1: under 65. */
  public static final int AGE_LIMIT = 65;

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
    if (in.quartersAlreadyPaid() < 0 || in.quartersAlreadyPaid() > MAX_QUARTERS) {
      throw RuleViolation.of("quartersAlreadyPaid", "out_of_range", "Entre 0 et 4 trimestres déjà versés",
          "Between 0 and 4 quarters already paid");
    }
    Explanation why = new Explanation();
    List<String> refusals = new ArrayList<>();
    if (in.beneficiary() != Beneficiary.ACTIVE_MEMBER && in.beneficiary() != Beneficiary.SPOUSE_BENEFICIARY) {
      refusals.add("Réservée aux MP actifs et aux bénéficiaires conjoints (R-PTA-1)");
    }
    int age = Period.between(in.birthDate(), in.stoppageStartDate()).getYears();
    if (age >= AGE_LIMIT) {
      refusals.add("Âge au début de l'arrêt : " + age + " ans ; l'allocation est réservée aux moins de 65 ans (R-PTA-1)");
    }
    why.note("R-PTA-1", "Pathologie : " + in.condition().label() + " ; âge au début de l'arrêt : " + age + " ans");
    LocalDate rightsStart = in.stoppageStartDate().plusDays(FRANCHISE_DAYS);
    if (in.stoppageEndDate() != null && in.stoppageEndDate().isBefore(rightsStart)) {
      refusals.add("Arrêt de travail de " + (ChronoUnit.DAYS.between(in.stoppageStartDate(), in.stoppageEndDate()) + 1)
          + " jours : la franchise est de 30 jours continus (R-PTA-2)");
    }
    if (in.quartersAlreadyPaid() >= MAX_QUARTERS) {
      refusals.add("Les 4 trimestres ont déjà été versés (R-PTA-2)");
    }
    if (!refusals.isEmpty()) {
      refusals.forEach(r -> why.note("R-PTA-1", r));
      return new Result(false, List.copyOf(refusals), null, List.of(), Money.ZERO, why.steps(), why.warnings());
    }
    why.note("R-PTA-2", "Franchise de 30 jours : droits ouverts au 31e jour d'arrêt continu, le " + rightsStart);
    List<Quarter> quarters = new ArrayList<>();
    int remaining = MAX_QUARTERS - in.quartersAlreadyPaid();
    for (int i = 0; i < remaining; i++) {
      LocalDate from = rightsStart.plusMonths(3L * i);
      if (in.stoppageEndDate() != null && from.isAfter(in.stoppageEndDate())) {
        break;
      }
      LocalDate to = rightsStart.plusMonths(3L * (i + 1)).minusDays(1);
      int number = in.quartersAlreadyPaid() + i + 1;
      quarters.add(new Quarter(number, from, to, Money.cents(QUARTERLY_AMOUNT)));
      why.step("R-PTA-2", "Trimestre " + number + " (du " + from + " au " + to + ")", QUARTERLY_AMOUNT);
    }
    BigDecimal total = QUARTERLY_AMOUNT.multiply(BigDecimal.valueOf(quarters.size()));
    why.step("R-PTA-2", "Total : 400 € × " + quarters.size() + " trimestre(s), 4 au plus", total);
    if (in.stoppageEndDate() == null) {
      why.warn("Arrêt en cours : le calendrier suppose que l'arrêt dure ; un trimestre n'est dû que s'il commence "
          + "pendant l'arrêt / ongoing stoppage: a quarter is due only if it starts during the stoppage");
    }
    return new Result(true, List.of(), rightsStart, List.copyOf(quarters), Money.cents(total), why.steps(), why.warnings());
  }
}
