package fr.misp.backoffice.rules.socialaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.RuleViolation;
import fr.misp.backoffice.rules.socialaid.LoanScheduleCalculator.Instalment;
import fr.misp.backoffice.rules.socialaid.LoanScheduleCalculator.LoanType;
import fr.misp.backoffice.rules.socialaid.LoanScheduleCalculator.Schedule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R-AS-2 (guide, "Vos aides solidaires") and the schedule decision of RULES.md §8. */
class LoanScheduleCalculatorTest {

  private final LoanScheduleCalculator calculator = new LoanScheduleCalculator(Parameters.standard());

  @Test
  void equalInstalmentsRoundedDownTheLastTakesTheRemainder() {
    Schedule schedule = calculator.schedule(LoanType.SOCIAL_LOAN, new BigDecimal("1000"), 3, LocalDate.of(2024, 1, 31));
    assertThat(schedule.instalments()).extracting(Instalment::amount)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("333.33"), new BigDecimal("333.33"), new BigDecimal("333.34"));
    assertThat(schedule.instalments()).extracting(Instalment::dueDate)
        .containsExactly(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 30));
    assertThat(schedule.total()).isEqualByComparingTo("1000.00");
  }

  @ParameterizedTest(name = "{0} {1} € over {2} months: accepted {3}")
  @CsvSource({
      "SOCIAL_LOAN, 6000, 48, true", "SOCIAL_LOAN, 6000.01, 48, false", "SOCIAL_LOAN, 6000, 49, false",
      "SPECIAL_ADVANCE, 3000, 4, true", "SPECIAL_ADVANCE, 3000.01, 4, false", "SPECIAL_ADVANCE, 3000, 5, false",
      "SOCIAL_LOAN, 0, 12, false", "SOCIAL_LOAN, 100, 0, false"})
  void limits(LoanType type, BigDecimal amount, int months, boolean accepted) {
    assertThat(calculator.check(type, amount, months, LocalDate.of(2024, 1, 1)).isEmpty()).isEqualTo(accepted);
    if (!accepted) {
      assertThatThrownBy(() -> calculator.schedule(type, amount, months, LocalDate.of(2024, 1, 1)))
          .isInstanceOf(RuleViolation.class);
    }
  }

  /** Property: a schedule always sums to the amount, has n instalments, and only the last one may differ. */
  @Test
  void aScheduleAlwaysSumsToTheAmount() {
    Random random = new Random(7L);
    for (int i = 0; i < 5_000; i++) {
      LoanType type = random.nextBoolean() ? LoanType.SOCIAL_LOAN : LoanType.SPECIAL_ADVANCE;
      LoanScheduleCalculator.Limits limits = calculator.limits(type, LocalDate.of(2024, 1, 1));
      BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(limits.maxAmount().intValueExact() * 100), 2);
      int months = 1 + random.nextInt(limits.maxMonths());
      Schedule schedule = calculator.schedule(type, amount, months, LocalDate.of(2024, 1, 1));
      assertThat(schedule.instalments()).hasSize(months);
      BigDecimal sum = schedule.instalments().stream().map(Instalment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(sum).isEqualByComparingTo(amount);
      BigDecimal first = schedule.instalments().get(0).amount();
      assertThat(schedule.instalments().subList(0, months - 1)).allSatisfy(x -> assertThat(x.amount()).isEqualByComparingTo(first));
      assertThat(schedule.instalments().get(months - 1).amount()).isGreaterThanOrEqualTo(first);
    }
  }
}
