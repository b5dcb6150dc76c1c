package fr.misp.backoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.misp.backoffice.platform.security.IdentityBootstrap;
import fr.misp.backoffice.support.Browser;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13: each role opens Tasklist on "À traiter" (its team's work, most urgent first), "Mes tâches"
 * second; each sees one "À traiter", its own group's.
 */
@H2AppTest
class RoleFiltersTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityBootstrap bootstrap;

  @Test
  void eachRoleLandsOnItsTeamsWorkSortedByDueDateThenPriority() {
    Http http = new Http(port);
    for (String[] role : new String[][] {{"conseiller", "conseillers"}, {"gestionnaire", "gestionnaires"},
        {"ima", "ima"}, {"hcs", "hcs"}, {"medecin", "medecins-conseil"}, {"commission", "commission-action-sociale"}}) {
      Http.Response response = http.get("/engine-rest/filter?resourceType=Task", role[0], "demo");
      assertThat(response.status()).isEqualTo(200);
      List<JsonNode> filters = new ArrayList<>();
      response.json().forEach(filters::add);
      // Tasklist lists the filters by their "priority" property and opens the first.
      filters.sort(Comparator.comparingInt(f -> f.get("properties").get("priority").asInt()));
      assertThat(filters).extracting(f -> f.get("name").asText()).as(role[0])
          .containsExactly(IdentityBootstrap.TEAM_FILTER, IdentityBootstrap.MY_TASKS_FILTER);
      JsonNode team = filters.get(0);
      assertThat(team.get("owner").asText()).isEqualTo("equipe-" + role[1]);
      JsonNode query = team.get("query");
      assertThat(query.toString()).as(role[0]).contains("\"" + role[1] + "\"");
      assertThat(query.get("sorting").toString())
          .isEqualTo("[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"},{\"sortBy\":\"priority\",\"sortOrder\":\"desc\"}]");
      assertThat(filters.get(1).get("query").get("assignee").asText()).isEqualTo(role[0]);
      assertThat(filters.get(1).get("query").get("sorting").get(0).get("sortBy").asText()).isEqualTo("dueDate");
    }
  }

  /**
   * In Chromium, each role signs in and Tasklist shows "À traiter" selected, "Mes tâches" below it: the
   * team's work is listed without a click on a filter (before, Tasklist opened "Mes tâches", empty until
   * a task is claimed, and the team's list was one click away).
   */
  @Test
  void inTheBrowserEachRoleLandsOnAtraiter() {
    for (String role : List.of("conseiller", "gestionnaire", "ima", "hcs", "medecin", "commission")) {
      try (Browser browser = Browser.open(port)) {
        browser.loginToTasklist(role, "demo");
        List<String> names = browser.until(d -> {
          List<String> shown = browser.displayed(".task-filter h4.name").stream().map(WebElement::getText).toList();
          return shown.size() == 2 && !browser.displayed(".task-filter.active").isEmpty() ? shown : null;
        });
        assertThat(names.get(0)).as(role).startsWith(IdentityBootstrap.TEAM_FILTER);
        assertThat(names.get(1)).as(role).startsWith(IdentityBootstrap.MY_TASKS_FILTER);
        assertThat(browser.displayed(".task-filter.active h4.name").get(0).getText()).as(role)
            .startsWith(IdentityBootstrap.TEAM_FILTER);
        // "Démarrer un processus" only for who may start one (advisors); the others had an empty dialog.
        if (!role.equals("gestionnaire")) {
          boolean offered = role.equals("conseiller");
          Boolean settled;
          try {
            settled = browser.until(d -> {
              boolean shown = !browser.displayed("[cam-widget-header] a[ng-click='open()'] .glyphicon-list-alt").isEmpty();
              return shown == offered ? Boolean.TRUE : null;
            });
          } catch (RuntimeException e) {
            throw new AssertionError(role + ": html class '" + browser.script("return document.documentElement.className")
                + "', link parents: " + browser.script("const a = document.querySelector(\"a[ng-click='open()'] .glyphicon-list-alt\");"
                + " let p = a, out = []; for (let i = 0; p && i < 6; i++) { out.push(p.tagName + '.' + p.className); p = p.parentElement; }"
                + " return out.join(' < ');"), e);
          }
          assertThat(settled).as(role).isTrue();
        }
      }
    }
  }

  /**
   * In Chromium, « À traiter » lists the nearest due date first and its sorting menu says so (Tasklist's
   * menu said "Créée" while the list followed the filter's due dates). Two files of IMA: the one due first
   * was created first, so that "newest first" would show it second.
   */
  @Test
  void inTheBrowserTheListAndItsSortingMenuSayNearestDueDateFirst() {
    Http http = new Http(port);
    String dueFirst = fr.misp.backoffice.support.NewFiles.task(engine, fr.misp.backoffice.support.NewFiles.priorApproval(http, 251), "buildFile");
    String dueSecond = fr.misp.backoffice.support.NewFiles.task(engine, fr.misp.backoffice.support.NewFiles.priorApproval(http, 252), "buildFile");
    engine.getTaskService().setDueDate(dueFirst, java.sql.Timestamp.valueOf("2000-01-01 12:00:00"));
    engine.getTaskService().setDueDate(dueSecond, java.sql.Timestamp.valueOf("2000-01-02 12:00:00"));
    try (Browser browser = Browser.open(port)) {
      browser.loginToTasklist("ima", "demo");
      List<String> links = browser.until(d -> {
        List<String> hrefs = d.findElements(org.openqa.selenium.By.cssSelector("ol.tasks-list li.task h4.task a")).stream()
            .map(a -> a.getAttribute("href")).toList();
        return hrefs.stream().anyMatch(h -> h.contains(dueSecond)) ? hrefs : null;
      });
      int first = indexOf(links, dueFirst);
      int second = indexOf(links, dueSecond);
      assertThat(first).as("the task due first is listed, before the other").isGreaterThanOrEqualTo(0).isLessThan(second);
      String menu = browser.displayed(".sorting-choice, [cam-sorting-choices], .sort-by").stream().map(WebElement::getText)
          .reduce("", (a, b) -> a + " " + b);
      if (!menu.contains("Date d'échéance")) {
        browser.screenshot("sorting-menu");
      }
      assertThat(menu).contains("Date d'échéance").doesNotContain("Créée");
    }
  }

  private static int indexOf(List<String> hrefs, String taskId) {
    for (int i = 0; i < hrefs.size(); i++) {
      if (hrefs.get(i).contains(taskId)) {
        return i;
      }
    }
    return -1;
  }

  /** The filters of earlier versions ("Tâches de mon équipe" second, unsorted) are brought up to date at start. */
  @Test
  void theFiltersOfEarlierVersionsAreRenamedAndSortedAtStart() {
    var filters = engine.getFilterService();
    Filter team = filters.createFilterQuery().filterName(IdentityBootstrap.TEAM_FILTER).filterOwner("equipe-hcs")
        .singleResult();
    filters.saveFilter(team.setName("Tâches de mon équipe").setProperties(java.util.Map.of("priority", -5))
        .setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroup("hcs")));
    Filter mine = filters.createFilterQuery().filterName(IdentityBootstrap.MY_TASKS_FILTER).filterOwner("hcs")
        .singleResult();
    filters.saveFilter(mine.setProperties(java.util.Map.of("priority", -10))
        .setQuery(engine.getTaskService().createTaskQuery().taskAssignee("hcs")));

    bootstrap.postProcessEngineBuild(engine); // as at the next start

    Filter renamed = filters.getFilter(team.getId());
    assertThat(renamed.getName()).isEqualTo(IdentityBootstrap.TEAM_FILTER);
    assertThat(renamed.getProperties().get("priority")).isEqualTo(IdentityBootstrap.TEAM_FILTER_PRIORITY);
    assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) renamed.getQuery()).getOrderingProperties()).hasSize(2);
    assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) filters.getFilter(mine.getId()).getQuery())
        .getOrderingProperties()).hasSize(2);
    assertThat(filters.createFilterQuery().filterOwner("equipe-hcs").count()).isEqualTo(1);
  }
}
