package fr.misp.backoffice.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.Jobs;
import fr.misp.backoffice.support.WebappSession;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP, as Tasklist sends it: a completion refused by a business rule answers 400 with the
 * French message only (no engine prefix, no task id, no English half) and the field it concerns; the
 * task stays open; the log has one INFO line naming the field, no ERROR, no stack trace. An optional
 * field left empty comes as a null value, as Tasklist sends it, and is no reason to refuse.
 */
@H2AppTest
@ExtendWith(OutputCaptureExtension.class)
class RefusedCompletionOverHttpTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired BusinessRefusalLogging logging;

  private String commissionTask(int requestedAmount) {
    Http.Response started = new Http(port).post("/api/social-aid-requests", "conseiller", "demo", """
        {"memberId": "M-NC-001", "agencyCode": "AG-075", "situation": "LATE_INCOME", "aidType": "GRANT",
         "requestedAmount": %d, "monthlyResources": 1800, "monthlyCharges": 1200, "householdSize": 2}""".formatted(requestedAmount));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String id = started.json().get("id").asText();
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId(),
        Map.of("fileComplete", true, "advisorOpinion", "Dossier complet"));
    Jobs.runAll(engine, id);
    return engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("commissionDecision")
        .singleResult().getId();
  }

  @Test
  void tasklistReadsOnlyTheFrenchMessageNextToItsField(CapturedOutput output) {
    // Other application contexts of this test JVM reset logback: put back what the app installs at start.
    logging.install();
    String task = commissionTask(641);
    WebappSession tasklist = WebappSession.signIn(port, "tasklist", "commission", "demo");
    assertThat(tasklist.post("/camunda/api/engine/engine/default/task/" + task + "/claim", "{\"userId\": \"commission\"}")
        .status()).isEqualTo(204);
    int logStart = output.getAll().length();

    Http.Response refused = tasklist.post("/camunda/api/engine/engine/default/task/" + task + "/submit-form", """
        {"variables": {"commissionDecision": {"value": "GRANT"}, "grantedAmount": {"value": 500},
         "grantedDurationMonths": {"value": null}, "motivation": {"value": ""}}}""");

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).isEqualTo("La motivation de la décision est obligatoire");
    assertThat(refused.json().get("field").asText()).isEqualTo("motivation");
    assertThat(refused.body()).doesNotContain("ENGINE-", "Cannot submit", task, "TaskListener", "is required");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);

    String log = output.getAll().substring(logStart);
    assertThat(log).contains("Saisie refusée par une règle métier (champ motivation)")
        .doesNotContain("ERROR", "ENGINE-16004", "\tat org.camunda", "obligatoire");
  }

  @Test
  void theEngineRestApiAnswersTheSame() {
    String task = commissionTask(642);
    Http http = new Http(port);
    assertThat(http.post("/engine-rest/task/" + task + "/claim", "commission", "demo", "{\"userId\": \"commission\"}")
        .status()).isEqualTo(204);
    Http.Response refused = http.post("/engine-rest/task/" + task + "/submit-form", "commission", "demo", """
        {"variables": {"commissionDecision": {"value": "GRANT"}, "grantedAmount": {"value": 500},
         "motivation": {"value": " "}}}""");
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).isEqualTo("La motivation de la décision est obligatoire");
    assertThat(refused.body()).doesNotContain("ENGINE-", task);
  }
}
