package fr.misp.backoffice.rules.socialaid;

import fr.misp.backoffice.rules.Explanation;
import fr.misp.backoffice.rules.FrenchFormat;
import fr.misp.backoffice.rules.Money;
import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.Step;
import fr.misp.backoffice.rules.socialaid.LoanScheduleCalculator.LoanType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * Eligibility and limits of an Action Sociale request (guide: "Vos aides solidaires", R-AS-2, R-AS-3,
 * R-CAP-4) and the "reste à vivre" per consumption unit shown to the commission.
 *
 * <p>Consumption units: the guide gives no scale. The modified OECD scale used by INSEE is applied and
 * kept as parameters (with that source): 1 for the first person, 0.5 for each other person aged 14 or
 * more, 0.3 for each child under 14.
 *
 * <p>Every limit is the parameter in force at the date the caller names: the request's reference date
 * for its eligibility, the day of the decision for the commission's decision.
 */
public final class SocialAidRules {

  // Parameter ids (values and sources in rules/parameters.csv).
  /** Modified OECD scale (INSEE): first person (1). */
  public static final String UC_FIRST_PERSON = "P-AS-UC-FIRST-PERSON";
  /** Modified OECD scale (INSEE): each other person aged 14 or more (0.5). */
  public static final String UC_OTHER_ADULT = "P-AS-UC-OTHER-ADULT";
  /** Modified OECD scale (INSEE): each child under 14 (0.3). */
  public static final String UC_CHILD_UNDER_14 = "P-AS-UC-CHILD-UNDER-14";
  /** R-AS-3: the carer allowance is for a relative classified GIR 1 up to this one (2). */
  public static final String CARER_MAX_GIR = "P-AS-CARER-MAX-GIR";
  /** R-CAP-4: orphans up to this age inclusive (29). */
  public static final String ORPHAN_MAX_AGE = "P-AS-ORPHAN-MAX-AGE";

  private final Parameters parameters;
  private final LoanScheduleCalculator loans;

  public SocialAidRules(Parameters parameters) {
    this.parameters = parameters;
    this.loans = new LoanScheduleCalculator(parameters);
  }

  public enum AidType { GRANT, SOCIAL_LOAN, SPECIAL_ADVANCE, HOME_HELP, DISABILITY_ALLOWANCE, CARER_ALLOWANCE, ORPHAN_ALLOWANCE;

    /** R-AS-3: annual allowances come back to the commission every year. */
    public boolean annual() {
      return this == DISABILITY_ALLOWANCE || this == CARER_ALLOWANCE || this == ORPHAN_ALLOWANCE;
    }

    public LoanType loanType() {
      return this == SOCIAL_LOAN ? LoanType.SOCIAL_LOAN : this == SPECIAL_ADVANCE ? LoanType.SPECIAL_ADVANCE : null;
    }
  }

  public enum CarerRelation { SPOUSE, CHILD, PARENT, OTHER }

  /**
   * @param carerRelation who the member cares for (CARER_ALLOWANCE)
   * @param carerGir the GIR of that person (CARER_ALLOWANCE)
   * @param orphanBirthDate birth date of the orphan (ORPHAN_ALLOWANCE)
   */
  public record Request(AidType aidType, BigDecimal amount, Integer durationMonths, CarerRelation carerRelation,
      Integer carerGir, LocalDate orphanBirthDate, LocalDate referenceDate) {}

  public record Eligibility(boolean eligible, List<String> reasons, List<Step> steps) {}

