package fr.misp.backoffice.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.misp.backoffice.socialaid.CommissionDecision;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Each kind of variable reads back exactly what was written, whatever the form sent. */
class ProcessVariableTest {

  @Test
  void moneyIsHeldAsExactTextAndReadExactlyFromWhatAFormSends() {
    ProcessVariable<BigDecimal> amount = ProcessVariable.money("amount");
    assertThat(amount.toEngine(new BigDecimal("2750.50"))).isEqualTo("2750.50");
    assertThat(amount.fromEngine("2750.50")).isEqualByComparingTo("2750.50");
    assertThat(amount.fromEngine(2750.5d)).isEqualByComparingTo("2750.50");
    assertThat(amount.fromEngine(0.1d)).isEqualByComparingTo("0.1");
    assertThat(amount.fromEngine(7)).isEqualByComparingTo("7");
    assertThat(amount.fromEngine("")).isNull();
    assertThat(amount.fromEngine(null)).isNull();
  }

  @Test
  void wholeNumbersRefuseFractions() {
    ProcessVariable<Integer> months = ProcessVariable.count("months");
    assertThat(months.fromEngine(12)).isEqualTo(12);
    assertThat(months.fromEngine(12.0d)).isEqualTo(12);
    assertThatThrownBy(() -> months.fromEngine(1.5d)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void datesAreIsoTextAndTimerDaysStartAtMidnightInParis() {
    ProcessVariable<LocalDate> received = ProcessVariable.date("received");
    assertThat(received.toEngine(LocalDate.of(2026, 12, 1))).isEqualTo("2026-12-01");
    assertThat(received.fromEngine("2026-12-01T00:00:00")).isEqualTo(LocalDate.of(2026, 12, 1));
    ProcessVariable<LocalDate> escalation = ProcessVariable.timerDay("escalation");
    Date held = (Date) escalation.toEngine(LocalDate.of(2026, 7, 14));
    assertThat(held.toInstant()).isEqualTo(ZonedDateTime.of(2026, 7, 14, 0, 0, 0, 0, ProcessVariable.PARIS).toInstant());
    assertThat(escalation.fromEngine(held)).isEqualTo(LocalDate.of(2026, 7, 14));
  }

  @Test
  void choicesAreHeldByName() {
    ProcessVariable<CommissionDecision> decision = ProcessVariable.choice("decision", CommissionDecision.class);
    assertThat(decision.toEngine(CommissionDecision.ADJOURN)).isEqualTo("ADJOURN");
    assertThat(decision.fromEngine("GRANT")).isEqualTo(CommissionDecision.GRANT);
    assertThatThrownBy(() -> decision.fromEngine("MAYBE")).isInstanceOf(IllegalArgumentException.class);
  }
}
