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

  private void closeMonth(String id) {
    var timer = engine.getManagementService().createJobQuery().processInstanceId(id).timers().singleResult();
    engine.getManagementService().executeJob(timer.getId());
    Jobs.runAll(engine, id);
  }

  private JsonNode view(String id) {
    return http.get("/api/disability-claims/" + id, "conseiller", "demo").json();
  }

  @Test
  void chantalsIptIsPaidMonthlyInArrearsRenewedOnTheFirstOfJanuaryAndEnds() {
    JsonNode claim = open(member("ACTIVE", LocalDate.of(1970, 6, 6)), LocalDate.of(2025, 11, 1),
        "\"socialSecurityCategory\": 2", 2500, 300, 15000);
    String id = claim.get("id").asText();
    JsonNode first = view(id);
    assertThat(first.get("category").asText()).isEqualTo("IPT");
    // Guide, Chantal: reference 2 800, guarantee 23 520, pension 15 000 → 8 520 € a year.
    assertThat(first.get("years").get(0).get("guarantee").decimalValue()).isEqualByComparingTo("23520.00");
    assertThat(first.get("years").get(0).get("annualBenefit").decimalValue()).isEqualByComparingTo("8520.00");
    assertThat(first.get("years").get(0).get("monthlyBenefit").decimalValue()).isEqualByComparingTo("710.00");
    String businessKey = claim.get("businessKey").asText();
    assertThat(outbox.queuedFor(businessKey)).singleElement().satisfies(q ->
        assertThat(q.message()).contains("8 520,00 € par an", "710,00 € par mois"));
    closeMonth(id); // November 2025
    closeMonth(id); // December 2025, then the 1 January review renews the IPT
    assertThat(view(id).get("years")).hasSize(2);
    assertThat(http.post("/api/disability-claims/" + id + "/end", "conseiller", "demo",
        "{\"endDate\": \"2026-01-20\"}").status()).isEqualTo(200);
    closeMonth(id); // January 2026 paid; February starts after the end
    closeMonth(id);
    assertThat(view(id).get("status").asText()).isEqualTo("CLOSED");
    assertThat(payments.of(businessKey)).extracting(p -> p.amount().toPlainString())
        .containsExactly("710.00", "710.00", "710.00");
  }

  @Test
  void pierresIppIsRecalculatedFromHisResourcesAndSuspendedWhileTheyExceedTheGuarantee() {
    JsonNode claim = open(member("ACTIVE", LocalDate.of(1972, 2, 2)), LocalDate.of(2025, 12, 1),
        "\"invalidityRate\": 37", 2140, 600, 8123);
    String id = claim.get("id").asText();
    JsonNode first = view(id);
    assertThat(first.get("category").asText()).isEqualTo("IPP");
    // Guide, Pierre: bonuses capped at 321, reference 2 461, guarantee 13 781,60, pension 8 123 → 5 658,60 € a year.
    assertThat(first.get("years").get(0).get("guarantee").decimalValue()).isEqualByComparingTo("13781.60");
    assertThat(first.get("years").get(0).get("annualBenefit").decimalValue()).isEqualByComparingTo("5658.60");
    closeMonth(id); // December 2025 paid, then the IPP asks for the year's resources
    assertThat(view(id).get("status").asText()).isEqualTo("AWAITING_RESOURCES");
    String task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(task, Map.of("invalidityPension", "-1",
        "oldAgePension", "0", "activityIncome", "0"))).hasMessageContaining("0 ou plus");
    engine.getTaskService().complete(task, Map.of("invalidityPension", "14000", "oldAgePension", "0",
        "activityIncome", "0"));
    Jobs.runAll(engine, id);
    assertThat(view(id).get("years").get(1).get("outcome").asText()).isEqualTo("SUSPENDED");
    closeMonth(id); // January 2026: suspended, nothing paid
    assertThat(payments.of(claim.get("businessKey").asText())).singleElement().satisfies(p ->
        assertThat(p.amount()).isEqualByComparingTo("471.55"));
    engine.getRuntimeService().deleteProcessInstance(id, "test");
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
    assertThatThrownBy(() -> engine.getTaskService().complete(task, Map.of("capitalAmount", "3000")))
        .hasMessageContaining("Règlement");
    engine.getTaskService().complete(task, Map.of("capitalAmount", "3000", "capitalSource", "Règlement MISP, art. X"));
    Jobs.runAll(engine, id);
    assertThat(view(id).get("status").asText()).isEqualTo("CLOSED");
    assertThat(payments.of(small.get("businessKey").asText())).singleElement().satisfies(p ->
        assertThat(p.amount()).isEqualByComparingTo("3000.00"));

    // Born in 1956: 2026 is the year of the 70th birthday, the 1 January review ends with the capital.
    String seventy = open(member("ACTIVE", LocalDate.of(1956, 3, 3)), LocalDate.of(2025, 12, 1),
        "\"socialSecurityCategory\": 3", 2500, 300, 15000).get("id").asText();
    closeMonth(seventy);
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
