package fr.misp.backoffice.rules.dailyallowance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.dailyallowance.DailyAllowanceCalculator.Input;
import fr.misp.backoffice.rules.dailyallowance.DailyAllowanceCalculator.Result;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DailyAllowanceCalculatorTest {

  private static final LocalDate DAY = LocalDate.of(2024, 3, 1);
  private final DailyAllowanceCalculator calculator = new DailyAllowanceCalculator(Parameters.standard());

  private static BigDecimal eur(String value) {
    return new BigDecimal(value);
  }

  /** Guide, "1. Allocations Journalières", "L'exemple de Matthieu". */
  @Test
  void matthieu() {
    Result result = calculator.calculate(new Input(eur("4431"), eur("1354").add(eur("1051.50")), eur("3945.02"),
        eur("1972.51"), DAY));
    assertThat(result.guarantee()).isEqualByComparingTo("3411.87");
    assertThat(result.monthlyAllowance()).isEqualByComparingTo("1006.37");
    assertThat(result.capApplied()).isFalse();
    assertThat(result.steps()).extracting(s -> s.rule()).containsSubsequence("R-AJ-2", "R-AJ-3", "R-AJ-4", "R-AJ-5");
    // The net check of the guide: 1 972,51 + 1 006,37 = 2 978,88 ≤ 3 945,02.
    assertThat(result.steps()).anySatisfy(s -> {
      assertThat(s.rule()).isEqualTo("R-AJ-5");
      assertThat(s.amount()).isEqualByComparingTo("2978.88");
    });
    assertThat(result.warnings()).singleElement().asString().contains("P-ASSIETTE-PLANCHER");
  }

  @Test
  void theNonEnrichmentCapReducesTheAllowance() {
    Result result = calculator.calculate(new Input(eur("4431"), eur("2405.50"), eur("2500"), eur("1972.51"), DAY));
    assertThat(result.capApplied()).isTrue();
    assertThat(result.monthlyAllowance()).isEqualByComparingTo("527.49");
  }

  @ParameterizedTest(name = "net before {0}: cap applied {1}")
  @CsvSource({"2978.88, false", "2978.87, true"})
  void capBoundary(String netBefore, boolean capped) {
    Result result = calculator.calculate(new Input(eur("4431"), eur("2405.50"), eur(netBefore), eur("1972.51"), DAY));
    assertThat(result.capApplied()).isEqualTo(capped);
  }

  @Test
  void neverNegativeWhenPaidMoreThanTheGuarantee() {
    Result result = calculator.calculate(new Input(eur("1000"), eur("900"), eur("2000"), eur("100"), DAY));
    assertThat(result.guarantee()).isEqualByComparingTo("770.00");
    assertThat(result.monthlyAllowance()).isEqualByComparingTo("0.00");
  }

  @Test
  void theConfiguredFloorRaisesTheBase() {
    Parameters withFloor = Parameters.standard().with(Parameters.ASSIETTE_PLANCHER, LocalDate.of(2020, 1, 1),
        eur("2000"), "test");
    Result result = new DailyAllowanceCalculator(withFloor).calculate(new Input(eur("1000"), eur("0"), eur("5000"),
        eur("0"), DAY));
    assertThat(result.guarantee()).isEqualByComparingTo("1540.00");
    assertThat(result.warnings()).isEmpty();
  }

  /** Property: whatever the amounts, AJ is never negative and never breaks the non-enrichment cap. */
  @Test
  void neverNegativeAndNeverAboveTheNetSalary() {
    Random random = new Random(20261126L);
    for (int i = 0; i < 5_000; i++) {
      BigDecimal base = BigDecimal.valueOf(random.nextInt(1_000_000), 2);
      BigDecimal gross = BigDecimal.valueOf(random.nextInt(1_000_000), 2);
      BigDecimal netBefore = BigDecimal.valueOf(random.nextInt(1_000_000), 2);
      BigDecimal netPaid = BigDecimal.valueOf(random.nextInt(1_000_000), 2);
      Result result = calculator.calculate(new Input(base, gross, netBefore, netPaid, DAY));
      assertThat(result.monthlyAllowance()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
      assertThat(result.monthlyAllowance()).isLessThanOrEqualTo(result.guarantee());
      if (netPaid.compareTo(netBefore) <= 0) {
        assertThat(netPaid.add(result.monthlyAllowance())).isLessThanOrEqualTo(netBefore);
      } else {
        assertThat(result.monthlyAllowance()).isEqualByComparingTo("0");
      }
    }
  }

  /** Review item 21: only active members (R-AJ-1); a month entered on half pay counts its days of half pay. */
  @org.junit.jupiter.api.Test
  void item21ActiveMembersOnlyAndAPartialMonthProratedByCalendarDays() {
    DailyAllowanceCalculator calc = new DailyAllowanceCalculator(fr.misp.backoffice.rules.Parameters.standard());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> calc.calculate(new DailyAllowanceCalculator.Input(
            new java.math.BigDecimal("4431"), java.math.BigDecimal.ZERO, new java.math.BigDecimal("3945.02"),
            java.math.BigDecimal.ZERO, java.time.LocalDate.of(2024, 4, 1), false, null)))
        .isInstanceOf(fr.misp.backoffice.rules.RuleViolation.class).hasMessageContaining("R-AJ-1");
    // Half pay from 21 April 2024: 10 days of 30 → guarantee 3 411,87 × 10 / 30 = 1 137,29.
    DailyAllowanceCalculator.Result partial = calc.calculate(new DailyAllowanceCalculator.Input(
        new java.math.BigDecimal("4431"), java.math.BigDecimal.ZERO, new java.math.BigDecimal("9999"),
        java.math.BigDecimal.ZERO, java.time.LocalDate.of(2024, 4, 21), true, java.time.LocalDate.of(2024, 4, 21)));
    org.assertj.core.api.Assertions.assertThat(partial.monthlyAllowance()).isEqualByComparingTo("1137.29");
    org.assertj.core.api.Assertions.assertThat(partial.steps()).anySatisfy(step ->
        org.assertj.core.api.Assertions.assertThat(step.label()).contains("10 jour(s) sur 30"));
  }

  @org.junit.jupiter.api.Test
  void theMonthTheAllowancesEndCountsItsDaysBeforeTheEndByCalendarDays() {
    DailyAllowanceCalculator calc = new DailyAllowanceCalculator(fr.misp.backoffice.rules.Parameters.standard());
    // Back to work on 10 October 2024: 9 days of 31 → 3 411,87 × 9 / 31 = 990,54.
    DailyAllowanceCalculator.Result end = calc.calculate(new DailyAllowanceCalculator.Input(
        new java.math.BigDecimal("4431"), java.math.BigDecimal.ZERO, new java.math.BigDecimal("9999"),
        java.math.BigDecimal.ZERO, java.time.LocalDate.of(2024, 10, 1), true, null, java.time.LocalDate.of(2024, 10, 10)));
    org.assertj.core.api.Assertions.assertThat(end.monthlyAllowance()).isEqualByComparingTo("990.54");
    org.assertj.core.api.Assertions.assertThat(end.steps()).anySatisfy(step ->
        org.assertj.core.api.Assertions.assertThat(step.label()).contains("fin le 2024-10-10, 9 jour(s) sur 31"));
    // Entered on 21 April and left on 26 April 2024: 5 days of 30.
    DailyAllowanceCalculator.Result both = calc.calculate(new DailyAllowanceCalculator.Input(
        new java.math.BigDecimal("4431"), java.math.BigDecimal.ZERO, new java.math.BigDecimal("9999"),
        java.math.BigDecimal.ZERO, java.time.LocalDate.of(2024, 4, 21), true, java.time.LocalDate.of(2024, 4, 21),
        java.time.LocalDate.of(2024, 4, 26)));
    org.assertj.core.api.Assertions.assertThat(both.monthlyAllowance()).isEqualByComparingTo("568.65");
  }
}
