package fr.misp.backoffice.rules.disability;

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

/** Allocations d'invalidité (guide: "2. Allocations d'invalidité", R-INV-2..10). */
public final class DisabilityCalculator {

  // Parameter ids (values and sources in rules/parameters.csv).
  /** R-INV-2: IPT from this invalidity rate (60 %). */
  public static final String IPT_RATE_THRESHOLD = "P-INV-IPT-RATE-THRESHOLD";
  /** R-INV-2: IPT from this social-security category (2, so 2 or 3). */
  public static final String IPT_MIN_CATEGORY = "P-INV-IPT-MIN-CATEGORY";
  /** R-INV-3: bonuses kept by the employer count up to this rate of the base salary (15 %). */
  public static final String BONUS_CAP_RATE = "P-INV-BONUS-CAP-RATE";
  /** R-INV-4: rate of the reference salary, over 12 months (70 %). */
  public static final String GUARANTEE_RATE = "P-INV-GUARANTEE-RATE";
  /** R-INV-4: share of the IPT guarantee that is the IPP one (2/3). */
  public static final String IPP_SHARE = "P-INV-IPP-SHARE";
  /** R-INV-6: yearly cap of the temporary benefit (20 000 €). */
  public static final String ANNUAL_CAP = "P-INV-ANNUAL-CAP";
  /** R-INV-7: below this on the initial computation, a capital is paid instead (1 200 €). */
  public static final String INITIAL_THRESHOLD = "P-INV-INITIAL-THRESHOLD";
  /** R-INV-8: yearly minimum once a temporary benefit is paid (360 €). */
  public static final String ANNUAL_MINIMUM = "P-INV-ANNUAL-MINIMUM";
  /** R-INV-9: reviews go on until this age (69). */
  public static final String REVIEW_UNTIL_AGE = "P-INV-REVIEW-UNTIL-AGE";
  /** R-INV-10: the year of this birthday, a capital ends the temporary benefit (70). */
  public static final String END_AGE = "P-INV-END-AGE";

  /** The highest social-security invalidity category (a scale of the Sécurité sociale, not of the guide). */
  private static final int LAST_SOCIAL_SECURITY_CATEGORY = 3;

  public enum Category { IPT, IPP }

  public enum Outcome { TEMPORARY_BENEFIT, CAPITAL_INSTEAD, SUSPENDED }

  /** What a 1 January asks of an allowance in service (R-INV-9/10). */
  public enum Renewal { END_CAPITAL, AUTOMATIC, EVIDENCE }

  public record Resource(ResourceType type, BigDecimal annualAmount) {}

  /**
   * @param invalidityRate percent, optional when the social-security category is given
   * @param socialSecurityCategory 1, 2 or 3, optional when the rate is given
   * @param monthlyBaseSalary TIB (or gross base pay), reconstituted to full pay (R-INV-3)
   * @param monthlyBonuses bonuses kept by the employer, capped at 15 % of the TIB
   * @param monthlyCostOfLivingBonus overseas cost-of-living bonus, counted at 100 %
   * @param initial true for the first computation (R-INV-7), false for a yearly recalculation (R-INV-8)
   * @param birthDate optional: enables the age limits of R-INV-9 and R-INV-10
   */
  public record Input(LocalDate referenceDate, BigDecimal invalidityRate, Integer socialSecurityCategory,
      BigDecimal monthlyBaseSalary, BigDecimal monthlyBonuses, BigDecimal monthlyCostOfLivingBonus,
      List<Resource> resources, boolean initial, LocalDate birthDate, boolean activeMember) {

    /** An active member (R-INV-1: the only ones eligible). */
    public Input(LocalDate referenceDate, BigDecimal invalidityRate, Integer socialSecurityCategory,
        BigDecimal monthlyBaseSalary, BigDecimal monthlyBonuses, BigDecimal monthlyCostOfLivingBonus,
        List<Resource> resources, boolean initial, LocalDate birthDate) {
      this(referenceDate, invalidityRate, socialSecurityCategory, monthlyBaseSalary, monthlyBonuses,
          monthlyCostOfLivingBonus, resources, initial, birthDate, true);
    }
  }

