package fr.misp.backoffice.rules.dailyallowance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R-AJ-7: guide, "1. Allocations Journalières", durations of full and half pay by leave type. */
class HalfPayCalendarTest {

  @ParameterizedTest(name = "{0} from {1}: half pay {2}, end {3}")
  @CsvSource({
      "CMO, 2024-01-15, 2024-04-15, 2025-01-14",
      "CLM, 2024-01-15, 2025-01-15, 2027-01-14",
      "CGM, 2024-01-15, 2025-01-15, 2027-01-14",
      "CLD, 2024-01-15, 2027-01-15, 2029-01-14",
      "CMO, 2023-11-30, 2024-02-29, 2024-11-29"})
  void halfPayAndEndDates(LeaveType type, LocalDate start, LocalDate halfPay, LocalDate end) {
    HalfPayCalendar.Result result = new HalfPayCalendar().calculate(type, start);
    assertThat(result.halfPayDate()).isEqualTo(halfPay);
    assertThat(result.endDate()).isEqualTo(end);
    assertThat(result.steps()).isNotEmpty();
  }
}
