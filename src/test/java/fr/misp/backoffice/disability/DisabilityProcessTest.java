package fr.misp.backoffice.disability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import fr.misp.backoffice.platform.engine.ProcessVariable;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** R-INV-1..10 as a process, with the guide's worked examples (Pierre, Chantal) to the cent. */
@H2AppTest
class DisabilityProcessTest {

  static final AtomicInteger CASE = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MemberDirectory members;
  @Autowired PaymentOrders payments;
  @Autowired OutboxNotifications outbox;
  @Autowired DisabilityPayroll payroll;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  private String member(String category, LocalDate birth) {
    String id = "M-INV-" + CASE.incrementAndGet() + "-" + System.nanoTime() % 10000;
    members.save(new Member(id, "Pierre Blanc", birth, category, "PT", false, LocalDate.of(2000, 1, 1), "AG-075"));
    return id;
  }

  private JsonNode open(String member, LocalDate start, String rateOrCategory, int base, int bonuses, int pension) {
    Http.Response response = http.post("/api/disability-claims", "conseiller", "demo", """
        {"memberId": "%s", "pensionStartDate": "%s", %s, "monthlyBaseSalary": %d, "monthlyBonuses": %d,
         "resources": [{"type": "INVALIDITY_PENSION", "annualAmount": %d}]}"""
        .formatted(member, start, rateOrCategory, base, bonuses, pension));
    assertThat(response.status()).as(response.body()).isIn(200, 201);
    return response.json();
  }

