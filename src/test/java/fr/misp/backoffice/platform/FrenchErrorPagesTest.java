package fr.misp.backoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person who opens a page their role does not give (IMA's staff typing Cockpit's address) reads a French
 * page under the MISP name, never the framework's "Whitelabel Error Page" in English, and nothing of the
 * request is echoed.
 */
@H2AppTest
class FrenchErrorPagesTest {

  @LocalServerPort int port;

  @Test
  void aPageTheRoleDoesNotGiveAnswersInFrench() {
    WebappSession hcs = WebappSession.signIn(port, "tasklist", "hcs", "demo");
    WebappSession.Raw cockpit = hcs.sendBytes("GET", "/camunda/app/cockpit/default/", null, null, "Accept",
        "text/html,application/xhtml+xml");
    assertThat(cockpit.status()).isEqualTo(403);
    assertThat(cockpit.text()).contains("Accès refusé", "MGEN International Santé Prévoyance", "Tâches")
        .doesNotContain("Whitelabel", "Forbidden", "There was an unexpected error");
  }

  @Test
  void anUnknownPageAnswersInFrenchWithoutEchoingTheAddress() {
    WebappSession ima = WebappSession.signIn(port, "tasklist", "ima", "demo");
    WebappSession.Raw unknown = ima.sendBytes("GET", "/camunda/app/tasklist/default/nulle-part-xyz.html", null, null,
        "Accept", "text/html");
    assertThat(unknown.status()).isBetween(400, 499);
    assertThat(unknown.text()).contains("MGEN International Santé Prévoyance").doesNotContain("Whitelabel", "nulle-part-xyz");
  }
}
