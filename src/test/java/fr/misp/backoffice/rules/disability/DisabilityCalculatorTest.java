package fr.misp.backoffice.rules.disability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.RuleViolation;
import fr.misp.backoffice.rules.disability.DisabilityCalculator.Category;
import fr.misp.backoffice.rules.disability.DisabilityCalculator.Input;
import fr.misp.backoffice.rules.disability.DisabilityCalculator.Outcome;
import fr.misp.backoffice.rules.disability.DisabilityCalculator.Resource;
import fr.misp.backoffice.rules.disability.DisabilityCalculator.Result;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisabilityCalculatorTest {

  private static final LocalDate DAY = LocalDate.of(2024, 1, 1);
  private final DisabilityCalculator calculator = new DisabilityCalculator(Parameters.standard());

  private static BigDecimal eur(String value) {
    return new BigDecimal(value);
  }

  private static Input input(String rate, Integer category, String tib, String bonuses, String costOfLiving,
      List<Resource> resources, boolean initial) {
    return new Input(DAY, rate == null ? null : eur(rate), category, eur(tib), eur(bonuses), eur(costOfLiving),
        resources, initial, null);
  }

  /** Guide, "2. Allocations d'invalidité", example of Pierre (IPP, 37 %). */
  @Test
  void pierre() {
    Result result = calculator.calculate(input("37", null, "2140", "600", "0",
        List.of(new Resource(ResourceType.INVALIDITY_PENSION, eur("8123"))), true));
    assertThat(result.category()).isEqualTo(Category.IPP);
    assertThat(result.referenceMonthlySalary()).isEqualByComparingTo("2461.00");
    assertThat(result.annualGuarantee()).isEqualByComparingTo("13781.60");
    assertThat(result.deductedResources()).isEqualByComparingTo("8123.00");
    assertThat(result.annualBenefit()).isEqualByComparingTo("5658.60");
    assertThat(result.monthlyBenefit()).isEqualByComparingTo("471.55");
    assertThat(result.outcome()).isEqualTo(Outcome.TEMPORARY_BENEFIT);
    assertThat(result.steps()).anySatisfy(s -> assertThat(s.amount()).isEqualByComparingTo("321.00"));
  }

  /** Guide, "2. Allocations d'invalidité", example of Chantal (IPT). */
  @Test
  void chantal() {
    Result result = calculator.calculate(input(null, 2, "2500", "300", "0",
        List.of(new Resource(ResourceType.INVALIDITY_PENSION, eur("15000"))), true));
    assertThat(result.category()).isEqualTo(Category.IPT);
    assertThat(result.referenceMonthlySalary()).isEqualByComparingTo("2800.00");
    assertThat(result.annualGuarantee()).isEqualByComparingTo("23520.00");
    assertThat(result.annualBenefit()).isEqualByComparingTo("8520.00");
    assertThat(result.monthlyBenefit()).isEqualByComparingTo("710.00");
  }

  @ParameterizedTest(name = "rate {0}, category {1} → {2}")
  @CsvSource(nullValues = "-", value = {"59.99, -, IPP", "60, -, IPT", "-, 1, IPP", "-, 2, IPT", "-, 3, IPT",
      "40, 2, IPT", "75, 1, IPT"})
  void category(String rate, Integer category, Category expected) {
    assertThat(calculator.calculate(input(rate, category, "2000", "0", "0", List.of(), false)).category())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "bonuses {0} → kept {1}")
  @CsvSource({"300, 300", "300.01, 300", "1000, 300"})
  void bonusesAreCappedAt15PercentOfTheBaseSalary(String bonuses, String kept) {
    Result result = calculator.calculate(input("70", null, "2000", bonuses, "0", List.of(), false));
    assertThat(result.referenceMonthlySalary()).isEqualByComparingTo(eur("2000").add(eur(kept)));
  }

  @Test
  void theCostOfLivingBonusCountsInFull() {
    Result result = calculator.calculate(input("70", null, "2000", "1000", "800", List.of(), false));
    assertThat(result.referenceMonthlySalary()).isEqualByComparingTo("3100.00");
  }

  @Test
  void onlyDeductibleResourcesAreDeducted() {
    List<Resource> resources = List.of(new Resource(ResourceType.INVALIDITY_PENSION, eur("1000")),
        new Resource(ResourceType.OLD_AGE_PENSION, eur("500")), new Resource(ResourceType.ACTIVITY_INCOME, eur("250")),
        new Resource(ResourceType.REVERSION_PENSION, eur("9999")), new Resource(ResourceType.ALIMONY, eur("9999")),
        new Resource(ResourceType.ASPA, eur("9999")), new Resource(ResourceType.MJPM_FEES, eur("9999")),
        new Resource(ResourceType.THIRD_PERSON_MAJORATION, eur("9999")),
        new Resource(ResourceType.CHILD_MAJORATION, eur("9999")), new Resource(ResourceType.VOLUNTARY_SAVINGS, eur("9999")),
        new Resource(ResourceType.PROPERTY_INCOME, eur("9999")));
    Result result = calculator.calculate(input("70", null, "2000", "0", "0", resources, false));
    assertThat(result.deductedResources()).isEqualByComparingTo("1750.00");
    assertThat(result.annualBenefit()).isEqualByComparingTo("15050.00"); // 2000 × 70 % × 12 − 1750
  }

  @ParameterizedTest(name = "TIB {0} → benefit {1}")
  @CsvSource({"2380.95, 19999.98", "2380.96, 20000.00", "3000, 20000.00"})
  void theBenefitIsCappedAt20000(String tib, String benefit) {
    assertThat(calculator.calculate(input("70", null, tib, "0", "0", List.of(), false)).annualBenefit())
        .isEqualByComparingTo(benefit);
  }

  @ParameterizedTest(name = "pension {0}: initial → {1}")
  // An IPT is never suspended (RULES R-INV-9 Decision): a nil benefit at the first calculation is below 1 200.
  @CsvSource({"15600, TEMPORARY_BENEFIT", "15600.01, CAPITAL_INSTEAD", "16800, CAPITAL_INSTEAD", "16900, CAPITAL_INSTEAD"})
  void initialThresholdOf1200(String pension, Outcome outcome) {
    // IPT guarantee 2000 × 70 % × 12 = 16 800: benefit 1 200 exactly stays a temporary benefit.
    Result result = calculator.calculate(input("70", null, "2000", "0", "0",
        List.of(new Resource(ResourceType.INVALIDITY_PENSION, eur(pension))), true));
    assertThat(result.outcome()).isEqualTo(outcome);
    if (outcome == Outcome.CAPITAL_INSTEAD) {
      assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("Règlement MISP"));
      assertThat(result.monthlyBenefit()).isEqualByComparingTo("0");
    }
  }

  @ParameterizedTest(name = "pension {0}: recalculation → {1}")
  @CsvSource({"16440, 360.00", "16440.01, 360.00", "16700, 360.00", "16439.99, 360.01", "16799.99, 360.00"})
  void recalculationMinimumOf360(String pension, String benefit) {
    Result result = calculator.calculate(input("70", null, "2000", "0", "0",
        List.of(new Resource(ResourceType.INVALIDITY_PENSION, eur(pension))), false));
    assertThat(result.outcome()).isEqualTo(Outcome.TEMPORARY_BENEFIT);
    assertThat(result.annualBenefit()).isEqualByComparingTo(benefit);
  }

  @Test
  void suspendedWhileResourcesExceedTheGuarantee() {
    Result result = calculator.calculate(input("30", null, "2000", "0", "0",
        List.of(new Resource(ResourceType.OLD_AGE_PENSION, eur("20000"))), false));
    assertThat(result.outcome()).isEqualTo(Outcome.SUSPENDED);
    assertThat(result.annualBenefit()).isEqualByComparingTo("0");
  }

  @ParameterizedTest(name = "born {0}: {1}")
  @CsvSource({"1955-06-01, R-INV-9", "1954-12-31, R-INV-10", "1955-01-01, R-INV-9", "1954-01-01, R-INV-10",
      "1960-01-02, R-INV-9"})
  void ageLimits(LocalDate birthDate, String rule) {
    Input in = new Input(DAY, eur("70"), null, eur("2000"), eur("0"), eur("0"), List.of(), false, birthDate);
    Result result = calculator.calculate(in);
    assertThat(result.steps()).anySatisfy(s -> assertThat(s.rule()).isEqualTo(rule));
    if (rule.equals("R-INV-10")) {
      assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("70"));
    }
  }

  @Test
  void reviewsStopAt69() {
    Input in = new Input(DAY, eur("70"), null, eur("2000"), eur("0"), eur("0"), List.of(), false,
        LocalDate.of(1955, 1, 1));
    assertThat(calculator.calculate(in).steps()).anySatisfy(s -> assertThat(s.label()).contains("69 ans atteints"));
  }

  @Test
  void rateOrCategoryIsRequired() {
    assertThatThrownBy(() -> calculator.calculate(input(null, null, "2000", "0", "0", List.of(), true)))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("invalidityRate");
    assertThatThrownBy(() -> calculator.calculate(input(null, 4, "2000", "0", "0", List.of(), true)))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("socialSecurityCategory");
  }

  /** Property: the benefit is never negative, never over 20 000, and monthly × 12 stays within a cent per month. */
  @Test
  void benefitIsBoundedWhateverTheInput() {
    Random random = new Random(42L);
    for (int i = 0; i < 5_000; i++) {
      Input in = new Input(DAY, BigDecimal.valueOf(random.nextInt(101)), null,
          BigDecimal.valueOf(random.nextInt(1_000_000), 2), BigDecimal.valueOf(random.nextInt(200_000), 2),
          BigDecimal.valueOf(random.nextInt(100_000), 2),
          List.of(new Resource(ResourceType.INVALIDITY_PENSION, BigDecimal.valueOf(random.nextInt(3_000_000), 2))),
          random.nextBoolean(), null);
      Result result = calculator.calculate(in);
      assertThat(result.annualBenefit()).isBetween(BigDecimal.ZERO, new BigDecimal("20000"));
      if (result.outcome() == Outcome.TEMPORARY_BENEFIT) {
        assertThat(result.annualBenefit()).isGreaterThanOrEqualTo(new BigDecimal("360"));
        assertThat(result.monthlyBenefit().multiply(BigDecimal.valueOf(12)).subtract(result.annualBenefit()).abs())
            .isLessThanOrEqualTo(new BigDecimal("0.06"));
      }
    }
  }

  /** Review item 20: suspension concerns IPP only, and resources strictly greater than the guarantee. */
  @ParameterizedTest(name = "rate {0}, pension {1}: recalculation → {2} {3}")
  @CsvSource({
      "40, 11200.01, SUSPENDED, 0.00",        // IPP guarantee 2000 × 70 % × 12 × 2/3 = 11 200
      "40, 11200.00, TEMPORARY_BENEFIT, 360.00", // equality: not suspended, the minimum applies
      "70, 16800.01, TEMPORARY_BENEFIT, 360.00", // IPT: never suspended
      "70, 20000.00, TEMPORARY_BENEFIT, 360.00"})
  void item20OnlyAnIppIsSuspendedAndOnlyAboveItsGuarantee(String rate, String pension, Outcome outcome, String benefit) {
    Result result = calculator.calculate(input(rate, null, "2000", "0", "0",
        List.of(new Resource(ResourceType.INVALIDITY_PENSION, eur(pension))), false));
    assertThat(result.outcome()).isEqualTo(outcome);
    assertThat(result.annualBenefit()).isEqualByComparingTo(benefit);
  }

  /** Review item 21: R-INV-1, active members only. */
  @Test
  void item21OnlyActiveMembersReceiveTheDisabilityAllowance() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> calculator.calculate(new DisabilityCalculator.Input(
            java.time.LocalDate.of(2024, 1, 1), new BigDecimal("37"), null, new BigDecimal("2140"), new BigDecimal("600"),
            BigDecimal.ZERO, List.of(), true, null, false)))
        .isInstanceOf(fr.misp.backoffice.rules.RuleViolation.class).hasMessageContaining("R-INV-1");
  }

  @org.junit.jupiter.api.Test
  void eachFirstOfJanuaryRenewsAnIptAsksAnIppForEvidenceAndEndsTheSeventiethYearWithTheCapital() {
    DisabilityCalculator calculator = new DisabilityCalculator(Parameters.standard());
    java.time.LocalDate born1970 = java.time.LocalDate.of(1970, 6, 6);
    assertThat(calculator.renewal(2027, born1970, Category.IPT, false)).isEqualTo(DisabilityCalculator.Renewal.AUTOMATIC);
    assertThat(calculator.renewal(2027, born1970, Category.IPT, true)).isEqualTo(DisabilityCalculator.Renewal.EVIDENCE);
    assertThat(calculator.renewal(2027, born1970, Category.IPP, false)).isEqualTo(DisabilityCalculator.Renewal.EVIDENCE);
    // Born 1 January 1958: 69 on 1 January 2027, no more recalculation; 2028 is the year of the 70th birthday.
    java.time.LocalDate born1958 = java.time.LocalDate.of(1958, 1, 1);
    assertThat(calculator.renewal(2026, born1958, Category.IPP, false)).isEqualTo(DisabilityCalculator.Renewal.EVIDENCE);
    assertThat(calculator.renewal(2027, born1958, Category.IPP, false)).isEqualTo(DisabilityCalculator.Renewal.AUTOMATIC);
    assertThat(calculator.renewal(2028, born1958, Category.IPP, false)).isEqualTo(DisabilityCalculator.Renewal.END_CAPITAL);
  }
}
