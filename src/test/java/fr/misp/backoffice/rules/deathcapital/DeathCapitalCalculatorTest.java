package fr.misp.backoffice.rules.deathcapital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.RuleViolation;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator.Event;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator.Input;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator.MemberCategory;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator.Result;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeathCapitalCalculatorTest {

  private final DeathCapitalCalculator calculator = new DeathCapitalCalculator(Parameters.standard());

  private Result calc(MemberCategory category, String date, String base, int children) {
    return calculator.calculate(new Input(Event.DEATH, LocalDate.parse(date), category, new BigDecimal(base), children));
  }

  /** RULES.md R-CAP-2, guide "Capital décès", note (5): 821 × 5 907,34 / 100 × 25 % = 12 124,82 € per child. */
  @Test
  void childMajorationWithThe2023PointValue() {
    Result result = calc(MemberCategory.ACTIVE, "2024-05-10", "40000", 2);
    assertThat(result.majorationPerChild()).isEqualByComparingTo("12124.82");
    assertThat(result.majorationAmount()).isEqualByComparingTo("24249.64");
    assertThat(result.capitalAmount()).isEqualByComparingTo("34000.00");
    assertThat(result.totalAmount()).isEqualByComparingTo("58249.64");
  }

  /** Each date of effect of P-POINT-100 picks its value; the day before keeps the previous one. */
  @ParameterizedTest(name = "{0} → {1} per child")
  @CsvSource({
      "2017-02-01, 11541.68", // 821 × 5 623,23 / 100 × 25 % = 11 541,679...
      "2022-06-30, 11541.68",
      "2022-07-01, 11945.63", // 821 × 5 820,04 / 100 × 25 % = 11 945,632...
      "2023-06-30, 11945.63",
      "2023-07-01, 12124.82"})
  void pointValueByDateOfEffect(String eventDate, String perChild) {
    assertThat(calc(MemberCategory.RETIRED, eventDate, "0", 1).majorationPerChild()).isEqualByComparingTo(perChild);
  }

  @Test
  void beforeTheFirstDateOfEffectNothingIsInvented() {
    assertThatThrownBy(() -> calc(MemberCategory.ACTIVE, "2010-06-30", "30000", 1))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("P-POINT-100");
  }

  @ParameterizedTest(name = "{0} → capital {1}")
  @CsvSource({"ACTIVE, 25500.00", "MAINTAINED_CTA, 15855.00", "RETIRED, 3500.00", "ASSOCIATE, 0.00",
      "SPOUSE_BENEFICIARY, 0.00"})
  void capitalByCategory(MemberCategory category, String capital) {
    assertThat(calc(category, "2024-01-01", "30000", 0).capitalAmount()).isEqualByComparingTo(capital);
  }

  @ParameterizedTest(name = "{0} with 3 children → majoration {1}")
  @CsvSource({"ACTIVE, 36374.46", "RETIRED, 36374.46", "MAINTAINED_CTA, 36374.46", "ASSOCIATE, 0.00",
      "SPOUSE_BENEFICIARY, 0.00"})
  void majorationByCategory(MemberCategory category, String majoration) {
    assertThat(calc(category, "2024-01-01", "30000", 3).majorationAmount()).isEqualByComparingTo(majoration);
  }

  @Test
  void withoutAConfiguredCeilingTheResultSaysSo() {
    assertThat(calc(MemberCategory.ACTIVE, "2024-01-01", "30000", 0).warnings())
        .singleElement().asString().contains("P-ASSIETTE-PLAFOND");
    assertThat(calc(MemberCategory.RETIRED, "2024-01-01", "30000", 0).warnings()).isEmpty();
  }

  @Test
  void aConfiguredCeilingCapsTheBase() {
    Parameters params = Parameters.standard().with(Parameters.ASSIETTE_PLAFOND, LocalDate.of(2024, 1, 1),
        new BigDecimal("50000"), "Règlement MISP (test)");
    DeathCapitalCalculator capped = new DeathCapitalCalculator(params);
    Result above = capped.calculate(new Input(Event.PTIA, LocalDate.of(2024, 3, 1), MemberCategory.ACTIVE,
        new BigDecimal("60000"), 0));
    assertThat(above.capitalAmount()).isEqualByComparingTo("42500.00");
    assertThat(above.warnings()).isEmpty();
    Result before = capped.calculate(new Input(Event.PTIA, LocalDate.of(2023, 12, 31), MemberCategory.ACTIVE,
        new BigDecimal("60000"), 0));
    assertThat(before.capitalAmount()).isEqualByComparingTo("51000.00");
  }
}