  /** Parameters at the request's reference date. */
  public Eligibility check(Request r) {
    LocalDate day = r.referenceDate();
    Explanation why = new Explanation();
    List<String> reasons = new ArrayList<>();
    LoanType loan = r.aidType().loanType();
    if (loan != null) {
      int months = r.durationMonths() == null ? 0 : r.durationMonths();
      loans.check(loan, r.amount(), months, day).forEach(p -> reasons.add(p.message() + " (R-AS-2)"));
      LoanScheduleCalculator.Limits limits = loans.limits(loan, day);
      why.note("R-AS-2", (loan == LoanType.SOCIAL_LOAN ? "Prêt social" : "Avance spéciale") + " : au plus "
          + FrenchFormat.euros(limits.maxAmount()) + " sur " + limits.maxMonths() + " mois, sans intérêts ni frais");
    } else if (!r.aidType().annual() && (r.amount() == null || r.amount().signum() <= 0)) {
      // Annual allowances may come without an amount: the commission sets it (R-CAP-4: its scale is
      // an Action Sociale decision, not in the guide).
      reasons.add("Le montant demandé doit être positif");
    }
    if (r.aidType() == AidType.CARER_ALLOWANCE) {
      if (r.carerRelation() == null || r.carerRelation() == CarerRelation.OTHER) {
        reasons.add("L'allocation d'aidant est réservée à l'aidant d'un conjoint, d'un enfant ou d'un ascendant au "
            + "premier degré (R-AS-3)");
      }
      int maxGir = parameters.integer(CARER_MAX_GIR, day, "referenceDate");
      if (r.carerGir() == null || r.carerGir() > maxGir || r.carerGir() < 1) {
        reasons.add("La personne aidée doit être classée GIR " + FrenchFormat.range(1, maxGir) + " (R-AS-3)");
      }
    }
    if (r.aidType() == AidType.ORPHAN_ALLOWANCE) {
      if (r.orphanBirthDate() == null) {
        reasons.add("Date de naissance de l'orphelin requise (R-CAP-4)");
      } else {
        int age = Period.between(r.orphanBirthDate(), day).getYears();
        int maxAge = parameters.integer(ORPHAN_MAX_AGE, day, "referenceDate");
        if (age > maxAge) {
          reasons.add("L'allocation orphelin est servie jusqu'à " + maxAge + " ans inclus ; l'orphelin a " + age
              + " ans (R-CAP-4)");
        }
      }
    }
    reasons.forEach(reason -> why.note("R-AS-3", reason));
    if (reasons.isEmpty()) {
      why.note("R-AS-3", "Demande recevable : elle est soumise à la commission d'Action Sociale");
    }
    return new Eligibility(reasons.isEmpty(), List.copyOf(reasons), why.steps());
  }

  /** Consumption units of a household (modified OECD scale in force at {@code date}). */
  public BigDecimal consumptionUnits(int householdSize, int childrenUnder14, LocalDate date) {
    int children = Math.max(0, Math.min(childrenUnder14, householdSize - 1));
    int otherAdults = Math.max(0, householdSize - 1 - children);
    return parameters.value(UC_FIRST_PERSON, date, "date")
        .add(parameters.value(UC_OTHER_ADULT, date, "date").multiply(BigDecimal.valueOf(otherAdults)))
        .add(parameters.value(UC_CHILD_UNDER_14, date, "date").multiply(BigDecimal.valueOf(children)));
  }

  /** "Reste à vivre" per consumption unit per month: (resources − charges) / UC, rounded to the cent. */
  public BigDecimal disposableIncomePerUnit(BigDecimal monthlyResources, BigDecimal monthlyCharges,
      int householdSize, int childrenUnder14, LocalDate date) {
    BigDecimal units = consumptionUnits(householdSize, childrenUnder14, date);
    return monthlyResources.subtract(monthlyCharges).divide(units, 2, RoundingMode.HALF_UP);
  }

  /** The problems of the commission's decision against the limits of R-AS-2 in force at {@code date} (none: empty). */
  public List<String> decisionProblems(AidType type, BigDecimal grantedAmount, Integer grantedDurationMonths,
      LocalDate date) {
    List<String> problems = new ArrayList<>();
    if (grantedAmount == null || grantedAmount.signum() <= 0) {
      problems.add("Montant accordé requis et positif");
      return problems;
    }
    LoanType loan = type.loanType();
    if (loan != null) {
      loans.check(loan, grantedAmount, grantedDurationMonths == null ? 0 : grantedDurationMonths, date)
          .forEach(p -> problems.add(p.message()));
    }
    if (Money.cents(grantedAmount).compareTo(grantedAmount) != 0) {
      problems.add("Au plus deux décimales");
    }
    return problems;
  }
}
