package fr.misp.backoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The tasks added with the payment, repayment and Prévoyance processes, as an attacker tries them over the engine
 * API: a person of another group neither claims nor completes them, and a person of the right group cannot add a
 * variable of their choosing (a decider, an amount) to a completion, whatever the media type.
 */
@H2AppTest
class NewTasksAttackTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @ParameterizedTest(name = "{1} ({0}): {3} is kept out, {2} cannot slip a variable in")
  @CsvSource({
      "paymentException, correctBankDetails, conseiller, commission",
      "paymentException, reviewRejectedPayment, conseiller, medecin",
      "paymentException, reconcileBankEntry, gestionnaire, conseiller",
      "loanRepayment, decideArrears, commission, conseiller",
      "temporaryAutonomyLoss, assessPathology, medecin, conseiller",
      "totalDependency, assessGir, medecin, gestionnaire",
      "totalDependency, homeCareEvidence, conseiller, commission",
      "dailyAllowance, recordMonthlyPay, conseiller, ima",
      "disabilityAllowance, recordDisabilityResources, conseiller, hcs",
      "disabilityAllowance, decideDisabilityCapital, gestionnaire, conseiller"})
  void anotherGroupIsKeptOutAndNoVariableSlipsIn(String process, String task, String member, String outsider) {
    String id = engine.getRuntimeService().createProcessInstanceByKey(process).businessKey("ATK-" + task + "-"
        + System.nanoTime()).startBeforeActivity(task).setVariables(Map.of("memberId", "M-ES-001")).execute().getId();
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId();
    Http http = new Http(port);
    assertThat(http.post("/engine-rest/task/" + taskId + "/claim", outsider, "demo", "{\"userId\": \"" + outsider + "\"}")
        .status()).isNotIn(200, 204);
    assertThat(http.post("/engine-rest/task/" + taskId + "/complete", outsider, "demo", "{\"variables\": {}}").status())
        .isNotIn(200, 204);
    assertThat(http.post("/engine-rest/task/" + taskId + "/claim", member, "demo", "{\"userId\": \"" + member + "\"}")
        .status()).isEqualTo(204);
    // A variable the form does not offer (who decided, how much) is refused, in JSON as in another media type.
    Http.Response slipped = http.post("/engine-rest/task/" + taskId + "/complete", member, "demo",
        "{\"variables\": {\"correctedBy\": {\"value\": \"quelqu'un\"}, \"capitalAmount\": {\"value\": \"1\"}}}");
    assertThat(slipped.status()).isEqualTo(400);
    Http.Response text = http.send("POST", "/engine-rest/task/" + taskId + "/complete", member, "demo",
        "text/plain;charset=ISO-8859-1", "{\"variables\": {}}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThat(text.status()).isNotIn(200, 204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    engine.getRuntimeService().deleteProcessInstance(id, "test");
  }
}
