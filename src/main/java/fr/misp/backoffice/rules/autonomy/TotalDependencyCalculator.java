package fr.misp.backoffice.rules.autonomy;

import fr.misp.backoffice.rules.Explanation;
import fr.misp.backoffice.rules.FrenchFormat;
import fr.misp.backoffice.rules.Money;
import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.RuleViolation;
import fr.misp.backoffice.rules.Step;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rente et forfait dépendance totale (guide: "4. Rente et forfait dépendance totale", R-DEP-1..3).
 * Calendar: monthly annuity from the day 3 continuous months of GIR 1 are reached; the waiting
 * period is 36 months of membership before the dependency starts. The amounts, grades and delays
 * are the parameters in force on the day the dependency starts.
 */
public final class TotalDependencyCalculator {

  // Parameter ids (values and sources in rules/parameters.csv).
  /** R-DEP-1: total dependency is a GIR up to this one (GIR 1). */
  public static final String MAX_GIR = "P-DEP-MAX-GIR";
  /** R-DEP-1: waiting period in months of membership (36). */
  public static final String WAITING_MONTHS = "P-DEP-WAITING-MONTHS";
  /** R-DEP-2: the monthly annuity (120 €). */
  public static final String MONTHLY_ANNUITY = "P-DEP-MONTHLY-ANNUITY";
  /** R-DEP-2: first payment after this many continuous months (3). */
  public static final String CONTINUOUS_MONTHS = "P-DEP-CONTINUOUS-MONTHS";
  /** R-DEP-3: the yearly home-care forfait (500 €). */
  public static final String HOME_FORFAIT = "P-DEP-HOME-FORFAIT";
  /** R-DEP-3: months at home during the past year that open the forfait (6). */
  public static final String HOME_MONTHS_REQUIRED = "P-DEP-HOME-MONTHS";

  private final Parameters parameters;

  public TotalDependencyCalculator(Parameters parameters) {
    this.parameters = parameters;
  }

  /**
   * @param gir autonomy grade (1 to 6): only GIR 1 is total dependency
   * @param homeMonthsLastYear months spent at home during the past 12 months (R-DEP-3)
   */
  public record Input(Beneficiary beneficiary, int gir, LocalDate membershipStartDate, LocalDate dependencyStartDate,
      int homeMonthsLastYear) {}

  public record Result(boolean eligible, List<String> refusalReasons, LocalDate waitingPeriodEndDate,
      LocalDate firstPaymentDate, BigDecimal monthlyAnnuity, BigDecimal annualHomeForfait, List<Step> steps,
      List<String> warnings) {}

  public Result calculate(Input in) {
    if (in.gir() < 1 || in.gir() > 6) {
      throw RuleViolation.of("gir", "out_of_range", "Le GIR est compris entre 1 et 6", "GIR is between 1 and 6");
    }
    if (in.homeMonthsLastYear() < 0 || in.homeMonthsLastYear() > 12) {
      throw RuleViolation.of("homeMonthsLastYear", "out_of_range", "Entre 0 et 12 mois", "Between 0 and 12 months");
    }
    if (in.dependencyStartDate().isBefore(in.membershipStartDate())) {
      throw RuleViolation.of("dependencyStartDate", "before_membership",
          "La dépendance ne peut précéder l'adhésion", "Dependency cannot start before membership");
    }
    // Parameters at the reference date: the day the dependency starts.
    LocalDate day = in.dependencyStartDate();
    int maxGir = parameters.integer(MAX_GIR, day, "dependencyStartDate");
    int waitingMonths = parameters.integer(WAITING_MONTHS, day, "dependencyStartDate");
    Explanation why = new Explanation();
    List<String> refusals = new ArrayList<>();
    if (in.beneficiary() == Beneficiary.OTHER) {
      refusals.add("Réservée aux MP actifs ou retraités et aux bénéficiaires conjoints (R-DEP-1)");
    }
    if (in.gir() > maxGir) {
      refusals.add("Classement GIR " + in.gir() + " : seule la dépendance totale (GIR " + FrenchFormat.range(1, maxGir)
          + ") ouvre droit (R-DEP-1)");
    }
    LocalDate waitingEnd = in.membershipStartDate().plusMonths(waitingMonths);
    why.note("R-DEP-1", "Délai d'attente : " + waitingMonths + " mois d'adhésion, atteint le " + waitingEnd);
    if (in.dependencyStartDate().isBefore(waitingEnd)) {
      refusals.add("Dépendance survenue le " + in.dependencyStartDate() + ", avant la fin du délai d'attente de "
          + waitingMonths + " mois (" + waitingEnd + ") (R-DEP-1)");
    }
    if (!refusals.isEmpty()) {
      refusals.forEach(r -> why.note("R-DEP-1", r));
      return new Result(false, List.copyOf(refusals), waitingEnd, null, Money.ZERO, Money.ZERO, why.steps(), why.warnings());
    }
    int continuousMonths = parameters.integer(CONTINUOUS_MONTHS, day, "dependencyStartDate");
    BigDecimal annuity = parameters.value(MONTHLY_ANNUITY, day, "dependencyStartDate");
    int homeMonthsRequired = parameters.integer(HOME_MONTHS_REQUIRED, day, "dependencyStartDate");
    LocalDate firstPayment = in.dependencyStartDate().plusMonths(continuousMonths);
    why.step("R-DEP-2", "Rente mensuelle, premier versement après " + continuousMonths + " mois continus de dépendance "
        + "totale, le " + firstPayment, annuity);
    BigDecimal forfait = BigDecimal.ZERO;
    if (in.homeMonthsLastYear() >= homeMonthsRequired) {
      forfait = parameters.value(HOME_FORFAIT, day, "dependencyStartDate");
      why.step("R-DEP-3", "Forfait annuel de maintien à domicile (" + in.homeMonthsLastYear() + " mois à domicile ≥ "
          + homeMonthsRequired + ")", forfait);
    } else {
      why.note("R-DEP-3", "Pas de forfait domicile : " + in.homeMonthsLastYear() + " mois à domicile sur l'année ("
          + homeMonthsRequired + " requis)");
    }
    return new Result(true, List.of(), waitingEnd, firstPayment, Money.cents(annuity), Money.cents(forfait),
        why.steps(), why.warnings());
  }
}
