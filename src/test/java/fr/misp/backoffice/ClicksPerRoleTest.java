package fr.misp.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.platform.security.IdentityBootstrap;
import fr.misp.backoffice.support.Browser;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.NewFiles;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13, measured in Chromium: for each role, the clicks from Tasklist's sign-in to a completed task,
 * and the English texts left on its screens (the task list and the task's form). Each person signs in,
 * finds the task in « À traiter », which Tasklist opens by itself (no click on a filter), opens it, takes
 * it ("Prendre en charge"), fills the form as they would — typing is not a click, ticking a box, choosing
 * a radio button or an entry of a list is — and clicks "Terminer"; the engine then holds the task as
 * finished with what the form said.
 */
@H2AppTest
class ClicksPerRoleTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  /**
   * One role's task: the form as that person fills it (it answers the clicks it took) and a variable the
   * engine then holds with the value the form gave it.
   */
  private record Work(String role, String taskKey, String taskId, ToIntFunction<Browser> form, String variable,
      Object value) {}

  /** What the browser measured for one role. */
  private record Measure(Work work, int clicks, List<String> english) {}

  @Test
  void eachRoleCompletesItsTaskFromSignInInAFewClicksOnFrenchScreens() {
    Http http = new Http(port);
    // Admissions soon but in time (R-PA-1: 10 days before): files among the first of « À traiter », by due date
    // as by creation, whatever other tests left there.
    String imaFile = NewFiles.priorApproval(http, 12);
    String reviewed = NewFiles.priorApproval(http, 13);
    engine.getTaskService().complete(NewFiles.task(engine, reviewed, "buildFile"),
        Map.of("documentsComplete", true, "quoteAmount", 900));
    String escalated = NewFiles.priorApproval(http, 14);
    engine.getTaskService().complete(NewFiles.task(engine, escalated, "buildFile"),
        Map.of("documentsComplete", true, "quoteAmount", 900));
    // Two days before the admission the médecin-conseil has not decided: the gestionnaires are asked to act.
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().processInstanceId(escalated)
        .activityId("escalationTimer").singleResult().getId());
    String hcsFile = http.post("/api/prior-approvals", "conseiller", "demo", """
        {"memberId": "M-US-001", "type": "HOSPITALISATION", "countryOfResidence": "US", "receivedDate": "%s",
         "plannedAdmissionDate": "%s", "establishmentId": "US-NYC-01", "quoteAmount": 4000, "quoteCurrency": "USD"}"""
        .formatted(LocalDate.now(), LocalDate.now().plusDays(12))).json().get("id").asText();
    String socialFile = NewFiles.socialAid(http, "66.81");
    String decided = NewFiles.socialAid(http, "66.82");
    engine.getTaskService().complete(NewFiles.task(engine, decided, "buildSocialFile"),
        Map.of("fileComplete", true, "advisorOpinion", "Complet"));

    List<Work> works = List.of(
        buildFile("ima", NewFiles.task(engine, imaFile, "buildFile"), "950", "EUR"),
        buildFile("hcs", NewFiles.task(engine, hcsFile, "buildFile"), "4100", "USD"),
        new Work("medecin", "medicalReview", NewFiles.task(engine, reviewed, "medicalReview"), browser -> {
          int clicks = 0;
          browser.click(browser.until(driver -> driver.findElement(
              By.cssSelector("[cam-tasklist-form-camunda] [id$='-medicalDecision-display']"))));
          clicks++; // the list "Décision"
          browser.choose("Accord");
          clicks++; // "Accord" in the list
          return clicks;
        }, "medicalDecision", "APPROVE"),
        new Work("conseiller", "buildSocialFile", NewFiles.task(engine, socialFile, "buildSocialFile"), browser -> {
          int clicks = 0;
          browser.type("monthlyResources", "1000");
          browser.type("monthlyCharges", "850");
          browser.choose("Dossier complet (pièces jointes)");
          clicks++; // the checkbox
          browser.type("advisorOpinion", "Dossier complet, situation vérifiée avec le membre");
          return clicks;
        }, "fileComplete", true),
        new Work("commission", "commissionDecision", NewFiles.task(engine, decided, "commissionDecision"), browser -> {
          int clicks = 0;
          browser.choose("Accorder");
          clicks++; // the radio button "Accorder"
          browser.type("grantedAmount", "66.82");
          browser.type("motivation", "Aide accordée : événement familial, reste à vivre faible");
          return clicks;
        }, "commissionDecision", "GRANT"),
        new Work("gestionnaire", "escalateMedicalReview", NewFiles.task(engine, escalated, "escalateMedicalReview"),
            browser -> {
              browser.type("escalationAction", "Médecin-conseil relancé par téléphone, avis promis demain");
              return 0; // typing only
            }, "escalationAction", "Médecin-conseil relancé par téléphone, avis promis demain"));

    List<Measure> measures = works.stream().map(this::measure).toList();

    for (Measure measure : measures) {
      Work work = measure.work();
      String processInstanceId = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(work.taskId())
          .singleResult().getProcessInstanceId();
      HistoricVariableInstance variable = engine.getHistoryService().createHistoricVariableInstanceQuery()
          .processInstanceId(processInstanceId).variableName(work.variable()).singleResult();
      assertThat(variable).as("%s: %s", work.role(), work.variable()).isNotNull();
      assertThat(variable.getValue()).as("%s: %s", work.role(), work.variable()).isEqualTo(work.value());
      assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(work.taskId()).singleResult()
          .getAssignee()).as(work.role()).isEqualTo(work.role());
    }
    assertThat(measures).allSatisfy(measure -> assertThat(measure.english()).as("English on %s's screens",
        measure.work().role()).isEmpty());
    for (Measure measure : measures) {
      // Before issue 13 everyone landed on « Mes tâches », empty until a task is taken, and clicked the
      // team's filter to see its work: one click more than measured here (only "after" is measured).
      System.out.printf("CLICKS %s %s: %d clicks from sign-in to completed task (before: %d — the team list was a "
          + "second filter), %d English strings%n", measure.work().role(), measure.work().taskKey(), measure.clicks(),
          measure.clicks() + 1, measure.english().size());
    }
  }

  /** A claims administrator's file: the documents are all there, the quote as the establishment wrote it. */
  private static Work buildFile(String role, String taskId, String quoteAmount, String quoteCurrency) {
    return new Work(role, "buildFile", taskId, browser -> {
      int clicks = 0;
      browser.choose("Dossier complet (justificatifs et devis reçus)");
      clicks++; // the checkbox
      browser.type("quoteAmount", quoteAmount);
      browser.type("quoteCurrency", quoteCurrency);
      return clicks;
    }, "documentsComplete", true);
  }

  /** In a fresh browser, the role signs in, finds its task on « À traiter », takes it, fills its form, completes it. */
  private Measure measure(Work work) {
    int clicks = 0;
    List<String> english = new ArrayList<>();
    try (Browser browser = Browser.open(port)) {
      try {
        browser.loginToTasklist(work.role(), "demo");
        clicks++; // "Se connecter"
        // Tasklist opens « À traiter » by itself: the task is listed without a click on a filter.
        WebElement item = browser.until(driver -> browser.displayed(".task-filter.active").isEmpty() ? null
            : driver.findElements(By.cssSelector("ol.tasks-list li.task h4.task a[href*='task=" + work.taskId() + "']"))
                .stream().findFirst().orElse(null));
        assertThat(browser.displayed(".task-filter.active h4.name").get(0).getText()).as(work.role())
            .startsWith(IdentityBootstrap.TEAM_FILTER);
        english.addAll(english(browser, "task list"));
        browser.click(item);
        clicks++; // the task
        browser.until(driver -> !browser.displayed("[cam-tasklist-form-camunda] form.fjs-form .fjs-form-field").isEmpty());
        english.addAll(english(browser, "task form"));
        browser.claim();
        clicks++; // "Prendre en charge"
        clicks += work.form().applyAsInt(browser);
        english.addAll(english(browser, "filled form"));
        browser.completeInView();
        clicks++; // "Terminer"
        browser.until(driver -> engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(work.taskId())
            .finished().count() == 1);
      } catch (RuntimeException e) {
        browser.screenshot("clicks-" + work.role() + "-failed");
        throw new AssertionError(work.role() + " did not complete " + work.taskKey() + "; page says: " + browser.text(), e);
      }
    }
    return new Measure(work, clicks, english);
  }

  /** The known English texts of the webapps (FrenchScreensTest's list) that the screen shows, as whole words. */
  private static List<String> english(Browser browser, String screen) {
    String text = browser.text() + "\n" + browser.script("return document.title");
    return FrenchScreensTest.ENGLISH.stream()
        .filter(word -> Pattern.compile("(?<![\\p{L}])" + Pattern.quote(word) + "(?![\\p{L}])").matcher(text).find())
        .map(word -> screen + ": " + word).toList();
  }
}