  public record Result(Category category, BigDecimal referenceMonthlySalary, BigDecimal annualGuarantee,
      BigDecimal deductedResources, BigDecimal annualBenefit, BigDecimal monthlyBenefit, Outcome outcome,
      List<Step> steps, List<String> warnings) {}

  private final Parameters parameters;

  public DisabilityCalculator(Parameters parameters) {
    this.parameters = parameters;
  }

  public Result calculate(Input in) {
    if (!in.activeMember()) {
      throw RuleViolation.of("memberCategory", "not_active_member", "R-INV-1 : seuls les membres participants actifs "
          + "ont droit aux allocations d'invalidité", "R-INV-1: only active members are eligible");
    }
    // Parameters at the reference date: the date the benefit is computed for (initial or yearly).
    LocalDate day = in.referenceDate();
    Explanation why = new Explanation();
    Category category = category(in, why);

    BigDecimal bonusCapRate = parameters.value(BONUS_CAP_RATE, day, "referenceDate");
    BigDecimal bonusCap = in.monthlyBaseSalary().multiply(bonusCapRate);
    BigDecimal keptBonuses = Money.min(in.monthlyBonuses(), bonusCap);
    BigDecimal costOfLiving = in.monthlyCostOfLivingBonus() == null ? BigDecimal.ZERO : in.monthlyCostOfLivingBonus();
    BigDecimal reference = in.monthlyBaseSalary().add(keptBonuses).add(costOfLiving);
    why.step("R-INV-3", "Traitement indiciaire brut mensuel (reconstitué à plein traitement)", in.monthlyBaseSalary());
    why.step("R-INV-3", "Primes retenues : " + Money.cents(in.monthlyBonuses()) + " € plafonnées à "
        + FrenchFormat.percent(bonusCapRate) + " du traitement (" + Money.cents(bonusCap) + " €)", keptBonuses);
    if (costOfLiving.signum() > 0) {
      why.step("R-INV-3", "Prime de vie chère, retenue à 100 %", costOfLiving);
    }
    why.step("R-INV-3", "Salaire mensuel de référence", reference);

    BigDecimal guaranteeRate = parameters.value(GUARANTEE_RATE, day, "referenceDate");
    BigDecimal guarantee = reference.multiply(guaranteeRate).multiply(BigDecimal.valueOf(12));
    why.step("R-INV-4", "Garantie IPT : " + FrenchFormat.percent(guaranteeRate) + " × salaire de référence × 12",
        guarantee);
    if (category == Category.IPP) {
      BigDecimal ippShare = parameters.value(IPP_SHARE, day, "referenceDate");
      guarantee = guarantee.multiply(ippShare, Money.EXACT);
      why.step("R-INV-4", "Garantie IPP : " + FrenchFormat.share(ippShare) + " de la garantie IPT", guarantee);
    }
    Parameter revaluation = parameters.require(Parameters.REVALORISATION, day, "referenceDate");
    if (revaluation.value().compareTo(BigDecimal.ONE) != 0) {
      guarantee = guarantee.multiply(revaluation.value());
      why.step("R-INV-4", "Revalorisation × " + revaluation.value() + " (" + revaluation.source() + ")", guarantee);
    }
    guarantee = Money.cents(guarantee);

    BigDecimal deducted = BigDecimal.ZERO;
    for (Resource resource : in.resources()) {
      if (resource.type().deducted()) {
        deducted = deducted.add(resource.annualAmount());
        why.step("R-INV-5", "Ressource déduite : " + resource.type().label(), resource.annualAmount());
      } else {
        why.note("R-INV-5", "Ressource non déduite : " + resource.type().label() + " (" + Money.cents(resource.annualAmount()) + " €)");
      }
    }
    why.step("R-INV-5", "Total des ressources déduites (annuel)", deducted);

    BigDecimal benefit = guarantee.subtract(deducted);
    why.step("R-INV-6", "Garantie − ressources déduites", benefit);

    Outcome outcome = Outcome.TEMPORARY_BENEFIT;
    // R-INV-9 (RULES Decision): suspension concerns IPP only, and only resources strictly greater than
    // the guarantee; at equality (or for an IPT) the benefit is nil and the rules below apply to it.
    if (category == Category.IPP && benefit.signum() < 0) {
      benefit = BigDecimal.ZERO;
      outcome = Outcome.SUSPENDED;
      why.step("R-INV-9", "IPP : ressources supérieures à la garantie, allocation suspendue", benefit);
    } else {
      benefit = benefit.max(BigDecimal.ZERO);
      BigDecimal annualCap = parameters.value(ANNUAL_CAP, day, "referenceDate");
      BigDecimal initialThreshold = parameters.value(INITIAL_THRESHOLD, day, "referenceDate");
      BigDecimal annualMinimum = parameters.value(ANNUAL_MINIMUM, day, "referenceDate");
      if (benefit.compareTo(annualCap) > 0) {
        benefit = annualCap;
        why.step("R-INV-6", "Plafond annuel de l'allocation temporaire : " + FrenchFormat.euros(annualCap), benefit);
      }
      if (in.initial() && benefit.compareTo(initialThreshold) < 0) {
        outcome = Outcome.CAPITAL_INSTEAD;
        why.step("R-INV-7", "Premier calcul inférieur à " + FrenchFormat.euros(initialThreshold) + "/an : un capital est "
            + "versé à la place d'une allocation temporaire", benefit);
        why.warn("Le montant du capital relève du Règlement MISP (formule absente du guide) : il est calculé par un "
            + "gestionnaire / The capital formula is not in the guide (Règlement MISP): a manager computes it");
      } else if (!in.initial() && benefit.compareTo(annualMinimum) < 0) {
        benefit = annualMinimum;
        why.step("R-INV-8", "Minimum annuel une fois l'allocation temporaire servie : " + FrenchFormat.euros(annualMinimum),
            benefit);
      }
    }
    ageLimits(in, category, why);

    BigDecimal annual = Money.cents(benefit);
    BigDecimal monthly = outcome == Outcome.TEMPORARY_BENEFIT
        ? Money.cents(benefit.divide(BigDecimal.valueOf(12), Money.EXACT)) : Money.ZERO;
    if (outcome == Outcome.TEMPORARY_BENEFIT) {
      why.step("R-INV-10", "Versement mensuel à terme échu : montant annuel / 12", monthly);
    }
    return new Result(category, Money.cents(reference), guarantee, Money.cents(deducted), annual, monthly, outcome,
        why.steps(), why.warnings());
  }

