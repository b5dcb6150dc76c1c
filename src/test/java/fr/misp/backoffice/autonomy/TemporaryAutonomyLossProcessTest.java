package fr.misp.backoffice.autonomy;

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
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R-PTA-1/2 as a process: a médecin-conseil recognises the pathology under medical secrecy; 400 € a quarter,
 * at most four for the member across stoppages, each paid once at its start while the stoppage lasts.
 */
@H2AppTest
class TemporaryAutonomyLossProcessTest {

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

  private String member(LocalDate birthDate) {
    String id = "M-PTA-" + CASE.incrementAndGet() + "-" + System.nanoTime() % 10000;
    members.save(new Member(id, "Matthieu Roy", birthDate, "ACTIVE", "MA", false, LocalDate.of(2005, 1, 1), "AG-075"));
    return id;
  }

  private JsonNode claim(String member, LocalDate start) {
    Http.Response response = http.post("/api/temporary-autonomy-claims", "conseiller", "demo", """
        {"memberId": "%s", "stoppageStartDate": "%s"}""".formatted(member, start));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json();
  }

  private Task task(String id) {
    return engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
  }

  private void assess(String id, String variablesJson) {
    Task task = task(id);
    assertThat(http.post("/engine-rest/task/" + task.getId() + "/claim", "medecin", "demo", "{\"userId\": \"medecin\"}")
        .status()).isEqualTo(204);
    Http.Response done = http.post("/engine-rest/task/" + task.getId() + "/complete", "medecin", "demo",
        "{\"variables\": " + variablesJson + "}");
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    Jobs.runAll(engine, id);
  }

  private void fireQuarter(String id) {
    var timer = engine.getManagementService().createJobQuery().processInstanceId(id).timers().singleResult();
    engine.getManagementService().executeJob(timer.getId());
    Jobs.runAll(engine, id);
  }

  private JsonNode view(String id) {
    return http.get("/api/temporary-autonomy-claims/" + id, "conseiller", "demo").json();
  }

  @Test
  void recognisedPaidQuarterByQuarterWhileTheStoppageLastsAndCountedAcrossStoppages() {
    String member = member(LocalDate.of(1980, 5, 5));
    LocalDate start = LocalDate.now().minusDays(150);
    JsonNode claim = claim(member, start);
    String id = claim.get("id").asText();
    assertThat(claim.get("status").asText()).isEqualTo("MEDICAL_ASSESSMENT");
    // The advisor neither sees nor decides the medical task.
    assertThat(http.post("/engine-rest/task/" + task(id).getId() + "/claim", "conseiller", "demo",
        "{\"userId\": \"conseiller\"}").status()).isNotIn(200, 204);
    Http.Response noPathology = http.post("/engine-rest/task/" + task(id).getId() + "/complete", "medecin", "demo",
        "{\"variables\": {\"pathologyAssessment\": {\"value\": \"RECOGNISED\"}}}");
    assertThat(noPathology.status()).isIn(400, 403);
    assess(id, """
        {"pathologyAssessment": {"value": "RECOGNISED"}, "ptaCondition": {"value": "CANCER"},
         "medicalNotes": {"value": "SECRET-PTA-NOTE"}}""");
    JsonNode granted = view(id);
    assertThat(granted.get("decision").asText()).isEqualTo("GRANTED");
    assertThat(granted.get("quarters")).hasSize(4);
    // R-PTA-2: rights from the 31st day; 400 € a quarter.
    assertThat(granted.get("quarters").get(0).get("periodFrom").asText()).isEqualTo(start.plusDays(30).toString());
    assertThat(granted.get("quarters").get(0).get("amount").decimalValue()).isEqualByComparingTo("400.00");
    String businessKey = granted.get("businessKey").asText();
    // Medical secrecy: the pathology and the notes are nowhere but the medical record.
    String everything = http.get("/api/temporary-autonomy-claims/" + id, "gestionnaire", "demo").body()
        + outbox.queuedFor(businessKey) + jdbc.sql("select explanation from pta_claim where business_key = ?")
            .param(businessKey).query(String.class).single();
    assertThat(everything.toLowerCase()).doesNotContain("cancer", "secret-pta");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(id)
        .variableNameIn("ptaCondition", "medicalNotes").count()).isZero();
    assertThat(jdbc.sql("select notes from medical_record where business_key = ?").param(businessKey).query(String.class)
        .list()).containsExactly("SECRET-PTA-NOTE");
    assertThat(outbox.queuedFor(businessKey)).extracting(q -> q.kind()).containsExactly("PTA_GRANTED");

