package fr.misp.backoffice.socialaid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.platform.security.IdentityBootstrap;
import fr.misp.backoffice.platform.security.OwnTaskFilters;
import fr.misp.backoffice.support.Browser;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.WebappSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13, staffing: an administrator assigns advisors to agencies; the files of an agency with no
 * advisor go to the gestionnaires, who hand them to an advisor; nobody else staffs an agency.
 */
@H2AppTest
class AgencyStaffingTest {

  static final String PASSWORD = "demo";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MemberDirectory members;
  @Autowired SocialAidService socialAid;
  @Autowired JdbcClient jdbc;
  @Autowired AgencyTaskAccess access;
  @Autowired OwnTaskFilters ownTaskFilters;

  Http http() {
    return new Http(port);
  }

  /** A member of an agency that no advisor works for yet (a code of its own for each test). */
  String newAgency() {
    String agency = "AG-T" + System.nanoTime() % 1_000_000;
    String member = "M-" + agency;
    members.save(new Member(member, "Nina Roux", LocalDate.of(1970, 3, 3), "ACTIVE", "ES", false,
        LocalDate.of(2000, 1, 1), agency));
    return agency;
  }

  /** A file of the agency opened by the back office (an orphan allowance: no advisor asks for it). */
  Task openFile(String agency, int child) {
    String id = socialAid.openOrphanAllowance("M-" + agency, agency, "Léo Roux", LocalDate.now().minusYears(20), null,
        LocalDate.now().minusDays(10), "DC-" + agency, child);
    return engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("buildSocialFile")
        .singleResult();
  }

  /** An advisor created in Admin: in the group conseillers, no agency. */
  String newAdvisor() {
    String id = "nouveau" + System.nanoTime() % 1_000_000;
    User user = engine.getIdentityService().newUser(id);
    user.setFirstName("Camille");
    user.setLastName("Nouvelle");
    user.setPassword(PASSWORD);
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(id, Groups.ADVISORS);
    return id;
  }

