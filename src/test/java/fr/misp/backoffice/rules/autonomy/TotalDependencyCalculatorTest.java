package fr.misp.backoffice.rules.autonomy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.autonomy.TotalDependencyCalculator.Input;
import fr.misp.backoffice.rules.autonomy.TotalDependencyCalculator.Result;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R-DEP-1..3 (guide, "4. Rente et forfait dépendance totale"). */
class TotalDependencyCalculatorTest {

  private static final LocalDate JOINED = LocalDate.of(2020, 1, 15);
  private final TotalDependencyCalculator calculator = new TotalDependencyCalculator(Parameters.standard());

  @ParameterizedTest(name = "dependency from {0}: eligible {1}")
  @CsvSource({"2023-01-14, false", "2023-01-15, true"})
  void waitingPeriodOf36Months(LocalDate start, boolean eligible) {
    Result result = calculator.calculate(new Input(Beneficiary.RETIRED_MEMBER, 1, JOINED, start, 0));
    assertThat(result.eligible()).isEqualTo(eligible);
    assertThat(result.waitingPeriodEndDate()).isEqualTo(LocalDate.of(2023, 1, 15));
  }

  @Test
  void firstPaymentAfterThreeContinuousMonths() {
    Result result = calculator.calculate(new Input(Beneficiary.ACTIVE_MEMBER, 1, JOINED, LocalDate.of(2024, 5, 10), 0));
    assertThat(result.firstPaymentDate()).isEqualTo(LocalDate.of(2024, 8, 10));
    assertThat(result.monthlyAnnuity()).isEqualByComparingTo("120.00");
  }

  @ParameterizedTest(name = "{0} months at home → forfait {1}")
  @CsvSource({"5, 0.00", "6, 500.00", "12, 500.00"})
  void homeForfait(int months, String forfait) {
    Result result = calculator.calculate(new Input(Beneficiary.SPOUSE_BENEFICIARY, 1, JOINED, LocalDate.of(2024, 5, 10), months));
    assertThat(result.annualHomeForfait()).isEqualByComparingTo(forfait);
  }

  @Test
  void onlyGir1() {
    Result result = calculator.calculate(new Input(Beneficiary.ACTIVE_MEMBER, 2, JOINED, LocalDate.of(2024, 5, 10), 12));
    assertThat(result.eligible()).isFalse();
    assertThat(result.monthlyAnnuity()).isEqualByComparingTo("0");
  }
}
