package fr.misp.backoffice.rules.autonomy;

import fr.misp.backoffice.rules.Explanation;
import fr.misp.backoffice.rules.Money;
import fr.misp.backoffice.rules.RuleViolation;
import fr.misp.backoffice.rules.Step;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rente et forfait dépendance totale (guide: "4. Rente et forfait dépendance totale", R-DEP-1..3).
 * Calendar: monthly annuity from the day 3 continuous months of GIR 1 are reached; the waiting
 * period is 36 months of membership before the dependency starts.
 */
public final class TotalDependencyCalculator {

  /** R-DEP-2: 120 € a month. */
  public static final BigDecimal MONTHLY_ANNUITY = new BigDecimal("120");
  /** R-DEP-3: 500 € a year when at home at least 6 months of the past year. */
  public static final BigDecimal HOME_FORFAIT = new BigDecimal("500");
  public static final int HOME_MONTHS_REQUIRED = 6;
  /** R-DEP-1: 36 months of membership. */
  public static final int WAITING_MONTHS = 36;
  /** R-DEP-2: first payment after 3 continuous months. */
  public static final int CONTINUOUS_MONTHS = 3;

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
    Explanation why = new Explanation();
    List<String> refusals = new ArrayList<>();
    if (in.beneficiary() == Beneficiary.OTHER) {
      refusals.add("Réservée aux MP actifs ou retraités et aux bénéficiaires conjoints (R-DEP-1)");
    }
    if (in.gir() != 1) {
      refusals.add("Classement GIR " + in.gir() + " : seule la dépendance totale (GIR 1) ouvre droit (R-DEP-1)");
    }
    LocalDate waitingEnd = in.membershipStartDate().plusMonths(WAITING_MONTHS);
    why.note("R-DEP-1", "Délai d'attente : 36 mois d'adhésion, atteint le " + waitingEnd);
    if (in.dependencyStartDate().isBefore(waitingEnd)) {
      refusals.add("Dépendance survenue le " + in.dependencyStartDate() + ", avant la fin du délai d'attente de 36 mois ("
          + waitingEnd + ") (R-DEP-1)");
    }
    if (!refusals.isEmpty()) {
      refusals.forEach(r -> why.note("R-DEP-1", r));
      return new Result(false, List.copyOf(refusals), waitingEnd, null, Money.ZERO, Money.ZERO, why.steps(), why.warnings());
    }
    LocalDate firstPayment = in.dependencyStartDate().plusMonths(CONTINUOUS_MONTHS);
    why.step("R-DEP-2", "Rente mensuelle, premier versement après 3 mois continus de dépendance totale, le " + firstPayment,
        MONTHLY_ANNUITY);
    BigDecimal forfait = BigDecimal.ZERO;
    if (in.homeMonthsLastYear() >= HOME_MONTHS_REQUIRED) {
      forfait = HOME_FORFAIT;
      why.step("R-DEP-3", "Forfait annuel de maintien à domicile (" + in.homeMonthsLastYear() + " mois à domicile ≥ 6)", forfait);
    } else {
      why.note("R-DEP-3", "Pas de forfait domicile : " + in.homeMonthsLastYear() + " mois à domicile sur l'année (6 requis)");
    }
    return new Result(true, List.of(), waitingEnd, firstPayment, Money.cents(MONTHLY_ANNUITY), Money.cents(forfait),
        why.steps(), why.warnings());
  }
}