  private Category category(Input in, Explanation why) {
    Integer ss = in.socialSecurityCategory();
    BigDecimal rate = in.invalidityRate();
    if (rate == null && ss == null) {
      throw RuleViolation.of("invalidityRate", "rate_or_category_required",
          "Le taux d'invalidité ou la catégorie Sécurité sociale est requis",
          "The invalidity rate or the social-security category is required");
    }
    if (ss != null && (ss < 1 || ss > LAST_SOCIAL_SECURITY_CATEGORY)) {
      throw RuleViolation.of("socialSecurityCategory", "unknown_category",
          "Catégorie Sécurité sociale inconnue : 1, 2 ou 3", "Unknown social-security category: 1, 2 or 3");
    }
    if (rate != null && (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0)) {
      throw RuleViolation.of("invalidityRate", "out_of_range", "Le taux d'invalidité est compris entre 0 et 100 %",
          "The invalidity rate is between 0 and 100 %");
    }
    BigDecimal threshold = parameters.value(IPT_RATE_THRESHOLD, in.referenceDate(), "referenceDate");
    int minCategory = parameters.integer(IPT_MIN_CATEGORY, in.referenceDate(), "referenceDate");
    // The rate is in percentage points (37 for 37 %), the threshold a decimal rate (0.60).
    boolean total = (rate != null && rate.compareTo(threshold.movePointRight(2)) >= 0) || (ss != null && ss >= minCategory);
    Category category = total ? Category.IPT : Category.IPP;
    String basis = (rate != null ? "taux " + rate.stripTrailingZeros().toPlainString() + " %" : "")
        + (rate != null && ss != null ? ", " : "") + (ss != null ? "catégorie " + ss : "");
    String iptCategories = minCategory <= LAST_SOCIAL_SECURITY_CATEGORY
        ? " ou catégorie " + FrenchFormat.range(Math.max(1, minCategory), LAST_SOCIAL_SECURITY_CATEGORY) : "";
    String ippCategories = minCategory > 1
        ? " ou catégorie " + FrenchFormat.range(1, Math.min(minCategory - 1, LAST_SOCIAL_SECURITY_CATEGORY)) : "";
    why.note("R-INV-2", (total ? "Invalidité permanente totale (IPT)" : "Invalidité permanente partielle (IPP)")
        + " : " + basis + (total ? " (≥ " + FrenchFormat.percent(threshold) + iptCategories + ")"
            : " (< " + FrenchFormat.percent(threshold) + ippCategories + ")"));
    return category;
  }