  List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).sorted().toList();
  }

  /** The task ids of the person's "À traiter", the filter Tasklist opens first. */
  List<String> toDo(String user) {
    JsonNode filters = http().get("/engine-rest/filter?resourceType=Task", user, PASSWORD).json();
    String id = null;
    for (JsonNode filter : filters) {
      if (IdentityBootstrap.TEAM_FILTER.equals(filter.get("name").asText())) {
        id = filter.get("id").asText();
      }
    }
    assertThat(id).as("À traiter of " + user).isNotNull();
    List<String> ids = new ArrayList<>();
    http().post("/engine-rest/filter/" + id + "/list?maxResults=1000", user, PASSWORD, "{}").json()
        .forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }

  String advisorsPath(String agency, String user) {
    return "/api/agencies/" + agency + "/advisors/" + user;
  }

  @Test
  void aFileOfAnAgencyWithoutAdvisorGoesToTheGestionnairesWhoHandItToAnAdvisor() {
    String agency = newAgency();
    Task file = openFile(agency, 1);
    assertThat(candidateGroups(file)).containsExactly(Groups.AGENCY_PREFIX + agency, Groups.MANAGERS);
    assertThat(toDo("gestionnaire")).contains(file.getId());
    assertThat(toDo("conseiller")).doesNotContain(file.getId());

    // Not claimed first: handed straight to an advisor of another agency, who then sees and works it.
    Http.Response handed = http().post("/engine-rest/task/" + file.getId() + "/assignee", "gestionnaire", PASSWORD,
        "{\"userId\": \"conseiller\"}");
    assertThat(handed.status()).as(handed.body()).isEqualTo(204);
    assertThat(http().get("/engine-rest/task/" + file.getId(), "conseiller", PASSWORD).status()).isEqualTo(200);
    // Never to someone who is not an advisor.
    Task other = openFile(agency, 2);
    Http.Response toIma = http().post("/engine-rest/task/" + other.getId() + "/assignee", "gestionnaire", PASSWORD,
        "{\"userId\": \"ima\"}");
    assertThat(toIma.status()).isEqualTo(403);
    assertThat(toIma.body()).contains("n'appartient à aucun groupe de la tâche");
  }

  @Test
  void aFileOfTheAgencyBeforeItHadAnAdvisorIsTakenBackToTheGestionnairesAtTheNextRound() {
    String agency = newAgency();
    Task file = openFile(agency, 1);
    // As an earlier version left it: offered to the agency alone, which nobody works.
    engine.getTaskService().deleteCandidateGroup(file.getId(), Groups.MANAGERS);
    Http.Response refused = http().post("/engine-rest/task/" + file.getId() + "/claim", "gestionnaire", PASSWORD,
        "{\"userId\": \"gestionnaire\"}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("Cette tâche n'est pas proposée à votre équipe");
    access.syncGroups(); // the round that runs every minute
    assertThat(candidateGroups(file)).contains(Groups.MANAGERS);
    assertThat(http().post("/engine-rest/task/" + file.getId() + "/claim", "gestionnaire", PASSWORD,
        "{\"userId\": \"gestionnaire\"}").status()).isEqualTo(204);
  }

  @Test
  void anAdministratorAssignsANewAdvisorWhoThenWorksTheAgencyFiles() {
    String agency = newAgency();
    Task file = openFile(agency, 1);
    String advisor = newAdvisor();

    // Before: the new advisor is told in French what is missing, not refused with an engine error.
    Http.Response refused = http().post("/api/social-aid-requests", advisor, PASSWORD, """
        {"memberId": "M-%s", "agencyCode": "%s", "situation": "LATE_INCOME", "aidType": "GRANT",
         "requestedAmount": 500, "monthlyResources": 1800, "monthlyCharges": 1200, "householdSize": 2}"""
        .formatted(agency, agency));
    assertThat(refused.status()).isEqualTo(400);
    JsonNode error = refused.json().get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("agencyCode");
    assertThat(error.get("code").asText()).isEqualTo("no_agency");
    assertThat(error.get("message").asText()).startsWith("Vous n'êtes rattaché à aucune agence");
    assertThat(toDo(advisor)).doesNotContain(file.getId());

    Http.Response assigned = http().put(advisorsPath(agency, advisor), "admin", PASSWORD, "");
    assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
    assertThat(assigned.json().get("advisors").get(0).get("id").asText()).isEqualTo(advisor);
    assertThat(assigned.json().get("advisors").get(0).get("name").asText()).isEqualTo("Camille Nouvelle");
    assertThat(assigned.json().get("filesToManagers").asBoolean()).isFalse();
    // The open file is the agency's alone again; the advisor finds it on "À traiter", the gestionnaires no longer.
    assertThat(candidateGroups(file)).containsExactly(Groups.AGENCY_PREFIX + agency);
    assertThat(toDo(advisor)).contains(file.getId());
    assertThat(toDo("gestionnaire")).doesNotContain(file.getId());
    assertThat(http().post("/engine-rest/task/" + file.getId() + "/claim", advisor, PASSWORD,
        "{\"userId\": \"" + advisor + "\"}").status()).isEqualTo(204);
    // A new file of the agency is offered to its advisor only; the advisor may now ask for one.
    assertThat(candidateGroups(openFile(agency, 2))).containsExactly(Groups.AGENCY_PREFIX + agency);

    // Sent again: nothing changes.
    Http.Response again = http().put(advisorsPath(agency, advisor), "admin", PASSWORD, "");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(assigned.body());
    assertThat(rows(agency)).isEqualTo(1);

    JsonNode list = http().get("/api/agencies", "admin", PASSWORD).json();
    JsonNode listed = null;
    for (JsonNode a : list) {
      if (agency.equals(a.get("code").asText())) {
        listed = a;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.get("advisors").get(0).get("id").asText()).isEqualTo(advisor);
    assertThat(http().get("/api/agencies/advisors", "admin", PASSWORD).body()).contains("\"id\":\"" + advisor + "\"");

    // Unassigned: the agency's open unclaimed files go back to the gestionnaires; twice changes nothing.
    Task third = openFile(agency, 3);
    assertThat(http().delete(advisorsPath(agency, advisor), "admin", PASSWORD).json().get("filesToManagers").asBoolean())
        .isTrue();
    assertThat(http().delete(advisorsPath(agency, advisor), "admin", PASSWORD).status()).isEqualTo(200);
    assertThat(candidateGroups(third)).contains(Groups.MANAGERS);
    assertThat(engine.getIdentityService().createUserQuery().userId(advisor)
        .memberOfGroup(Groups.AGENCY_PREFIX + agency).count()).isZero();
  }

  @Test
  void onlyAdministratorsStaffAgencies() {
    String agency = newAgency();
    String advisor = newAdvisor();
    for (String user : List.of("gestionnaire", "conseiller", "commission", "ima", "medecin")) {
      assertThat(http().get("/api/agencies", user, PASSWORD).status()).as(user).isEqualTo(403);
      Http.Response put = http().put(advisorsPath(agency, advisor), user, PASSWORD, "");
      assertThat(put.status()).as(user).isEqualTo(403);
      assertThat(put.body()).contains("Accès refusé");
      assertThat(http().delete(advisorsPath("AG-075", "conseiller"), user, PASSWORD).status()).as(user).isEqualTo(403);
    }
    // An advisor does not assign himself to another agency.
    assertThat(http().put(advisorsPath(agency, advisor), advisor, PASSWORD, "").status()).isEqualTo(403);
    assertThat(http().put(advisorsPath(agency, "conseiller"), "conseiller", PASSWORD, "").status()).isEqualTo(403);
    assertThat(rows(agency)).isZero();
    assertThat(http().get("/api/agencies", null, null).status()).isEqualTo(401);
  }

  @Test
  void unknownAgencyOrUserIsA400NamingTheFieldNeverTheValue() {
    String agency = newAgency();
    Http.Response noAgency = http().put(advisorsPath("AG-NOWHERE", "conseiller"), "admin", PASSWORD, "");
    assertThat(noAgency.status()).isEqualTo(400);
    JsonNode error = noAgency.json().get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("agencyCode");
    assertThat(error.get("message").asText()).isEqualTo("Agence inconnue");
    assertThat(error.get("messageEn").asText()).isEqualTo("Unknown agency");
    assertThat(noAgency.body()).doesNotContain("NOWHERE");

    Http.Response noUser = http().put(advisorsPath(agency, "personne-inconnue"), "admin", PASSWORD, "");
    assertThat(noUser.status()).isEqualTo(400);
    assertThat(noUser.json().get("errors").get(0).get("field").asText()).isEqualTo("userId");
    assertThat(noUser.body()).doesNotContain("personne-inconnue");

    Http.Response notAnAdvisor = http().put(advisorsPath(agency, "ima"), "admin", PASSWORD, "");
    assertThat(notAnAdvisor.status()).isEqualTo(400);
    assertThat(notAnAdvisor.json().get("errors").get(0).get("code").asText()).isEqualTo("not_an_advisor");
    assertThat(rows(agency)).isZero();
  }

  @Test
  void twiceAtOnceRecordsTheAdvisorOnce() throws Exception {
    String agency = newAgency();
    String advisor = newAdvisor();
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      calls.add(CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return http().put(advisorsPath(agency, advisor), "admin", PASSWORD, "").status();
      }));
    }
    start.countDown();
    for (CompletableFuture<Integer> call : calls) {
      assertThat(call.get()).isEqualTo(200);
    }
    assertThat(rows(agency)).isEqualTo(1);
    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup(Groups.AGENCY_PREFIX + agency).count())
        .isEqualTo(1);
  }

  @Test
  void theAdminPageCallsTheApiWithItsSessionAndItsTokenOnly() {
    WebappSession admin = WebappSession.signIn(port, "admin", "admin", PASSWORD);
    assertThat(admin.get("/api/agencies").status()).isEqualTo(200);
    // Another site can make the browser send the session cookie, never the token.
    assertThat(admin.sendWithoutToken("GET", "/api/agencies").status()).isEqualTo(401);
    assertThat(admin.sendWithoutToken("PUT", advisorsPath("AG-075", "conseiller")).status()).isEqualTo(401);
    WebappSession gestionnaire = WebappSession.signIn(port, "cockpit", "gestionnaire", PASSWORD);
    assertThat(gestionnaire.get("/api/agencies").status()).isEqualTo(403);
  }

  /**
   * In Chromium: the administrator assigns a new advisor to an agency in Admin; the advisor signs in to
   * Tasklist, lands on "À traiter" where the agency's file waits, and completes it. Prints the clicks.
   */
  @Test
  void inTheBrowserAnAdministratorStaffsAnAgencyAndItsNewAdvisorCompletesTheFile() {
    String agency = newAgency();
    Task file = openFile(agency, 1);
    String advisor = newAdvisor();
    int adminClicks = 0;
    int advisorClicks = 0;
    try (Browser admin = Browser.open(port)) {
      admin.login("admin", "admin", PASSWORD);
      adminClicks++; // "Se connecter"
      try {
        WebElement row = admin.until(d -> d.findElements(By.cssSelector("[data-agency='" + agency + "']")).stream()
            .findFirst().orElse(null));
        assertThat(admin.text()).contains("Agences et conseillers")
            .contains("Aucun conseiller : ses dossiers sont proposés aux gestionnaires");
        new Select(row.findElement(By.cssSelector("select.misp-advisor-choice"))).selectByValue(advisor);
        adminClicks++; // the advisor in the list
        admin.click(row.findElement(By.cssSelector("button.misp-assign")));
        adminClicks++; // "Rattacher"
        admin.until(d -> admin.text().contains("Camille Nouvelle (" + advisor + ") est rattaché(e) à " + agency));
      } catch (RuntimeException e) {
        admin.screenshot("admin-agencies-failed");
        throw new AssertionError("Admin did not assign the advisor; page says: " + admin.text(), e);
      }
    }
    assertThat(engine.getIdentityService().createUserQuery().userId(advisor)
        .memberOfGroup(Groups.AGENCY_PREFIX + agency).count()).isEqualTo(1);

    ownTaskFilters.createMissing(); // "Mes tâches" of a user created in Admin: within a minute
    try (Browser tasklist = Browser.open(port)) {
      tasklist.loginToTasklist(advisor, PASSWORD);
      advisorClicks++; // "Se connecter"
      try {
        // Tasklist opens "À traiter" by itself: the file is there without a click on a filter.
        WebElement item = tasklist.until(d -> d.findElements(By.cssSelector("ol.tasks-list li.task h4.task a")).stream()
            .filter(a -> a.getText().contains(agency) || a.getText().contains("DC-" + agency)).findFirst().orElse(null));
        assertThat(tasklist.displayed(".task-filter.active h4.name").get(0).getText())
            .startsWith(IdentityBootstrap.TEAM_FILTER);
        tasklist.click(item);
        advisorClicks++; // the task
        tasklist.claim();
        advisorClicks++; // "Prendre en charge"
        tasklist.choose("Dossier complet (pièces jointes)");
        advisorClicks++; // the checkbox
        tasklist.type("monthlyResources", "900");
        tasklist.type("monthlyCharges", "600");
        tasklist.type("advisorOpinion", "Dossier complet, orphelin majeur");
        tasklist.complete();
        advisorClicks++; // "Terminer"
        tasklist.until(d -> engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(file.getId()).finished()
            .count() == 1);
      } catch (RuntimeException e) {
        tasklist.screenshot("tasklist-new-advisor-failed");
        throw new AssertionError("The new advisor did not complete the file; page says: " + tasklist.text(), e);
      }
    }
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(file.getId()).singleResult()
        .getAssignee()).isEqualTo(advisor);
    System.out.printf("Clicks — administrator, sign-in to advisor assigned: %d; new advisor, sign-in to file "
        + "completed: %d (typing not counted)%n", adminClicks, advisorClicks);
  }

  /** In Chromium: a gestionnaire finds a file of an agency with no advisor on "À traiter" and hands it to an advisor. */
  @Test
  void inTheBrowserAGestionnaireHandsAFileOfAnAgencyWithoutAdvisorToAnAdvisor() {
    String agency = newAgency();
    Task file = openFile(agency, 1);
    int clicks = 0;
    try (Browser tasklist = Browser.open(port)) {
      tasklist.loginToTasklist("gestionnaire", PASSWORD);
      clicks++; // "Se connecter"
      try {
        WebElement item = tasklist.until(d -> d.findElements(By.cssSelector("ol.tasks-list li.task h4.task a")).stream()
            .filter(a -> a.getText().contains("DC-" + agency)).findFirst().orElse(null));
        tasklist.click(item);
        clicks++; // the task
        tasklist.claim();
        clicks++; // "Prendre en charge"
        tasklist.click(tasklist.until(d -> d.findElement(By.cssSelector("li.assignee .set-value"))));
        clicks++; // the attributaire's name
        WebElement input = tasklist.until(d -> d.findElements(By.cssSelector("input[ng-model='formData.editValue']")).stream()
            .filter(WebElement::isDisplayed).findFirst().orElse(null));
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "conseiller",
            org.openqa.selenium.Keys.ENTER);
        clicks++; // Enter (or the confirm button)
        tasklist.until(d -> "conseiller".equals(engine.getTaskService().createTaskQuery().taskId(file.getId())
            .singleResult().getAssignee()));
      } catch (RuntimeException e) {
        tasklist.screenshot("tasklist-gestionnaire-hands-over-failed");
        throw new AssertionError("The gestionnaire did not hand the file over; page says: " + tasklist.text(), e);
      }
    }
    System.out.printf("Clicks — gestionnaire, sign-in to a file handed to an advisor: %d%n", clicks);
  }

  int rows(String agency) {
    return jdbc.sql("select count(*) from advisor_agency where agency_code = ?").param(agency).query(Integer.class).single();
  }
}
