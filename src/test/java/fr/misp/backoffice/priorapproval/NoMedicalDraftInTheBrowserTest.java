package fr.misp.backoffice.priorapproval;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.support.Browser;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser: a médecin-conseil types medical notes on medicalReview and clicks "Save";
 * nothing of the form stays in the browser's storage, before or after leaving the task.
 */
@H2AppTest
class NoMedicalDraftInTheBrowserTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void savingAMedicalReviewKeepsNoDraftInTheBrowser() {
    LocalDate today = LocalDate.now();
    Http.Response started = new Http(port).post("/api/prior-approvals", "conseiller", "demo", """
        {"memberId": "M-ES-001", "type": "HOSPITALISATION", "countryOfResidence": "ES", "receivedDate": "%s",
         "plannedAdmissionDate": "%s", "establishmentId": "ES-BCN-01"}""".formatted(today, today.plusDays(170)));
    assertThat(started.status()).isEqualTo(201);
    String id = started.json().get("id").asText();
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(id)
        .taskDefinitionKey("buildFile").singleResult().getId(),
        Map.of("documentsComplete", true, "quoteAmount", 1800, "quoteCurrency", "EUR"));
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("medicalReview")
        .singleResult().getId();

    try (Browser browser = Browser.open(port)) {
      browser.loginToTasklist("medecin", "demo");
      browser.openTask(taskId);
      browser.claim();
      browser.type("medicalNotes", "Antécédents cardiaques — note de brouillon");
      // No "Enregistrer" is offered (nothing would be kept); even pressed by a script, it keeps no draft.
      assertThat(browser.displayed(".form-actions button[ng-click^='save(']")).isEmpty();
      browser.script("document.querySelector(\".form-actions button[ng-click^='save(']\").click()");
      assertThat(browser.displayed(".createCommentLink, .reset-due-date")).as("comment and due-date buttons").isEmpty();
      Object drafts = browser.script("return Object.keys(window.localStorage).filter(k => k.indexOf('camunda-form:') === 0"
          + " || k.indexOf('camForm:') === 0).length");
      Object anyNote = browser.script("return Object.keys(window.localStorage).some(k => "
          + "String(window.localStorage.getItem(k)).indexOf('cardiaques') >= 0)");
      browser.screenshot("tasklist-medicalReview-saved");
      assertThat(((Number) drafts).intValue()).isZero();
      assertThat(anyNote).isEqualTo(false);
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }
}