    // The first quarter has started: paid once. Then the member returns to work: nothing more is due.
    fireQuarter(id);
    assertThat(payments.of(businessKey)).singleElement().satisfies(p ->
        assertThat(p.amount()).isEqualByComparingTo("400.00"));
    assertThat(http.post("/api/temporary-autonomy-claims/" + id + "/stoppage-end", "conseiller", "demo",
        "{\"stoppageEndDate\": \"" + start.minusDays(1) + "\"}").status()).isEqualTo(400);
    assertThat(http.post("/api/temporary-autonomy-claims/" + id + "/stoppage-end", "conseiller", "demo",
        "{\"stoppageEndDate\": \"" + start.plusDays(60) + "\"}").status()).isEqualTo(200);
    fireQuarter(id);
    assertThat(payments.of(businessKey)).hasSize(1);
    JsonNode closed = view(id);
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("quarters").findValuesAsText("status")).containsExactly("ORDERED", "NOT_DUE", "NOT_DUE", "NOT_DUE");

    // The same stoppage declared again is the same claim; a later stoppage: one quarter already granted, three left.
    Http.Response again = http.post("/api/temporary-autonomy-claims", "conseiller", "demo", """
        {"memberId": "%s", "stoppageStartDate": "%s"}""".formatted(member, start.plusDays(5)));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id").asText()).isEqualTo(id);
    String second = claim(member, LocalDate.now().minusDays(35)).get("id").asText();
    assess(second, "{\"pathologyAssessment\": {\"value\": \"RECOGNISED\"}, \"ptaCondition\": {\"value\": \"SEVERE_BURNS\"}}");
    assertThat(view(second).get("quarters").findValuesAsText("number")).containsExactly("2", "3", "4");
  }

  @Test
  void refusalsGiveTheirNonMedicalReason() {
    String tooOld = member(LocalDate.now().minusYears(66));
    String id = claim(tooOld, LocalDate.now().minusDays(40)).get("id").asText();
    assess(id, "{\"pathologyAssessment\": {\"value\": \"RECOGNISED\"}, \"ptaCondition\": {\"value\": \"MULTIPLE_SCLEROSIS\"}}");
    JsonNode refused = view(id);
    assertThat(refused.get("decision").asText()).isEqualTo("REFUSED");
    assertThat(refused.get("refusalReasons").asText()).contains("65 ans");
    assertThat(outbox.queuedFor(refused.get("businessKey").asText())).singleElement()
        .satisfies(q -> assertThat(q.message()).contains("65 ans").doesNotContain("sclérose"));

    String other = claim(member(LocalDate.of(1985, 1, 1)), LocalDate.now().minusDays(40)).get("id").asText();
    assess(other, "{\"pathologyAssessment\": {\"value\": \"NOT_RECOGNISED\"}, \"medicalNotes\": {\"value\": \"lombalgie\"}}");
    JsonNode notOnList = view(other);
    assertThat(notOnList.get("decision").asText()).isEqualTo("REFUSED");
    assertThat(outbox.queuedFor(notOnList.get("businessKey").asText())).singleElement()
        .satisfies(q -> assertThat(q.message()).contains("avis du médecin-conseil").doesNotContain("lombalgie"));
    assertThat(http.post("/api/temporary-autonomy-claims", "medecin", "demo", "{\"memberId\": \"X\", "
        + "\"stoppageStartDate\": \"2026-01-01\"}").status()).isEqualTo(403);
    assertThat(http.post("/api/temporary-autonomy-claims", "conseiller", "demo", "{\"memberId\": \"NOBODY\", "
        + "\"stoppageStartDate\": \"2999-01-01\"}").status()).isEqualTo(400);
  }
}
