package fr.misp.backoffice.dependency;

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
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R-DEP-1..3 as a process: GIR by the médecin-conseil, 36 months of membership, 120 € a month from 3 continuous
 * months, each month paid once while the dependency lasts, and each year the 500 € home-care forfait from 6
 * months at home.
 */
@H2AppTest
class TotalDependencyProcessTest {

  static final AtomicInteger CASE = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MemberDirectory members;
  @Autowired PaymentOrders payments;
  @Autowired OutboxNotifications outbox;
  @Autowired JdbcClient jdbc;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  private String member(LocalDate membershipStart) {
    String id = "M-DEP-" + CASE.incrementAndGet() + "-" + System.nanoTime() % 10000;
    members.save(new Member(id, "Chantal Roux", LocalDate.of(1950, 2, 2), "RETIRED", "SN", false, membershipStart, "AG-075"));
    return id;
  }

  private String claim(String member, LocalDate start) {
    Http.Response response = http.post("/api/total-dependency-claims", "conseiller", "demo", """
        {"memberId": "%s", "dependencyStartDate": "%s"}""".formatted(member, start));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  private void assess(String id, int gir, String notes) {
    String task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId();
    assertThat(http.post("/engine-rest/task/" + task + "/claim", "medecin", "demo", "{\"userId\": \"medecin\"}").status())
        .isEqualTo(204);
    Http.Response done = http.post("/engine-rest/task/" + task + "/complete", "medecin", "demo", """
        {"variables": {"gir": {"value": %d}, "medicalNotes": {"value": "%s"}}}""".formatted(gir, notes));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    Jobs.runAll(engine, id);
  }

  private void fire(String id, String activity) {
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(id).timers().activityId(activity)
        .singleResult();
    engine.getManagementService().executeJob(timer.getId());
    Jobs.runAll(engine, id);
  }

  private JsonNode view(String id) {
    return http.get("/api/total-dependency-claims/" + id, "conseiller", "demo").json();
  }

  @Test
  void monthsAndYearsArePaidOnceWhileTheDependencyLasts() {
    LocalDate start = LocalDate.now().minusMonths(4);
    String id = claim(member(LocalDate.of(2000, 1, 1)), start);
    assertThat(view(id).get("status").asText()).isEqualTo("MEDICAL_ASSESSMENT");
    assess(id, 1, "SECRET-DEP-NOTE");
    JsonNode granted = view(id);
    assertThat(granted.get("decision").asText()).isEqualTo("GRANTED");
    assertThat(granted.get("monthlyAnnuity").decimalValue()).isEqualByComparingTo("120.00");
    // R-DEP-2: first payment after 3 continuous months.
    assertThat(granted.get("firstPaymentDate").asText()).isEqualTo(start.plusMonths(3).toString());
    assertThat(granted.toString()).doesNotContain("SECRET");
    String businessKey = granted.get("businessKey").asText();
    assertThat(outbox.queuedFor(businessKey)).singleElement().satisfies(q ->
        assertThat(q.message()).contains("120,00 € par mois", "premier versement le "
            + fr.misp.backoffice.platform.engine.FrenchText.date(start.plusMonths(3))));
    fire(id, "monthDue");
    fire(id, "monthDue");
    assertThat(payments.of(businessKey)).hasSize(2).allSatisfy(p -> {
      assertThat(p.amount()).isEqualByComparingTo("120.00");
      // Four eyes: the médecin-conseil who classified the member is its payments' decider.
      assertThat(p.decidedBy()).isEqualTo("medecin");
    });
    // A year of dependency: 8 months at home earn the forfait; the month after the end is not paid.
    fire(id, "yearDue");
    assertThat(view(id).get("status").asText()).isEqualTo("AWAITING_HOME_CARE_EVIDENCE");
    String evidence = engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("homeCareEvidence")
        .singleResult().getId();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(evidence,
        Map.of("homeMonthsLastYear", 13))).hasMessageContaining("0 à 12");
    engine.getTaskService().complete(evidence, Map.of("homeMonthsLastYear", 8));
    Jobs.runAll(engine, id);
    assertThat(payments.of(businessKey)).filteredOn(p -> p.purpose().equals("DEPENDENCY_HOME_FORFAIT")).singleElement()
        .satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("500.00"));
    assertThat(http.post("/api/total-dependency-claims/" + id + "/dependency-end", "conseiller", "demo",
        "{\"dependencyEndDate\": \"" + start.plusMonths(4).plusDays(10) + "\"}").status()).isEqualTo(200);
    // The next month starts after the end: nothing paid, the annuity ends; so does the forfait next year.
    fire(id, "monthDue");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(id).activityId("monthDue").count()).isZero();
    fire(id, "yearDue");
    assertThat(payments.of(businessKey)).filteredOn(p -> p.purpose().equals("DEPENDENCY_ANNUITY")).hasSize(2);
    assertThat(view(id).get("status").asText()).isEqualTo("CLOSED");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(id)
        .variableName("medicalNotes").count()).isZero();
  }

  @Test
  void gir2OrTheWaitingPeriodRefuseWithTheirReason() {
    String recent = claim(member(LocalDate.now().minusMonths(20)), LocalDate.now().minusMonths(1));
    assess(recent, 1, "");
    assertThat(view(recent).get("refusalReasons").asText()).contains("délai d'attente");
    String gir2 = claim(member(LocalDate.of(2000, 1, 1)), LocalDate.now().minusMonths(1));
    assess(gir2, 2, "");
    JsonNode refused = view(gir2);
    assertThat(refused.get("decision").asText()).isEqualTo("REFUSED");
    assertThat(refused.get("refusalReasons").asText()).contains("GIR 2");
    assertThat(outbox.queuedFor(refused.get("businessKey").asText())).singleElement()
        .satisfies(q -> assertThat(q.message()).contains("n'est pas accordée"));
    assertThat(http.post("/api/total-dependency-claims", "medecin", "demo", "{\"memberId\": \"X\", "
        + "\"dependencyStartDate\": \"2026-01-01\"}").status()).isEqualTo(403);
  }
}
