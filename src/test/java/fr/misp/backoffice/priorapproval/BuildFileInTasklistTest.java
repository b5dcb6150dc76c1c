package fr.misp.backoffice.priorapproval;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.support.Browser;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In a real browser: IMA logs into Tasklist, opens its buildFile task, fills the form, completes it. */
@H2AppTest
class BuildFileInTasklistTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void imaBuildsTheFileInTasklist() {
    LocalDate today = LocalDate.now();
    Http.Response started = new Http(port).post("/api/prior-approvals", "conseiller", "demo", """
        {"memberId": "M-ES-001", "type": "HOSPITALISATION", "countryOfResidence": "ES", "receivedDate": "%s",
         "plannedAdmissionDate": "%s", "establishmentId": "ES-BCN-01"}""".formatted(today, today.plusDays(150)));
    assertThat(started.status()).isEqualTo(201);
    String id = started.json().get("id").asText();
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("buildFile")
        .singleResult().getId();

    try (Browser browser = Browser.open(port)) {
      browser.loginToTasklist("ima", "demo");
      browser.openTask(taskId);
      browser.claim();
      browser.field("documentsComplete").click();
      browser.type("quoteAmount", "2750.5");
      browser.type("quoteCurrency", "USD");
      browser.screenshot("tasklist-buildFile-filled");
      browser.complete();
      try {
        browser.until(driver -> engine.getTaskService().createTaskQuery().processInstanceId(id)
            .taskDefinitionKey("medicalReview").count() == 1);
      } catch (RuntimeException e) {
        browser.screenshot("tasklist-buildFile-failed");
        throw new AssertionError("Tasklist did not complete the task; page says: " + browser.text(), e);
      }
      assertThat(browser.errors()).isEmpty();
    }
    assertThat(engine.getRuntimeService().getVariable(id, "documentsComplete")).isEqualTo(true);
    assertThat(new java.math.BigDecimal(engine.getRuntimeService().getVariable(id, "quoteAmount").toString()))
        .isEqualByComparingTo("2750.5");
    assertThat(engine.getRuntimeService().getVariable(id, "quoteCurrency")).isEqualTo("USD");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(id).taskDefinitionKey("buildFile")
        .singleResult().getAssignee()).isEqualTo("ima");
  }
}
