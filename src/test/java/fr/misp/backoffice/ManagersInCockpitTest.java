package fr.misp.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.payment.BankDetails;
import fr.misp.backoffice.payment.PaymentOrders;
import fr.misp.backoffice.support.Browser;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.NewFiles;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.Jobs;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A manager in a real browser set to English opens Cockpit's "Suivi" views — finished files, endowments,
 * late files, payments — reads them in French (amounts "6 234,56 €", dates dd/mm/yyyy), sets an agency's
 * endowment and approves a payment order, and sees the result; an advisor's session gets none of the data.
 */
@H2AppTest
class ManagersInCockpitTest {

  static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired PaymentOrders orders;

  @Autowired fr.misp.backoffice.exchange.ExchangeRates exchangeRates;

  @Test
  void aManagerFollowsFilesEndowmentsLatenessAndMoneyInCockpit() {
    Http http = new Http(port);
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    // A finished social file: granted 654,32 €.
    String finished = http.post("/api/social-aid-requests", "conseiller", "demo", """
        {"memberId": "M-ES-001", "agencyCode": "AG-075", "situation": "FAMILY_EVENT", "aidType": "GRANT",
         "requestedAmount": 654.32, "monthlyResources": 1000, "monthlyCharges": 900, "householdSize": 1}""")
        .json().get("id").asText();
    NewFiles.work(engine, finished, "buildSocialFile", "conseiller", Map.of("fileComplete", true, "advisorOpinion", "Dossier complet"));
    NewFiles.work(engine, finished, "commissionDecision", "commission", Map.of("commissionDecision", "GRANT", "grantedAmount", 654.32,
        "motivation", "Accord de la commission"));
    String finishedKey = NewFiles.businessKey(jdbc, finished);
    // A file whose first step is long forgotten (900 days late: the view lists the 100 most late).
    String lateFile = http.post("/api/social-aid-requests", "conseiller", "demo", """
        {"memberId": "M-ES-001", "agencyCode": "AG-075", "situation": "FAMILY_EVENT", "aidType": "GRANT",
         "requestedAmount": 65.43, "monthlyResources": 1000, "monthlyCharges": 900, "householdSize": 1}""")
        .json().get("id").asText();
    Jobs.runAll(engine, lateFile);
    Task late = engine.getTaskService().createTaskQuery().processInstanceId(lateFile).singleResult();
    late.setDueDate(Date.from(Instant.now().minus(Duration.ofDays(900)).minusSeconds(60)));
    engine.getTaskService().saveTask(late);
    // An order above the four-eyes threshold, decided by someone else, with its account: the manager may approve it.
    String orderKey = "OVS-BROWSER-" + System.nanoTime();
    orders.orderOnce(new PaymentOrders.NewOrder(orderKey, "OVS-FILE-1", "Jeanne Martin", new BigDecimal("6234.56"),
        "AID_PAYMENT", null, "commission", BankDetails.of("FR7630006000011234567890189", null).orElseThrow()));
    String endToEnd = orders.byKey(orderKey).orElseThrow().endToEndId();
    // An aid decided without the member's account: the manager enters the IBAN from the view.
    String noAccountKey = "OVS-NOACCOUNT-" + System.nanoTime();
    orders.orderOnce(new PaymentOrders.NewOrder(noAccountKey, "OVS-FILE-2", "Paul Durand", new BigDecimal("480.00"),
        "AID_PAYMENT", null, "commission", null));
    String noAccount = orders.byKey(noAccountKey).orElseThrow().endToEndId();
    jdbc.sql("update payment_order set created_at = ? where order_key = ?")
        .params(java.time.LocalDateTime.now().minusDays(29), noAccountKey).update();
    // Waiting for a month: among the oldest the view lists, whatever other files wait too.
    jdbc.sql("update payment_order set created_at = ? where order_key = ?")
        .params(java.time.LocalDateTime.now().minusDays(30), orderKey).update();
    // An agency with an endowment of 100,00 € in 2032, which the manager raises.
    assertThat(http.put("/api/endowments/AG-OVB/2032", "gestionnaire", "demo", "{\"amount\": 100.00}").status()).isEqualTo(200);

    try (Browser browser = Browser.open(port)) {
      browser.login("cockpit", "gestionnaire", "demo");
      browser.open("cockpit", "#/dashboard");
      see(browser, "dashboard", "Suivi des gestionnaires", "ordre(s) de paiement à approuver", "tâche(s) en retard");
      browser.click(browser.until(driver -> driver.findElement(By.xpath("//a[normalize-space(.)='Suivi']"))));

      see(browser, "finished files", "Dossiers terminés", "Dotations des agences", "Dossiers en retard", "Paiements",
          "Rechercher");
      WebElement reference = browser.until(driver -> driver.findElement(By.id("misp-reference")));
      reference.sendKeys(finishedKey);
      browser.click(browser.until(driver -> driver.findElement(By.cssSelector(".misp-search button[type='submit']"))));
      see(browser, "finished files", "1 dossier terminé", "Action Sociale", "Accordé");
      browser.click(browser.until(driver -> driver.findElement(By.xpath("//button[contains(@class,'misp-open-file')][normalize-space(.)='"
          + finishedKey + "']"))));
      String file = see(browser, "finished file", "Dossier " + finishedKey, "Montant accordé", "654,32 €",
          "Lucie Martin", "Paiement à approuver", "Constituer le dossier social", "Décision de la commission",
          "Dossier déposé", "conseiller", "commission", "traitement automatique", today.format(FRENCH_DAY));
      // Neither an ISO date nor an amount with a point, once the file's reference (which holds both) is set aside.
      assertThat(file.replace(finishedKey, "")).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
          .doesNotContain("654.32", "GRANTED", "system");

      browser.open("cockpit", "#/misp/dotations");
      see(browser, "endowments", "Dotations des agences", "Agence", "Réservé", "Restant", "Fixer");
      WebElement year = browser.until(driver -> driver.findElement(By.id("misp-year")));
      year.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "2032");
      browser.click(browser.until(driver -> driver.findElement(By.xpath("//button[normalize-space(.)='Afficher']"))));
      see(browser, "endowments 2032", "AG-OVB", "100,00 €");
      WebElement amount = browser.until(driver -> driver.findElement(By.cssSelector("input.misp-amount[data-agency='AG-OVB']")));
      browser.click(amount);
      amount.sendKeys("25 000,50");
      browser.click(browser.until(driver -> driver.findElement(By.cssSelector("button[data-agency='AG-OVB']"))));
      see(browser, "endowment set", "Dotation 2032 de l’agence AG-OVB fixée à 25 000,50 € (restant : 25 000,50 €).");
      assertThat(http.get("/api/endowments/AG-OVB/2032", "gestionnaire", "demo").body()).contains("\"amount\":25000.50");
      // An agency with no advisor and no endowment yet.
      browser.until(driver -> driver.findElement(By.id("misp-other-agency"))).sendKeys("AG-OVC");
      browser.until(driver -> driver.findElement(By.id("misp-other-amount"))).sendKeys("1000");
      browser.click(browser.until(driver -> driver.findElement(By.xpath("//button[normalize-space(.)='Fixer la dotation 2032']"))));
      see(browser, "other agency", "Dotation 2032 de l’agence AG-OVC fixée à 1 000,00 € (restant : 1 000,00 €).");

      // Exchange rates: the fixed parities are known; a gestionnaire records one with its source.
      browser.open("cockpit", "#/misp/taux");
      see(browser, "exchange rates", "Taux de change", "1 € = 655,957 XOF", "1 000 XPF = 8,38 €", "Parité fixe du franc CFP",
          "traitement automatique");
      browser.until(driver -> driver.findElement(By.id("misp-rate-currency"))).sendKeys("BRL");
      browser.until(driver -> driver.findElement(By.id("misp-rate-from"))).sendKeys("01/12/2026");
      browser.until(driver -> driver.findElement(By.id("misp-rate-value"))).sendKeys("6,1234");
      browser.until(driver -> driver.findElement(By.id("misp-rate-source"))).sendKeys("BCE, cours de référence du 30/11/2026");
      browser.click(browser.until(driver -> driver.findElement(By.xpath("//button[normalize-space(.)='Enregistrer le taux']"))));
      see(browser, "rate recorded", "Taux enregistré : 1 € = 6,1234 BRL à partir du 01/12/2026.", "BCE, cours de référence du 30/11/2026");
      assertThat(exchangeRates.inForce("BRL", java.time.LocalDate.of(2026, 12, 1)).orElseThrow().units()).isEqualByComparingTo("6.1234");
      // The same day again with another rate: refused in French, the first one stays.
      WebElement rateValue = browser.until(driver -> driver.findElement(By.id("misp-rate-value")));
      rateValue.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "7");
      browser.click(browser.until(driver -> driver.findElement(By.xpath("//button[normalize-space(.)='Enregistrer le taux']"))));
      see(browser, "rate refused", "Un autre taux est déjà enregistré pour cette devise à cette date");
      assertThat(exchangeRates.inForce("BRL", java.time.LocalDate.of(2026, 12, 1)).orElseThrow().units()).isEqualByComparingTo("6.1234");

