package fr.misp.backoffice.rules.disability;

import fr.misp.backoffice.rules.Explanation;
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

  /** R-INV-2: IPT from a 60 % invalidity rate. */
  public static final BigDecimal IPT_RATE_THRESHOLD = new BigDecimal("60");
  /** R-INV-3: bonuses kept by the employer count up to 15 % of the base salary. */
  public static final BigDecimal BONUS_CAP_RATE = Money.percent("15");
  /** R-INV-4: 70 % of the reference salary, over 12 months. */
  public static final BigDecimal GUARANTEE_RATE = Money.percent("70");
  /** R-INV-4: IPP guarantee is 2/3 of the IPT one. */
  public static final BigDecimal IPP_SHARE = new BigDecimal(2).divide(new BigDecimal(3), Money.EXACT);
  /** R-INV-6: yearly cap of the temporary benefit. */
  public static final BigDecimal ANNUAL_CAP = new BigDecimal("20000");
  /** R-INV-7: below this on the initial computation, a capital is paid instead. */
  public static final BigDecimal INITIAL_THRESHOLD = new BigDecimal("1200");
  /** R-INV-8: yearly minimum once a temporary benefit is paid. */
  public static final BigDecimal ANNUAL_MINIMUM = new BigDecimal("360");
  /** R-INV-9: reviews go on until this age. */
  public static final int REVIEW_UNTIL_AGE = 69;
  /** R-INV-10: the year of this birthday, a capital ends the temporary benefit. */
  public static final int END_AGE = 70;

  public enum Category { IPT, IPP }

  public enum Outcome { TEMPORARY_BENEFIT, CAPITAL_INSTEAD, SUSPENDED }

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
      List<Resource> resources, boolean initial, LocalDate birthDate) {}

  public record Result(Category category, BigDecimal referenceMonthlySalary, BigDecimal annualGuarantee,
      BigDecimal deductedResources, BigDecimal annualBenefit, BigDecimal monthlyBenefit, Outcome outcome,
      List<Step> steps, List<String> warnings) {}

  private final Parameters parameters;

  public DisabilityCalculator(Parameters parameters) {
    this.parameters = parameters;
  }

  public Result calculate(Input in) {
    Explanation why = new Explanation();
    Category category = category(in, why);

    BigDecimal bonusCap = in.monthlyBaseSalary().multiply(BONUS_CAP_RATE);
    BigDecimal keptBonuses = Money.min(in.monthlyBonuses(), bonusCap);
    BigDecimal costOfLiving = in.monthlyCostOfLivingBonus() == null ? BigDecimal.ZERO : in.monthlyCostOfLivingBonus();
    BigDecimal reference = in.monthlyBaseSalary().add(keptBonuses).add(costOfLiving);
    why.step("R-INV-3", "Traitement indiciaire brut mensuel (reconstitué à plein traitement)", in.monthlyBaseSalary());
    why.step("R-INV-3", "Primes retenues : " + Money.cents(in.monthlyBonuses()) + " € plafonnées à 15 % du traitement ("
        + Money.cents(bonusCap) + " €)", keptBonuses);
    if (costOfLiving.signum() > 0) {
      why.step("R-INV-3", "Prime de vie chère, retenue à 100 %", costOfLiving);
    }
    why.step("R-INV-3", "Salaire mensuel de référence", reference);

    BigDecimal guarantee = reference.multiply(GUARANTEE_RATE).multiply(BigDecimal.valueOf(12));
    why.step("R-INV-4", "Garantie IPT : 70 % × salaire de référence × 12", guarantee);
    if (category == Category.IPP) {
      guarantee = guarantee.multiply(IPP_SHARE, Money.EXACT);
      why.step("R-INV-4", "Garantie IPP : 2/3 de la garantie IPT", guarantee);
    }
    Parameter revaluation = parameters.require(Parameters.REVALORISATION, in.referenceDate(), "referenceDate");
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
    if (benefit.signum() <= 0) {
      benefit = BigDecimal.ZERO;
      outcome = Outcome.SUSPENDED;
      why.step("R-INV-9", "Ressources supérieures ou égales à la garantie : allocation suspendue", benefit);
    } else {
      if (benefit.compareTo(ANNUAL_CAP) > 0) {
        benefit = ANNUAL_CAP;
        why.step("R-INV-6", "Plafond annuel de l'allocation temporaire : 20 000 €", benefit);
      }
      if (in.initial() && benefit.compareTo(INITIAL_THRESHOLD) < 0) {
        outcome = Outcome.CAPITAL_INSTEAD;
        why.step("R-INV-7", "Premier calcul inférieur à 1 200 €/an : un capital est versé à la place d'une allocation "
            + "temporaire", benefit);
        why.warn("Le montant du capital relève du Règlement MISP (formule absente du guide) : il est calculé par un "
            + "gestionnaire / The capital formula is not in the guide (Règlement MISP): a manager computes it");
      } else if (!in.initial() && benefit.compareTo(ANNUAL_MINIMUM) < 0) {
        benefit = ANNUAL_MINIMUM;
        why.step("R-INV-8", "Minimum annuel une fois l'allocation temporaire servie : 360 €", benefit);
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

  private static Category category(Input in, Explanation why) {
    Integer ss = in.socialSecurityCategory();
    BigDecimal rate = in.invalidityRate();
    if (rate == null && ss == null) {
      throw RuleViolation.of("invalidityRate", "rate_or_category_required",
          "Le taux d'invalidité ou la catégorie Sécurité sociale est requis",
          "The invalidity rate or the social-security category is required");
    }
    if (ss != null && (ss < 1 || ss > 3)) {
      throw RuleViolation.of("socialSecurityCategory", "unknown_category",
          "Catégorie Sécurité sociale inconnue : 1, 2 ou 3", "Unknown social-security category: 1, 2 or 3");
    }
    if (rate != null && (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0)) {
      throw RuleViolation.of("invalidityRate", "out_of_range", "Le taux d'invalidité est compris entre 0 et 100 %",
          "The invalidity rate is between 0 and 100 %");
    }
    boolean total = (rate != null && rate.compareTo(IPT_RATE_THRESHOLD) >= 0) || (ss != null && ss >= 2);
    Category category = total ? Category.IPT : Category.IPP;
    String basis = (rate != null ? "taux " + rate.stripTrailingZeros().toPlainString() + " %" : "")
        + (rate != null && ss != null ? ", " : "") + (ss != null ? "catégorie " + ss : "");
    why.note("R-INV-2", (total ? "Invalidité permanente totale (IPT)" : "Invalidité permanente partielle (IPP)")
        + " : " + basis + (total ? " (≥ 60 % ou catégorie 2 ou 3)" : " (< 60 % ou catégorie 1)"));
    return category;
  }

  private static void ageLimits(Input in, Category category, Explanation why) {
    if (in.birthDate() == null) {
      return;
    }
    int yearOf70 = in.birthDate().getYear() + END_AGE;
    LocalDate birthday69 = in.birthDate().plusYears(REVIEW_UNTIL_AGE);
    if (in.referenceDate().getYear() >= yearOf70) {
      why.note("R-INV-10", "Année des 70 ans (" + yearOf70 + ") : un capital, calculé sur l'allocation réévaluée à 69 ans, "
          + "met fin à l'allocation temporaire");
      why.warn("R-INV-10 : capital de fin d'allocation à calculer par un gestionnaire (formule du Règlement MISP) / "
          + "end capital at 70 to be computed by a manager");
    } else if (in.referenceDate().isBefore(birthday69)) {
      why.note("R-INV-9", category == Category.IPT
          ? "IPT : renouvellement au 1er janvier jusqu'à 69 ans (" + birthday69 + "), sauf prime de vie chère : recalcul annuel"
          : "IPP : recalcul annuel sur justificatifs de ressources jusqu'à 69 ans (" + birthday69 + ")");
    } else {
      why.note("R-INV-9", "69 ans atteints le " + birthday69 + " : plus de recalcul, l'allocation réévaluée à 69 ans "
          + "est maintenue jusqu'à l'année des 70 ans");
    }
  }
}
