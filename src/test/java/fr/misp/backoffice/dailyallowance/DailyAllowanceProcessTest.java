package fr.misp.backoffice.dailyallowance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.notification.OutboxNotifications;
import fr.misp.backoffice.payment.PaymentOrders;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.Jobs;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** R-AJ-1..6 as a process, with the guide's worked example (Matthieu) to the cent. */
@H2AppTest
class DailyAllowanceProcessTest {

  static final AtomicInteger CASE = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MemberDirectory members;
  @Autowired PaymentOrders payments;
  @Autowired OutboxNotifications outbox;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  private String member(String category) {
    String id = "M-AJ-" + CASE.incrementAndGet() + "-" + System.nanoTime() % 10000;
    members.save(new Member(id, "Matthieu Lenoir", LocalDate.of(1978, 3, 3), category, "DE", false,
        LocalDate.of(2010, 1, 1), "AG-075"));
    return id;
  }

  private JsonNode open(String member, LocalDate halfPay) {
    Http.Response response = http.post("/api/daily-allowance-claims", "conseiller", "demo", """
        {"memberId": "%s", "halfPayDate": "%s", "referenceMonthlyBase": 4431, "netSalaryBeforeStoppage": 3945.02}"""
        .formatted(member, halfPay));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json();
  }

  private void closeMonth(String id) {
    var timer = engine.getManagementService().createJobQuery().processInstanceId(id).timers().singleResult();
    engine.getManagementService().executeJob(timer.getId());
    Jobs.runAll(engine, id);
  }

  private void record(String id, String gross, String net) {
    String task = engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("recordMonthlyPay")
        .singleResult().getId();
    engine.getTaskService().complete(task, Map.of("grossPaidInMonth", gross, "netPaidInMonth", net));
    Jobs.runAll(engine, id);
  }

  private JsonNode view(String id) {
    return http.get("/api/daily-allowance-claims/" + id, "conseiller", "demo").json();
  }

  @Test
  void matthieusMonthIsPaidToTheCentAndTheCycleEndsOnTheReturnToWork() {
    LocalDate halfPay = LocalDate.now().minusMonths(2).withDayOfMonth(1);
    JsonNode claim = open(member("ACTIVE"), halfPay);
    String id = claim.get("id").asText();
    assertThat(claim.get("status").asText()).isEqualTo("RUNNING");
    closeMonth(id);
    assertThat(view(id).get("status").asText()).isEqualTo("AWAITING_MONTHLY_PAY");
    // Guide, "L'exemple de Matthieu": 4 431 → guarantee 3 411,87; paid 1 354 + 1 051,50 gross → 1 006,37 €.
    record(id, "2405.50", "1972.51");
    JsonNode month = view(id).get("months").get(0);
    assertThat(month.get("monthStart").asText()).isEqualTo(halfPay.toString());
    assertThat(month.get("guarantee").decimalValue()).isEqualByComparingTo("3411.87");
    assertThat(month.get("allowance").decimalValue()).isEqualByComparingTo("1006.37");
    assertThat(month.get("explanation").asText()).contains("R-AJ-5");
    String businessKey = claim.get("businessKey").asText();
    assertThat(payments.of(businessKey)).singleElement().satisfies(p ->
        assertThat(p.amount()).isEqualByComparingTo("1006.37"));
    assertThat(outbox.queuedFor(businessKey)).singleElement().satisfies(q ->
        assertThat(q.message()).contains("1 006,37 €", "3 411,87 €"));
    // Back to work during the next month: that month is still recorded, the one after is not due.
    assertThat(http.post("/api/daily-allowance-claims/" + id + "/end", "conseiller", "demo",
        "{\"endDate\": \"" + halfPay.plusMonths(1).plusDays(9) + "\", \"reason\": \"RETURN_TO_WORK\"}").status())
        .isEqualTo(200);
    closeMonth(id);
    record(id, "500", "400");
    closeMonth(id);
    JsonNode closed = view(id);
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("months")).hasSize(2);
    // Back on the 10th: 9 days of the month covered, 3 411,87 × 9 / its days, less the 500 € gross paid for them.
    java.time.YearMonth second = java.time.YearMonth.from(halfPay.plusMonths(1));
    java.math.BigDecimal expected = new java.math.BigDecimal("3411.87").multiply(java.math.BigDecimal.valueOf(9))
        .divide(java.math.BigDecimal.valueOf(second.lengthOfMonth()), 2, java.math.RoundingMode.HALF_UP)
        .subtract(new java.math.BigDecimal("500"));
    assertThat(closed.get("months").get(1).get("allowance").decimalValue()).isEqualByComparingTo(expected);
    assertThat(closed.get("months").get(1).get("explanation").asText()).contains("9 jour(s) sur " + second.lengthOfMonth());
    assertThat(payments.of(businessKey)).hasSize(2);
  }

  @Test
  void aPartialFirstMonthCountsItsDaysOfHalfPayAndOnlyActiveMembersAreEligible() {
    LocalDate halfPay = LocalDate.now().minusMonths(3).withDayOfMonth(1);
    LocalDate sixteenth = LocalDate.of(2026, 9, 16);
    String id = open(member("ACTIVE"), sixteenth).get("id").asText();
    closeMonth(id);
    record(id, "500", "400");
    // September: 15 days of half pay out of 30 → 3 411,87 × 15 / 30 = 1 705,935; − 500 = 1 205,94 €.
    assertThat(view(id).get("months").get(0).get("allowance").decimalValue()).isEqualByComparingTo("1205.94");
    engine.getRuntimeService().deleteProcessInstance(id, "test");

    JsonNode retired = open(member("RETIRED"), halfPay);
    JsonNode refused = view(retired.get("id").asText());
    assertThat(refused.get("decision").asText()).isEqualTo("REFUSED");
    assertThat(refused.get("status").asText()).isEqualTo("CLOSED");
    assertThat(outbox.queuedFor(refused.get("businessKey").asText())).singleElement()
        .satisfies(q -> assertThat(q.message()).contains("membres participants actifs"));
    assertThat(http.post("/api/daily-allowance-claims", "commission", "demo", "{}").status()).isEqualTo(403);
  }
}
