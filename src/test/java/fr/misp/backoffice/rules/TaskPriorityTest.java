package fr.misp.backoffice.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The priority rule of PROCESSES.md ("Priorité des tâches"): the highest reason wins. */
class TaskPriorityTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  final Parameters parameters = Parameters.standard();

  @Test
  void aCloseDueDateComesFirstWhateverTheTask() {
    assertThat(TaskPriority.of("recordEvent", TODAY, TODAY.plusDays(3), parameters))
        .isEqualTo(new TaskPriority.Result(90, "échéance dans 3 jours"));
    assertThat(TaskPriority.of("correctBankDetails", TODAY, TODAY.plusDays(1), parameters))
        .isEqualTo(new TaskPriority.Result(90, "échéance dans 1 jour"));
    assertThat(TaskPriority.of("medicalReview", TODAY, TODAY.minusDays(2), parameters).priority()).isEqualTo(90);
  }

  @Test
  void blockedMoneyThenCareThenTheRest() {
    LocalDate far = TODAY.plusDays(15);
    assertThat(TaskPriority.of("correctBankDetails", TODAY, far, parameters))
        .isEqualTo(new TaskPriority.Result(80, "paiement bloqué"));
    assertThat(TaskPriority.of("arbitrateEndowment", TODAY, far, parameters).priority()).isEqualTo(80);
    assertThat(TaskPriority.of("medicalReview", TODAY, far, parameters).priority()).isEqualTo(70);
    assertThat(TaskPriority.of("assessGir", TODAY, null, parameters).priority()).isEqualTo(70);
    assertThat(TaskPriority.of("buildSocialFile", TODAY, far, parameters)).isEqualTo(new TaskPriority.Result(50, null));
    assertThat(TaskPriority.of("recordEvent", TODAY, TODAY.plusDays(4), parameters).priority()).isEqualTo(50);
  }

  @Test
  void theUrgencyWindowIsAParameter() {
    Parameters wider = parameters.with(TaskPriority.URGENT_DAYS, TODAY.minusDays(1), BigDecimal.TEN, "test");
    assertThat(TaskPriority.of("recordEvent", TODAY, TODAY.plusDays(10), wider).priority()).isEqualTo(90);
    assertThat(TaskPriority.of("recordEvent", TODAY, TODAY.plusDays(10), parameters).priority()).isEqualTo(50);
  }
}
