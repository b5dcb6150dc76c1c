package fr.misp.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.support.Browser;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.NewFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser set to English: each role signs in and looks at its main screens (sign-in pages,
 * task lists, its task's form, the start form, Cockpit, Admin, Welcome). Every screen is in French
 * and under the MGEN International Santé Prévoyance name: none shows a known English text of the
 * webapps (labels, buttons, validation messages, the Camunda 8 banner, the Camunda brand), each shows
 * the French texts expected there, dates are typed dd/mm/yyyy, and Cockpit shows no button its users
 * may not use.
 */
@H2AppTest
class FrenchScreensTest {

  /** English texts of Camunda's webapps, as they showed on these screens before they were French. */
  static final List<String> ENGLISH = List.of("Claim", "Unclaim", "Complete", "Save", "Created", "ago", "Filter Tasks",
      "Log in", "Log out", "Username", "Password", "Please Log in", "It is time to migrate", "Camunda", "Powered by",
      "Date and Time displayed", "Processes", "Decisions", "Human Tasks", "Dashboard", "Deployments", "Running",
      "Open Incidents", "Users", "Groups", "Authorizations", "Tenants", "System", "My Profile", "My profile",
      "My Tasks", "My tasks", "Start process", "Create task", "Add Comment", "Set follow-up date", "Sort by", "Form",
      "History", "Diagram", "Field is required", "Field must", "Select", "Search", "Welcome", "Tasklist", "Cockpit",
      "Admin", "Keyboard Shortcuts", "Follow-up", "Assignee", "Priority", "Loading", "Close", "Cancel", "Delete",
      "Edit", "Add", "Remove", "Back", "Next", "Previous", "First Name", "Last Name", "Email", "Profile",
      "Change password", "Submit", "Filter", "Group", "Tenant", "Due", "Reset", "No task",
      "Deployed", "Right Now", "Process Definitions", "Statistics", "More", "Links", "zoom");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  Http http;
  final Map<String, List<String>> englishSeen = new LinkedHashMap<>();

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }







  /** Looks at what the browser shows: no English text of the list, every expected French text. */
  private void french(Browser browser, String role, String screen, String... expected) {
    String text;
    try {
      browser.until(driver -> {
        String shown = browser.text();
        for (String french : expected) {
          if (!shown.contains(french)) {
            return null;
          }
        }
        return shown;
      });
      text = browser.text() + "\n" + browser.script("return document.title");
    } catch (RuntimeException e) {
      browser.screenshot("french-" + role + "-" + screen);
      throw new AssertionError(role + ", " + screen + ": expected " + List.of(expected) + "; page says: " + browser.text(), e);
    }
    List<String> english = new ArrayList<>();
    for (String word : ENGLISH) {
      if (Pattern.compile("(?<![\\p{L}])" + Pattern.quote(word) + "(?![\\p{L}])").matcher(text).find()) {
        english.add(word);
      }
    }
    englishSeen.computeIfAbsent(role, r -> new ArrayList<>()).addAll(english.stream().map(w -> screen + ": " + w).toList());
    if (!english.isEmpty()) {
      browser.screenshot("english-" + role + "-" + screen);
    }
    assertThat(text).as("%s, %s", role, screen).contains("MGEN International Santé Prévoyance");
  }

  private void signIn(Browser browser, String app, String role) {
    browser.loginPage(app);
    french(browser, role, app + " sign-in", "Se connecter", "Europe/Paris");
    assertThat(browser.displayed("input[placeholder='Identifiant'], input[placeholder='Mot de passe']")).hasSize(2);
    browser.login(app, role, "demo");
  }

  private void taskForm(Browser browser, String role, String taskId, String... expected) {
    browser.openTask(taskId);
    browser.until(driver -> !driver.findElements(By.cssSelector("[cam-tasklist-form-camunda] form.fjs-form .fjs-form-field")).isEmpty());
    List<String> all = new ArrayList<>(List.of("Formulaire", "Historique", "Schéma", "Terminer", "Mes tâches"));
    all.addAll(List.of(expected));
    french(browser, role, "task " + taskId, all.toArray(String[]::new));
  }

  @Test
  void everyRoleSeesItsScreensInFrench() {
    String buildFile = NewFiles.task(engine, NewFiles.priorApproval(http, 231), "buildFile");
    String review = NewFiles.priorApproval(http, 232);
    engine.getTaskService().complete(NewFiles.task(engine, review, "buildFile"), Map.of("documentsComplete", true, "quoteAmount", 900));
    String medicalReview = NewFiles.task(engine, review, "medicalReview");
    String buildSocialFile = NewFiles.task(engine, NewFiles.socialAid(http, "66.61"), "buildSocialFile");
    String commission = NewFiles.socialAid(http, "66.62");
    engine.getTaskService().complete(NewFiles.task(engine, commission, "buildSocialFile"), Map.of("fileComplete", true, "advisorOpinion", "Complet"));
    String commissionDecision = NewFiles.task(engine, commission, "commissionDecision");

    try (Browser browser = Browser.open(port)) {
      signIn(browser, "tasklist", "conseiller");
      french(browser, "conseiller", "task list", "Mes tâches", "Démarrer un processus", "À traiter");
      taskForm(browser, "conseiller", buildSocialFile, "Constituer le dossier social");
      // The start form: French validation and a date typed dd/mm/yyyy although the browser is English.
      browser.open("tasklist", "");
      browser.until(driver -> driver.findElement(By.xpath("//a[normalize-space(.)='Démarrer un processus']"))).click();
      browser.until(driver -> driver.findElement(By.xpath("//*[contains(@class,'modal')]//a[normalize-space(.)=\"Aide de l'Action Sociale\"]"))).click();
      WebElement date = browser.until(driver -> driver.findElement(By.cssSelector(".modal input[id$='-orphanBirthDate-date']")));
      assertThat(date.getAttribute("placeholder")).isEqualTo("dd/mm/yyyy");
      browser.until(driver -> driver.findElement(By.xpath("//*[contains(@class,'modal')]//button[normalize-space(.)='Démarrer']"))).click();
      french(browser, "conseiller", "start form", "Ce champ est obligatoire.", "Choisir", "Date de naissance de l'orphelin");
      browser.open("welcome", "");
      french(browser, "conseiller", "welcome", "Profil", "Modifier le profil", "Changer le mot de passe");
    }
    try (Browser browser = Browser.open(port)) {
      signIn(browser, "tasklist", "ima");
      taskForm(browser, "ima", buildFile);
      // Camunda Forms' own check, in French and without the technical pattern.
      browser.claim();
      browser.type("quoteCurrency", "euros");
      french(browser, "ima", "pattern check", "La valeur saisie n’a pas le format attendu.");
      assertThat(browser.text()).doesNotContain("[A-Z]{3}");
    }
    try (Browser browser = Browser.open(port)) {
      signIn(browser, "tasklist", "medecin");
      taskForm(browser, "medecin", medicalReview);
    }
    try (Browser browser = Browser.open(port)) {
      signIn(browser, "tasklist", "commission");
      taskForm(browser, "commission", commissionDecision, "Prendre en charge", "Décision de la commission");
      // A decision the server refuses: only the French message, in the notification and under its field.
      browser.claim();
      browser.choose("Accorder");
      browser.type("grantedAmount", "300");
      browser.complete();
      String refusal = "La motivation de la décision est obligatoire";
      WebElement underField = browser.until(driver -> driver.findElement(By.xpath(
          "//*[contains(@class,'fjs-form-field')][.//*[substring(@id, string-length(@id) - 10) = '-motivation']]"
              + "//*[contains(@class,'misp-refusal')]")));
      assertThat(underField.getText()).isEqualTo(refusal);
      assertThat(browser.errors()).isNotEmpty().allSatisfy(error -> assertThat(error.getText()).contains(refusal)
          .doesNotContain("ENGINE-", "Cannot submit", commissionDecision, "motivation is required"));
      french(browser, "commission", "refused decision", refusal);
    }
    try (Browser browser = Browser.open(port)) {
      signIn(browser, "cockpit", "gestionnaire");
      french(browser, "gestionnaire", "cockpit dashboard", "Processus", "Instances de processus en cours",
          "Incidents ouverts", "Déployés");
      browser.open("cockpit", "#/processes");
      french(browser, "gestionnaire", "cockpit processes", "définitions de processus déployées", "Instances en cours");
      browser.open("cockpit", "#/process-instance/" + commission + "/runtime");
      french(browser, "gestionnaire", "cockpit instance", "Identifiant d'instance", "Clé métier", "Variables");
      // A read-only manager sees no button to delete, suspend or change the instance; putting failed jobs
      // back to work (retries) stays.
      assertThat(browser.displayed(".ctn-toolbar a .glyphicon-remove, .ctn-toolbar a .glyphicon-pause, "
          + ".ctn-toolbar a .glyphicon-plus, [cam-widget-variables-table] button[ng-click^='enableEditMode'], "
          + "[cam-widget-variables-table] button[ng-click^='deleteVariable']")).isEmpty();
      assertThat(browser.displayed(".ctn-toolbar a .glyphicon-repeat")).hasSize(1);
      // The definition's jobs are listed, without the buttons to suspend them or override their priority.
      String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("socialAid")
          .latestVersion().singleResult().getId();
      browser.open("cockpit", "#/process-definition/" + definition + "/runtime?detailsTab=job-definition-table");
      browser.until(driver -> !driver.findElements(By.cssSelector("table.job-definition tbody tr")).isEmpty());
      assertThat(browser.displayed("table.job-definition [ng-click^='openSuspensionStateDialog'], "
          + "table.job-definition [ng-click^='openDialog(jobDefinition']")).isEmpty();
      browser.open("tasklist", "");
      french(browser, "gestionnaire", "task list", "Mes tâches");
    }
    try (Browser browser = Browser.open(port)) {
      signIn(browser, "admin", "admin");
      french(browser, "admin", "admin dashboard", "Utilisateurs", "Groupes", "Autorisations");
      browser.open("admin", "#/users");
      french(browser, "admin", "admin users", "Liste des utilisateurs", "gestionnaire");
      browser.open("admin", "#/groups");
      french(browser, "admin", "admin groups", "Liste des groupes");
      // A user's groups, and the dialog to add one (their list is a query Admin sends as a POST body).
      browser.open("admin", "#/users/conseiller?tab=groups");
      french(browser, "admin", "admin user's groups", "conseillers");
      browser.open("admin", "#/authorization?resource=0");
      french(browser, "admin", "admin authorizations", "Autorisations");
      browser.open("cockpit", "#/dashboard");
      french(browser, "admin", "cockpit dashboard", "Processus", "En ce moment");
    }
    assertThat(englishSeen.values().stream().flatMap(List::stream).toList())
        .as("English texts seen, by role: %s", englishSeen).isEmpty();
    assertThat(englishSeen).containsOnlyKeys("conseiller", "ima", "medecin", "commission", "gestionnaire", "admin");
  }
}
