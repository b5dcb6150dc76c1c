package fr.misp.backoffice.rules.autonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.RuleViolation;
import fr.misp.backoffice.rules.autonomy.TemporaryAutonomyLossCalculator.Condition;
import fr.misp.backoffice.rules.autonomy.TemporaryAutonomyLossCalculator.Input;
import fr.misp.backoffice.rules.autonomy.TemporaryAutonomyLossCalculator.Result;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R-PTA-1, R-PTA-2 (guide, "3. Allocation Perte Temporaire d'Autonomie"). */
class TemporaryAutonomyLossCalculatorTest {

  private static final LocalDate START = LocalDate.of(2024, 3, 1);
  private static final LocalDate BORN = LocalDate.of(1980, 1, 1);
  private final TemporaryAutonomyLossCalculator calculator = new TemporaryAutonomyLossCalculator(Parameters.standard());

  private Result calc(Beneficiary who, LocalDate born, LocalDate end, int alreadyPaid) {
    return calculator.calculate(new Input(who, born, Condition.CANCER, START, end, alreadyPaid));
  }

  @ParameterizedTest(name = "stoppage to {0}: eligible {1}")
  @CsvSource({"2024-03-30, false", "2024-03-31, true"})
  void thirtyDayFranchise(LocalDate end, boolean eligible) {
    Result result = calc(Beneficiary.ACTIVE_MEMBER, BORN, end, 0);
    assertThat(result.eligible()).isEqualTo(eligible);
    if (eligible) {
      assertThat(result.rightsStartDate()).isEqualTo(LocalDate.of(2024, 3, 31));
      assertThat(result.quarters()).hasSize(1);
      assertThat(result.totalAmount()).isEqualByComparingTo("400.00");
    }
  }

  @Test
  void atMostFourQuartersOf400() {
    Result result = calc(Beneficiary.SPOUSE_BENEFICIARY, BORN, LocalDate.of(2026, 1, 1), 0);
    assertThat(result.quarters()).hasSize(4);
    assertThat(result.totalAmount()).isEqualByComparingTo("1600.00");
    assertThat(result.quarters().get(1).from()).isEqualTo(LocalDate.of(2024, 6, 30));
  }

  @Test
  void quartersAlreadyPaidCount() {
    Result result = calc(Beneficiary.ACTIVE_MEMBER, BORN, null, 3);
    assertThat(result.quarters()).singleElement().satisfies(q -> assertThat(q.number()).isEqualTo(4));
    assertThat(calc(Beneficiary.ACTIVE_MEMBER, BORN, null, 4).eligible()).isFalse();
  }

  @ParameterizedTest(name = "born {0}: eligible {1}")
  @CsvSource({"1959-03-02, true", "1959-03-01, false"})
  void under65(LocalDate born, boolean eligible) {
    assertThat(calc(Beneficiary.ACTIVE_MEMBER, born, null, 0).eligible()).isEqualTo(eligible);
  }

  @Test
  void retiredMembersAreNotEligible() {
    Result result = calc(Beneficiary.RETIRED_MEMBER, BORN, null, 0);
    assertThat(result.eligible()).isFalse();
    assertThat(result.refusalReasons()).singleElement().asString().contains("R-PTA-1");
  }

  @Test
  void datesInTheWrongOrderAreRefused() {
    assertThatThrownBy(() -> calc(Beneficiary.ACTIVE_MEMBER, BORN, START.minusDays(1), 0)).isInstanceOf(RuleViolation.class);
  }
}
