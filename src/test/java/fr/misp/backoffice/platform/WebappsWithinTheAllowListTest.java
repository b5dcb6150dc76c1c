package fr.misp.backoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.support.Browser;
import fr.misp.backoffice.support.H2AppTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser: the screens each role uses (Cockpit for gestionnaires, Admin for administrators,
 * Tasklist for a médecin-conseil) work within the engine API's allow-list — none of their calls is
 * refused, so the allow-list is exactly as wide as the screens need.
 */
@H2AppTest
@ExtendWith(OutputCaptureExtension.class)
class WebappsWithinTheAllowListTest {

  @LocalServerPort int port;

  @Test
  void cockpitAdminAndTasklistMakeNoRefusedCall(CapturedOutput output) {
    try (Browser browser = Browser.open(port)) {
      browser.login("cockpit", "gestionnaire", "demo");
      browser.open("cockpit", "#/dashboard");
      browser.open("cockpit", "#/processes");
      assertThat(browser.text()).contains("priorApproval");
      browser.open("cockpit", "#/decisions");
      browser.screenshot("cockpit-processes");
    }
    try (Browser browser = Browser.open(port)) {
      browser.login("admin", "admin", "demo");
      browser.open("admin", "#/users");
      assertThat(browser.text()).contains("gestionnaire");
      browser.open("admin", "#/groups");
      browser.open("admin", "#/authorization?resource=0");
      browser.screenshot("admin-users");
    }
    try (Browser browser = Browser.open(port)) {
      browser.loginToTasklist("medecin", "demo");
      browser.open("tasklist", "");
      browser.screenshot("tasklist-medecin");
    }
    assertThat(output.getAll()).doesNotContain("Refused by the allow-list");
  }
}
