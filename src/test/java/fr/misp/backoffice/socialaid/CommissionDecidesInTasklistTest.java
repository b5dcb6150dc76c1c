package fr.misp.backoffice.socialaid;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.support.Browser;
import fr.misp.backoffice.support.Jobs;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In a real browser: a commission member grants a social loan in Tasklist; the file is paid and closed. */
@H2AppTest
class CommissionDecidesInTasklistTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void theCommissionGrantsALoanInTasklist() {
    Http.Response started = new Http(port).post("/api/social-aid-requests", "conseiller", "demo", """
        {"memberId": "M-NC-001", "agencyCode": "AG-075", "situation": "LATE_INCOME", "aidType": "SOCIAL_LOAN",
         "requestedAmount": 2400, "durationMonths": 24, "monthlyResources": 1800, "monthlyCharges": 1200, "householdSize": 2}""");
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String id = started.json().get("id").asText();
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId(),
        Map.of("fileComplete", true, "advisorOpinion", "Retard de pension, dossier complet"));
    Jobs.runAll(engine, id);
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("commissionDecision")
        .singleResult().getId();

    Http.Response form = new Http(port).get("/engine-rest/task/" + taskId + "/deployed-form", "commission", "demo");
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    Http.Response variables = new Http(port).get("/engine-rest/task/" + taskId + "/form-variables", "commission", "demo");
    assertThat(variables.status()).as(variables.body()).isEqualTo(200);
    try (Browser browser = Browser.open(port)) {
      browser.loginToTasklist("commission", "demo");
      browser.openTask(taskId);
      browser.claim();
      // The limits in force, as text built from the rules (the form holds no copy of them).
      browser.until(driver -> browser.text().contains("montant du prêt social ≤ 6 000 € sur ≤ 48 mois"));
      browser.choose("Accorder");
      browser.type("grantedAmount", "2000");
      browser.type("grantedDurationMonths", "20");
      browser.type("motivation", "Prêt accordé sur 20 mois");
      browser.complete();
      try {
        browser.until(driver -> Jobs.run(engine, id) && engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id)
            .finished().count() == 1);
      } catch (RuntimeException e) {
        browser.screenshot("tasklist-commission-failed");
        throw new AssertionError("Tasklist did not complete the decision; page says: " + browser.text(), e);
      }
    }
    Http.Response view = new Http(port).get("/api/social-aid-requests/" + id, "gestionnaire", "demo");
    assertThat(view.json().get("decision").asText()).isEqualTo("GRANTED");
    assertThat(view.body()).contains("\"grantedAmount\":2000.00");
    assertThat(view.json().get("schedule").get("instalments")).hasSize(20);
    assertThat(view.json().get("motivation").asText()).isEqualTo("Prêt accordé sur 20 mois");
  }
}