  /**
   * R-INV-9/10 on 1 January of {@code year}: the year of the end age → the end capital; past the review age, or an
   * IPT without the cost-of-living bonus → renewed on last year's resources; otherwise recalculated on the year's
   * resource evidence.
   */
  public Renewal renewal(int year, LocalDate birthDate, Category category, boolean costOfLivingBonus) {
    LocalDate january = LocalDate.of(year, 1, 1);
    if (year >= birthDate.getYear() + parameters.integer(END_AGE, january, "referenceDate")) {
      return Renewal.END_CAPITAL;
    }
    boolean reviewed = january.isBefore(birthDate.plusYears(parameters.integer(REVIEW_UNTIL_AGE, january,
        "referenceDate")));
    return !reviewed || (category == Category.IPT && !costOfLivingBonus) ? Renewal.AUTOMATIC : Renewal.EVIDENCE;
  }

  private void ageLimits(Input in, Category category, Explanation why) {
    if (in.birthDate() == null) {
      return;
    }
    int endAge = parameters.integer(END_AGE, in.referenceDate(), "referenceDate");
    int reviewAge = parameters.integer(REVIEW_UNTIL_AGE, in.referenceDate(), "referenceDate");
    int endYear = in.birthDate().getYear() + endAge;
    LocalDate reviewEndDate = in.birthDate().plusYears(reviewAge);
    if (in.referenceDate().getYear() >= endYear) {
      why.note("R-INV-10", "Année des " + endAge + " ans (" + endYear + ") : un capital, calculé sur l'allocation "
          + "réévaluée à " + reviewAge + " ans, met fin à l'allocation temporaire");
      why.warn("R-INV-10 : capital de fin d'allocation à calculer par un gestionnaire (formule du Règlement MISP) / "
          + "end capital at " + endAge + " to be computed by a manager");
    } else if (in.referenceDate().isBefore(reviewEndDate)) {
      why.note("R-INV-9", category == Category.IPT
          ? "IPT : renouvellement au 1er janvier jusqu'à " + reviewAge + " ans (" + reviewEndDate + "), sauf prime de vie "
              + "chère : recalcul annuel"
          : "IPP : recalcul annuel sur justificatifs de ressources jusqu'à " + reviewAge + " ans (" + reviewEndDate + ")");
    } else {
      why.note("R-INV-9", reviewAge + " ans atteints le " + reviewEndDate + " : plus de recalcul, l'allocation "
          + "réévaluée à " + reviewAge + " ans est maintenue jusqu'à l'année des " + endAge + " ans");
    }
  }
}
