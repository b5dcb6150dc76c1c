package fr.misp.backoffice.rules.priorapproval;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.priorapproval.RequestDeadline.CareType;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R-PA-1 and R-PA-2, exact to the day (RULES.md §9, with the guide's example for R-PA-1). */
class RequestDeadlineTest {

  private final RequestDeadline deadline = new RequestDeadline(Parameters.standard());

  @ParameterizedTest(name = "received {0}, admission {1}: on time {2}")
  @CsvSource({
      "2024-12-01, 2024-12-11, true",   // RULES.md: received 1 Dec, admission 11 Dec is on time
      "2024-12-01, 2024-12-10, false",  // admission 10 Dec is late
      "2024-12-01, 2024-12-31, true",
      "2024-02-20, 2024-03-01, true",   // leap year: 10 days exactly
      "2024-02-21, 2024-03-01, false",
      "2024-12-01, 2024-12-01, false"})
  void hospitalisationTenDaysBeforeAdmission(LocalDate received, LocalDate admission, boolean onTime) {
    RequestDeadline.Result result = deadline.check(CareType.HOSPITALISATION, received, admission);
    assertThat(result.onTime()).isEqualTo(onTime);
    assertThat(result.lastOnTimeDate()).isEqualTo(admission.minusDays(10));
    assertThat(result.steps().get(0).rule()).isEqualTo("R-PA-1");
  }

  @ParameterizedTest(name = "pregnancy from {1}, received {0}: on time {2}")
  @CsvSource({
      "2024-04-14, 2024-01-15, true",   // the day before the end of the 3rd month
      "2024-04-15, 2024-01-15, false",  // pregnancyStart + 3 months: too late
      "2024-05-30, 2024-02-29, false",
      "2024-05-28, 2024-02-29, true",
      "2024-11-30, 2024-08-31, true",   // "31 Nov" does not exist: the 3rd month ends on 30 Nov
      "2024-12-01, 2024-08-31, false",
      "2024-11-29, 2024-08-31, true"})
  void pregnancyBeforeTheEndOfTheThirdMonth(LocalDate received, LocalDate pregnancyStart, boolean onTime) {
    RequestDeadline.Result result = deadline.check(CareType.MATERNITE, received, pregnancyStart);
    assertThat(result.onTime()).isEqualTo(onTime);
    assertThat(result.steps().get(0).rule()).isEqualTo("R-PA-2");
  }

  @ParameterizedTest(name = "{0}: escalated on {3}")
  @CsvSource({
      "HOSPITALISATION, 2024-12-01, 2024-12-20, 2024-12-18",
      "MATERNITE, 2024-12-01, 2024-10-15, 2024-12-09"})
  void anUndecidedReviewIsEscalatedTwoDaysBeforeAdmissionOrAfterTheConfiguredDelay(CareType type, LocalDate received,
      LocalDate reference, LocalDate escalation) {
    assertThat(deadline.medicalEscalationDate(type, received, reference, 8)).isEqualTo(escalation);
  }

  /** Review item 19: the examples of RULES §9's Decision on the 3rd month, to the day. */
  @ParameterizedTest(name = "pregnancy from {0}: last on-time day {1}")
  @CsvSource({
      "2022-01-15, 2022-04-14",
      "2022-11-28, 2023-02-27",
      "2022-11-29, 2023-02-28",
      "2022-11-30, 2023-02-28",
      "2023-11-30, 2024-02-29",
      "2024-01-31, 2024-04-30"})
  void item19TheThirdMonthEndsAsTheRulesSay(LocalDate pregnancyStart, LocalDate lastOnTime) {
    assertThat(RequestDeadline.lastDayOfMonths(pregnancyStart, 3)).isEqualTo(lastOnTime);
    assertThat(deadline.check(CareType.MATERNITE, lastOnTime, pregnancyStart).onTime()).isTrue();
    assertThat(deadline.check(CareType.MATERNITE, lastOnTime.plusDays(1), pregnancyStart).onTime()).isFalse();
  }
}