  /** The engine's clock on {@code day}, 9 a.m. in Paris. */
  static void clock(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(ProcessVariable.PARIS).toInstant()));
  }

  /** The payroll of the first of a month, as its timer starts it: the month before paid, 1 January renewing. */
  static String payroll(ProcessEngine engine, LocalDate firstOfMonth) {
    clock(firstOfMonth);
    String id = engine.getRuntimeService().startProcessInstanceByKey("disabilityPayroll").getId();
    Jobs.runAll(engine, id);
    Jobs.runBatches(engine);
    return id;
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private JsonNode view(String id) {
    return http.get("/api/disability-claims/" + id, "conseiller", "demo").json();
  }

  @Test
  void chantalsIptIsPaidMonthlyInArrearsByThePayrollRenewedOnTheFirstOfJanuaryAndEnds() {
    clock(LocalDate.of(2025, 11, 5));
    JsonNode claim = open(member("ACTIVE", LocalDate.of(1970, 6, 6)), LocalDate.of(2025, 11, 1),
        "\"socialSecurityCategory\": 2", 2500, 300, 15000);
    String id = claim.get("id").asText();
    JsonNode first = view(id);
    assertThat(first.get("category").asText()).isEqualTo("IPT");
    // Guide, Chantal: reference 2 800, guarantee 23 520, pension 15 000 → 8 520 € a year.
    assertThat(first.get("years").get(0).get("guarantee").decimalValue()).isEqualByComparingTo("23520.00");
    assertThat(first.get("years").get(0).get("annualBenefit").decimalValue()).isEqualByComparingTo("8520.00");
    assertThat(first.get("years").get(0).get("monthlyBenefit").decimalValue()).isEqualByComparingTo("710.00");
    assertThat(first.get("status").asText()).isEqualTo("PAYING");
    String businessKey = claim.get("businessKey").asText();
    assertThat(outbox.queuedFor(businessKey)).singleElement().satisfies(q ->
        assertThat(q.message()).contains("8 520,00 € par an", "710,00 € par mois"));
    assertThat(payments.of(businessKey)).isEmpty();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(
        payroll(engine, LocalDate.of(2025, 12, 1))).activityId("endPayrollPaid").count()).isEqualTo(1); // November
    // 1 January: December paid, then the IPT renewed with no one involved (same amount: no notice).
    String january = payroll(engine, LocalDate.of(2026, 1, 1));
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(january)
        .activityId("endPayrollRenewed").count()).isEqualTo(1);
    assertThat(view(id).get("years")).hasSize(2);
    assertThat(view(id).get("years").get(1).get("annualBenefit").decimalValue()).isEqualByComparingTo("8520.00");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(id).count()).isZero();
    assertThat(outbox.queuedFor(businessKey)).hasSize(1);
    // A retried payroll pays nothing twice.
    payroll(engine, LocalDate.of(2026, 1, 1));
    assertThat(payments.of(businessKey)).hasSize(2);
    assertThat(http.post("/api/disability-claims/" + id + "/end", "conseiller", "demo",
        "{\"endDate\": \"2026-01-20\"}").status()).isEqualTo(200);
    payroll(engine, LocalDate.of(2026, 2, 1)); // January paid (ends the first day of the month after), file closed
    payroll(engine, LocalDate.of(2026, 3, 1));
    assertThat(view(id).get("status").asText()).isEqualTo("CLOSED");
    assertThat(payments.of(businessKey)).extracting(p -> p.amount().toPlainString())
        .containsExactly("710.00", "710.00", "710.00");
  }

  @Test
  void pierresIppIsRecalculatedEachYearFromHisEvidencePaidInArrearsWhenLateAndSuspendedWhileAboveTheGuarantee() {
    clock(LocalDate.of(2025, 12, 3));
    JsonNode claim = open(member("ACTIVE", LocalDate.of(1972, 2, 2)), LocalDate.of(2025, 12, 1),
        "\"invalidityRate\": 37", 2140, 600, 8123);
    String id = claim.get("id").asText();
    String businessKey = claim.get("businessKey").asText();
    JsonNode first = view(id);
    assertThat(first.get("category").asText()).isEqualTo("IPP");
    // Guide, Pierre: bonuses capped at 321, reference 2 461, guarantee 13 781,60, pension 8 123 → 5 658,60 € a year.
    assertThat(first.get("years").get(0).get("guarantee").decimalValue()).isEqualByComparingTo("13781.60");
    assertThat(first.get("years").get(0).get("annualBenefit").decimalValue()).isEqualByComparingTo("5658.60");
    payroll(engine, LocalDate.of(2026, 1, 1)); // December 2025 paid, then the 2026 resources are asked for
    assertThat(view(id).get("status").asText()).isEqualTo("AWAITING_RESOURCES");
    assertThat(outbox.queuedFor(businessKey)).extracting(q -> q.kind()).contains("DISABILITY_EVIDENCE_REQUEST");
    assertThat(payroll.renew(2026).evidence()).as("a second renewal asks nothing twice").isZero();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(id).count()).isEqualTo(1);
    // A month without the evidence: the member is reminded; January is not paid without the year's resources.
    clock(LocalDate.of(2026, 2, 5));
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().processInstanceId(id)
        .timers().singleResult().getId());
    Jobs.runAll(engine, id);
    assertThat(outbox.queuedFor(businessKey)).extracting(q -> q.kind()).contains("DISABILITY_EVIDENCE_REMINDER");
    payroll(engine, LocalDate.of(2026, 2, 1));
    assertThat(payments.of(businessKey)).hasSize(1);
    String task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(task, Map.of("invalidityPension", "-1",
        "oldAgePension", "0", "activityIncome", "0"))).hasMessageContaining("0 ou plus");
    // The evidence arrives in March: the same pension, so January and February are paid at once.
    clock(LocalDate.of(2026, 3, 10));
    engine.getTaskService().complete(task, Map.of("invalidityPension", "8123", "oldAgePension", "0",
        "activityIncome", "0"));
    Jobs.runAll(engine, id);
    assertThat(view(id).get("status").asText()).isEqualTo("PAYING");
    assertThat(payments.of(businessKey)).extracting(p -> p.amount().toPlainString())
        .containsExactly("471.55", "471.55", "471.55");
    // 2027: the resources exceed the guarantee → suspended, nothing paid, the member told.
    payroll(engine, LocalDate.of(2027, 1, 1));
    String next = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId();
    engine.getTaskService().complete(next, Map.of("invalidityPension", "14000", "oldAgePension", "0",
        "activityIncome", "0"));
    Jobs.runAll(engine, id);
    assertThat(view(id).get("years").get(2).get("outcome").asText()).isEqualTo("SUSPENDED");
    assertThat(view(id).get("status").asText()).isEqualTo("SUSPENDED");
    assertThat(outbox.queuedFor(businessKey)).anySatisfy(q -> assertThat(q.message()).contains("suspendue pour 2027"));
    int paid = payments.of(businessKey).size();
    payroll(engine, LocalDate.of(2027, 2, 1));
    assertThat(payments.of(businessKey)).hasSize(paid);
    engine.getRuntimeService().deleteProcessInstance(id, "test");
  }

  @Test
  void aPensionDecidedLateIsRenewedForEachYearSinceItsStartAndItsClosedMonthsArePaidAtOnce() {
    clock(LocalDate.of(2026, 3, 5));
    JsonNode claim = open(member("ACTIVE", LocalDate.of(1970, 6, 6)), LocalDate.of(2025, 11, 1),
        "\"socialSecurityCategory\": 2", 2500, 300, 15000);
    assertThat(view(claim.get("id").asText()).get("years")).extracting(y -> y.get("benefitYear").asInt())
        .containsExactly(2025, 2026);
    // November 2025 to February 2026.
    assertThat(payments.of(claim.get("businessKey").asText())).hasSize(4);
    engine.getRuntimeService().deleteProcessInstance(claim.get("id").asText(), "test");
  }

  @Test
  void aSmallBenefitOrTheSeventiethYearIsACapitalAManagerComputesAndOnlyActiveMembersAreEligible() {
    // 13 781,60 − 13 000 = 781,60 < 1 200 €: a capital instead (Règlement MISP: the manager computes it).
    JsonNode small = open(member("ACTIVE", LocalDate.of(1972, 2, 2)), LocalDate.of(2025, 12, 1),
        "\"invalidityRate\": 37", 2140, 600, 13000);
    String id = small.get("id").asText();
    assertThat(view(id).get("status").asText()).isEqualTo("CAPITAL_TO_COMPUTE");
    String task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId();
    assertThat(engine.getTaskService().getIdentityLinksForTask(task)).extracting(l -> l.getGroupId())
        .containsExactly("gestionnaires");
    // Why, for whom, and the year computed — in words, nothing medical (no rate).
    assertThat((String) engine.getTaskService().getVariableLocal(task, "fileSummary"))
        .contains("inférieure au seuil du guide", "(R-INV-7)", "né(e) le 02/02/1972", "Allocation depuis le 01/12/2025",
            "781,60 € par an").doesNotContain("37");
    assertThatThrownBy(() -> engine.getTaskService().complete(task, Map.of("capitalAmount", "3000")))
        .hasMessageContaining("Règlement");
    engine.getTaskService().complete(task, Map.of("capitalAmount", "3000", "capitalSource", "Règlement MISP, art. X"));
    Jobs.runAll(engine, id);
    assertThat(view(id).get("status").asText()).isEqualTo("CLOSED");
    assertThat(payments.of(small.get("businessKey").asText())).singleElement().satisfies(p ->
        assertThat(p.amount()).isEqualByComparingTo("3000.00"));

    // Born in 1956: 2026 is the year of the 70th birthday, the 1 January renewal ends with the capital.
    clock(LocalDate.of(2025, 12, 2));
    String seventy = open(member("ACTIVE", LocalDate.of(1956, 3, 3)), LocalDate.of(2025, 12, 1),
        "\"socialSecurityCategory\": 3", 2500, 300, 15000).get("id").asText();
    payroll(engine, LocalDate.of(2026, 1, 1));
    assertThat(view(seventy).get("status").asText()).isEqualTo("CAPITAL_TO_COMPUTE");
    engine.getRuntimeService().deleteProcessInstance(seventy, "test");

    JsonNode retired = view(open(member("RETIRED", LocalDate.of(1960, 1, 1)), LocalDate.of(2025, 12, 1),
        "\"invalidityRate\": 70", 2500, 0, 0).get("id").asText());
    assertThat(retired.get("decision").asText()).isEqualTo("REFUSED");
    assertThat(retired.get("status").asText()).isEqualTo("CLOSED");
    assertThat(http.post("/api/disability-claims", "conseiller", "demo", """
        {"memberId": "X", "pensionStartDate": "2025-01-01", "invalidityRate": 50, "socialSecurityCategory": 2,
         "monthlyBaseSalary": 1, "monthlyBonuses": 0, "resources": []}""").status()).isEqualTo(400);
  }
}