      browser.open("cockpit", "#/misp/retards");
      see(browser, "late files", "tâche", "en retard au", "Par processus et par étape", "Constituer le dossier social",
          NewFiles.businessKey(jdbc, lateFile), "900 jours");

      browser.open("cockpit", "#/misp/paiements");
      see(browser, "money", "Ordres à approuver (quatre yeux)", "Jeanne Martin", "6 234,56 €", "Lots envoyés à la banque",
          "Paiements retournés par la banque", "Paiements rejetés", "Prêts en impayé", "P-AS-REPAYMENT-GRACE-DAYS");
      // No account yet: no "Approuver" (it could only fail), an IBAN to enter instead; a wrong one is refused in French.
      assertThat(browser.displayed("button.misp-approve[data-order='" + noAccount + "']")).isEmpty();
      WebElement iban = browser.until(driver -> driver.findElement(By.cssSelector("input.misp-iban[data-order='" + noAccount + "']")));
      iban.sendKeys("FR76 3000 6000 0112 3456 7890 188");
      browser.click(browser.until(driver -> driver.findElement(By.cssSelector("button[data-order='" + noAccount + "'][type=submit]"))));
      see(browser, "wrong iban", "IBAN (ou BIC) invalide");
      assertThat(orders.byKey(noAccountKey).orElseThrow().iban()).isNull();
      iban = browser.until(driver -> driver.findElement(By.cssSelector("input.misp-iban[data-order='" + noAccount + "']")));
      iban.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "FR76 3000 6000 0112 3456 7890 189");
      browser.click(browser.until(driver -> driver.findElement(By.cssSelector("button[data-order='" + noAccount + "'][type=submit]"))));
      see(browser, "iban recorded", "IBAN enregistré pour Paul Durand : un autre gestionnaire approuvera le paiement.");
      assertThat(orders.byKey(noAccountKey).orElseThrow().iban()).isEqualTo("FR7630006000011234567890189");
      browser.click(browser.until(driver -> driver.findElement(By.cssSelector("button.misp-approve[data-order='" + endToEnd + "']"))));
      see(browser, "order approved", "Paiement de 6 234,56 € à Jeanne Martin approuvé.");
      assertThat(orders.byKey(orderKey).orElseThrow()).satisfies(order -> {
        assertThat(order.status()).isEqualTo("APPROVED");
        assertThat(order.approvedBy()).isEqualTo("gestionnaire");
      });
    }

    try (Browser browser = Browser.open(port)) {
      browser.login("tasklist", "conseiller", "demo");
      for (String path : List.of("/api/oversight/files", "/api/oversight/money", "/api/oversight/late-files",
          "/api/oversight/endowments?year=2032")) {
        String status = browser.fetch(path);
        assertThat(status).as(path).startsWith("403 ").contains("Accès refusé");
      }
    }
  }

  /** Waits until every French text shows, then checks the page has none of the known English texts. */
  private static String see(Browser browser, String screen, String... expected) {
    String text;
    try {
      text = browser.until(driver -> {
        String shown = shown(browser);
        for (String french : expected) {
          if (!shown.contains(french)) {
            return null;
          }
        }
        return shown;
      });
    } catch (RuntimeException e) {
      browser.screenshot("cockpit-suivi-" + screen.replace(' ', '-'));
      throw new AssertionError(screen + ": expected " + List.of(expected) + "; page says: " + shown(browser), e);
    }
    List<String> english = new ArrayList<>();
    for (String word : FrenchScreensTest.ENGLISH) {
      if (Pattern.compile("(?<![\\p{L}])" + Pattern.quote(word) + "(?![\\p{L}])").matcher(text).find()) {
        english.add(word);
      }
    }
    assertThat(english).as("English on %s", screen).isEmpty();
    assertThat(text).contains("MGEN International Santé Prévoyance");
    return text;
  }

  /** What the page shows; amounts are written with no-break spaces, which read the same to a person. */
  private static String shown(Browser browser) {
    return String.valueOf(browser.script("return document.body.innerText")).replace('\u00a0', ' ').replace('\u202f', ' ');
  }
}
