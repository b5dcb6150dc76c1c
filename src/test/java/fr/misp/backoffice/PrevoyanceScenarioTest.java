package fr.misp.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.misp.backoffice.disability.DisabilityClaims;
import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.notification.OutboxNotifications;
import fr.misp.backoffice.payment.PaymentOrders;
import fr.misp.backoffice.platform.engine.ProcessVariable;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.Jobs;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Years of one member's Prévoyance with the engine's clock moved forward month by month: nine months of daily
 * allowances (Matthieu's month, R-AJ-4/5), then an invalidity pension that ends them (R-AJ-6) and an IPP allowance
 * for three years (Pierre's numbers, R-INV-*) renewed each 1 January on the evidence recorded — suspended the year his
 * resources exceed the guarantee, resumed the next — until his death, which ends it after the month it falls in.
 * Every payment, notice and end date is checked.
 */
@H2AppTest
class PrevoyanceScenarioTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MemberDirectory members;
  @Autowired PaymentOrders payments;
  @Autowired OutboxNotifications outbox;
  @Autowired DisabilityClaims disabilityClaims;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void clock(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(ProcessVariable.PARIS).toInstant()));
  }

  /** The first of a month: the half-pay month closes (a timer of its own), and the invalidity payroll runs. */
  private void firstOfMonth(LocalDate day, String dailyAllowance) {
    clock(day);
    if (dailyAllowance != null && engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(dailyAllowance).count() > 0) {
      var timer = engine.getManagementService().createJobQuery().processInstanceId(dailyAllowance).timers()
          .singleResult();
      engine.getManagementService().executeJob(timer.getId());
      Jobs.runAll(engine, dailyAllowance);
    }
    String payroll = engine.getRuntimeService().startProcessInstanceByKey("disabilityPayroll").getId();
    Jobs.runAll(engine, payroll);
    Jobs.runBatches(engine);
  }

  private String task(String processInstanceId, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
        .singleResult().getId();
  }

  @Test
  void nineMonthsOfDailyAllowancesThenThreeYearsOfInvalidityWithASuspendedYearThenDeath() {
    Http http = new Http(port);
    String member = "M-SCN-" + System.nanoTime() % 100000;
    members.save(new Member(member, "Pierre Blanc", LocalDate.of(1972, 2, 2), "ACTIVE", "PT", false,
        LocalDate.of(2000, 1, 1), "AG-075"));

    // January 2022: on half pay; each month's sums recorded → 1 006,37 € (Matthieu's month).
    clock(LocalDate.of(2022, 1, 5));
    JsonNode aj = http.post("/api/daily-allowance-claims", "conseiller", "demo", """
        {"memberId": "%s", "halfPayDate": "2022-01-01", "referenceMonthlyBase": 4431, "netSalaryBeforeStoppage": 3945.02}"""
        .formatted(member)).json();
    String ajId = aj.get("id").asText();
    for (int m = 2; m <= 10; m++) {
      firstOfMonth(LocalDate.of(2022, m, 1), ajId);
      engine.getTaskService().complete(task(ajId, "recordMonthlyPay"), Map.of("grossPaidInMonth", "2405.50",
          "netPaidInMonth", "1972.51"));
      Jobs.runAll(engine, ajId);
    }

    // 3 October 2022: the invalidity pension from 1 October ends the daily allowances that day.
    clock(LocalDate.of(2022, 10, 3));
    JsonNode inv = http.post("/api/disability-claims", "conseiller", "demo", """
        {"memberId": "%s", "pensionStartDate": "2022-10-01", "invalidityRate": 37, "monthlyBaseSalary": 2140,
         "monthlyBonuses": 600, "resources": [{"type": "INVALIDITY_PENSION", "annualAmount": 8123}]}"""
        .formatted(member)).json();
    String invId = inv.get("id").asText();
    String invKey = inv.get("businessKey").asText();

    // Three years of payroll runs, the evidence recorded each January: 2024's resources exceed the guarantee.
    Map<Integer, String> pensions = Map.of(2023, "8123", 2024, "14000", 2025, "8123");
    for (YearMonth month = YearMonth.of(2022, 11); !month.isAfter(YearMonth.of(2025, 9)); month = month.plusMonths(1)) {
      firstOfMonth(month.atDay(1), ajId);
      if (month.getMonthValue() == 1) {
        clock(month.atDay(12));
        engine.getTaskService().complete(task(invId, "recordDisabilityResources"), Map.of("invalidityPension",
            pensions.get(month.getYear()), "oldAgePension", "0", "activityIncome", "0"));
        Jobs.runAll(engine, invId);
      }
    }

    // He dies on 15 September 2025: the death claim ends every open benefit that day.
    clock(LocalDate.of(2025, 9, 20));
    String death = http.post("/api/death-claims", "conseiller", "demo", """
        {"memberId": "%s", "event": "DEATH", "eventDate": "2025-09-15", "memberCategory": "ACTIVE",
         "annualContributionBase": 30000, "family": [], "designation": {"type": "STANDARD"}}""".formatted(member))
        .json().get("id").asText();
    engine.getTaskService().complete(task(death, "recordEvent"), Map.of("documentsComplete", true));
    Jobs.runAll(engine, death);
    firstOfMonth(LocalDate.of(2025, 10, 1), ajId); // September, the month of death, is due; the file closes
    firstOfMonth(LocalDate.of(2025, 11, 1), ajId);

    // Daily allowances: January to September 2022, 1 006,37 € each; ended on 1 October by the invalidity.
    JsonNode ajView = http.get("/api/daily-allowance-claims/" + ajId, "conseiller", "demo").json();
    assertThat(ajView.get("status").asText()).isEqualTo("CLOSED");
    assertThat(ajView.get("endDate").asText()).isEqualTo("2022-10-01");
    assertThat(ajView.get("endReason").asText()).isEqualTo("INVALIDITY");
    assertThat(ajView.get("months")).hasSize(9);
    assertThat(payments.of(aj.get("businessKey").asText())).hasSize(9)
        .allSatisfy(p -> assertThat(p.amount()).isEqualByComparingTo("1006.37"));

    // Invalidity: 5 658,60 € a year (471,55 € a month) from October 2022, none in 2024, resumed in 2025, last month
    // September 2025.
    JsonNode invView = http.get("/api/disability-claims/" + invId, "conseiller", "demo").json();
    assertThat(invView.get("status").asText()).isEqualTo("CLOSED");
    assertThat(invView.get("endDate").asText()).isEqualTo("2025-09-15");
    assertThat(invView.get("years")).extracting(y -> y.get("benefitYear").asInt() + " " + y.get("outcome").asText()
        + " " + y.get("annualBenefit").decimalValue().setScale(2).toPlainString())
        .containsExactly("2022 TEMPORARY_BENEFIT 5658.60", "2023 TEMPORARY_BENEFIT 5658.60", "2024 SUSPENDED 0.00",
            "2025 TEMPORARY_BENEFIT 5658.60");
    List<String> expected = new ArrayList<>();
    for (YearMonth m = YearMonth.of(2022, 10); !m.isAfter(YearMonth.of(2025, 9)); m = m.plusMonths(1)) {
      if (m.getYear() != 2024) {
        expected.add(m.toString());
      }
    }
    assertThat(disabilityClaims.payments(invKey)).extracting(DisabilityClaims.Paid::period)
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(payments.of(invKey)).hasSize(expected.size())
        .allSatisfy(p -> assertThat(p.amount()).isEqualByComparingTo("471.55"));

    // What he was told: the decision, each year's evidence request and result (2024: suspended).
    List<OutboxNotifications.Queued> notices = outbox.queuedFor(invKey);
    assertThat(notices).extracting(OutboxNotifications.Queued::kind).containsOnly("DISABILITY_DECISION",
        "DISABILITY_EVIDENCE_REQUEST", "DISABILITY_YEAR_DECISION");
    assertThat(notices).filteredOn(q -> q.kind().equals("DISABILITY_EVIDENCE_REQUEST")).hasSize(3);
    assertThat(notices).filteredOn(q -> q.kind().equals("DISABILITY_YEAR_DECISION")).extracting(q -> q.message())
        .anySatisfy(text -> assertThat(text).contains("suspendue pour 2024"))
        .anySatisfy(text -> assertThat(text).contains("2025", "5 658,60 € par an", "471,55 € par mois"));
    assertThat(outbox.queuedFor(aj.get("businessKey").asText())).hasSize(9);
    assertThat(http.get("/api/members/" + member + "/benefits", "conseiller", "demo").json()).isEmpty();
  }
}
