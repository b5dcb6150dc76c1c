package fr.misp.backoffice.deathcapital;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.payment.PaymentOrders;
import fr.misp.backoffice.support.Browser;
import fr.misp.backoffice.support.Jobs;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In a real browser: an advisor checks the beneficiary of a death claim in Tasklist; the payment is ordered once. */
@H2AppTest
class CheckBeneficiaryInTasklistTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MemberDirectory members;
  @Autowired PaymentOrders payments;

  @Test
  void theAdvisorChecksTheBeneficiaryInTasklist() {
    members.save(new Member("M-DC-BROWSER", "Henri Blanc", LocalDate.of(1950, 1, 1), "RETIRED", "TN", false,
        LocalDate.of(1990, 1, 1), "AG-075"));
    Http http = new Http(port);
    Http.Response claim = http.post("/api/death-claims", "conseiller", "demo", """
        {"memberId": "M-DC-BROWSER", "event": "DEATH", "eventDate": "2024-03-01", "memberCategory": "RETIRED",
         "annualContributionBase": 0, "family": [{"name": "Rose Blanc", "relation": "SPOUSE", "unionType": "MARRIAGE",
         "birthDate": "1952-02-02", "alive": true}], "designation": {"type": "STANDARD"}}""");
    assertThat(claim.status()).as(claim.body()).isEqualTo(201);
    String id = claim.json().get("id").asText();
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId(),
        Map.of("documentsComplete", true));
    Jobs.runAll(engine, id);
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("checkBeneficiary")
        .singleResult().getId();

    try (Browser browser = Browser.open(port)) {
      browser.loginToTasklist("conseiller", "demo");
      browser.openTask(taskId);
      browser.claim();
      assertThat(browser.field("payeeName").getAttribute("value")).isEqualTo("Rose Blanc");
      browser.choose("Identité et coordonnées bancaires vérifiées : ordonner le paiement");
      browser.type("iban", "FR76 3000 6000 0112 3456 7890 189");
      browser.complete();
      try {
        browser.until(driver -> Jobs.run(engine, id) && engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id)
            .finished().count() == 1);
      } catch (RuntimeException e) {
        browser.screenshot("tasklist-checkBeneficiary-failed");
        throw new AssertionError("Tasklist did not complete the check; page says: " + browser.text(), e);
      }
    }
    String claimKey = claim.json().get("businessKey").asText();
    assertThat(payments.of(claimKey)).singleElement().satisfies(p -> {
      assertThat(p.beneficiary()).isEqualTo("Rose Blanc");
      assertThat(p.amount()).isEqualByComparingTo("3500.00");
      // The IBAN typed with spaces is kept in its electronic form, with who verified it.
      assertThat(p.iban()).isEqualTo("FR7630006000011234567890189");
      assertThat(p.decidedBy()).isEqualTo("conseiller");
    });
  }
}
