package fr.misp.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.support.Browser;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.NewFiles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An advisor overseas works on Paris time: on a computer set to Nouméa (ten hours ahead of Paris in
 * winter, nine in summer), Camunda's own views show every date and time as the clock in Paris shows
 * it, in French order — Cockpit's task table (Cockpit sets ISO formats of its own), the date filters
 * every template of Tasklist uses, and the footer that names the zone.
 */
@H2AppTest
class ParisTimeInWebappsTest {

  static final String NOUMEA = "Pacific/Noumea";
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void cockpitAndTasklistShowParisTimeOnAComputerInNoumea() {
    String file = NewFiles.priorApproval(new Http(port), 240);
    String taskId = NewFiles.task(engine, file, "buildFile");
    Date created = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getCreateTime();
    String parisCreated = at(created, PARIS);
    String noumeaCreated = at(created, ZoneId.of(NOUMEA));
    assertThat(parisCreated).as("the two clocks differ").isNotEqualTo(noumeaCreated);

    try (Browser browser = Browser.open(port, NOUMEA)) {
      assertThat(browser.loginPage("cockpit")).contains("Dates et heures affichées à l’heure de Paris (Europe/Paris)")
          .doesNotContain(NOUMEA);
      assertThat(browser.script("return Intl.DateTimeFormat().resolvedOptions().timeZone")).isEqualTo(NOUMEA);
      browser.login("cockpit", "gestionnaire", "demo");

      // Cockpit's table of the file's tasks: the creation time on Paris's clock, dd/mm/yyyy hh:mm.
      browser.open("cockpit", "#/process-instance/" + file + "/runtime?tab=user-tasks-tab");
      String table;
      try {
        table = browser.until(driver -> {
          String text = driver.findElement(By.tagName("body")).getText();
          return text.contains(parisCreated) ? text : null;
        });
      } catch (RuntimeException e) {
        browser.screenshot("paris-time-cockpit");
        throw new AssertionError("expected " + parisCreated + "; page says: " + browser.text(), e);
      }
      assertThat(table).doesNotContain(noumeaCreated);

      // The filters every template of the webapps formats dates with, as Tasklist has them. 1 July 2026,
      // 06:30 UTC: 08:30 in Paris, 17:30 in Nouméa.
      browser.open("tasklist", "");
      browser.until(driver -> Boolean.TRUE.equals(browser.script(
          "return !!(window.angular && angular.element(document.body).injector())")) ? true : null);
      Object shown = browser.script("""
          const injector = angular.element(document.body).injector();
          return [injector.get('camDateFilter')('2026-07-01T06:30:00.000+0000', 'normal'),
                  injector.get('camDateFilter')(Date.UTC(2026, 0, 15, 23, 30), 'short'),
                  injector.get('dateFilter')('2026-07-01T06:30:00.000+0000', 'HH:mm'),
                  injector.get('dateFilter')('2026-07-01T06:30:00.000+0000', 'HH:mm', '+1100')].join(' | ');""");
      assertThat(shown).isEqualTo("01/07/2026 08:30 | 16/01/2026 | 08:30 | 17:30");
    }
  }

  private static String at(Date instant, ZoneId zone) {
    return DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(instant.toInstant().atZone(zone));
  }
}
