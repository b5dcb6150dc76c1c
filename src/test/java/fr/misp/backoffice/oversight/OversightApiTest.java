package fr.misp.backoffice.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.misp.backoffice.socialaid.LoanAccounts;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.NewFiles;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.Jobs;
import fr.misp.backoffice.support.WebappSession;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The managers' views (/api/oversight) over real HTTP: gestionnaires and administrators only, each figure
 * to the cent as the records hold it, who did each step, no medical detail, bad input a French 400 that
 * never quotes the value, and the webapp session accepted only with its CSRF token for a change.
 */
@H2AppTest
class OversightApiTest {

  static final List<String> VIEWS = List.of("/api/oversight/files", "/api/oversight/files/UNKNOWN-1",
      "/api/oversight/endowments?year=2026", "/api/oversight/late-files", "/api/oversight/money");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired LoanAccounts loans;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void onlyManagersAndAdministratorsReadTheViews() {
    for (String view : VIEWS) {
      for (String user : List.of("conseiller", "medecin", "commission", "ima", "hcs")) {
        Http.Response refused = http.get(view, user, "demo");
        assertThat(refused.status()).as("%s %s", user, view).isEqualTo(403);
        assertThat(refused.body()).contains("Accès refusé");
      }
      assertThat(http.get(view, null, null).status()).as(view).isEqualTo(401);
      int expected = view.contains("UNKNOWN") ? 404 : 200;
      assertThat(http.get(view, "gestionnaire", "demo").status()).as(view).isEqualTo(expected);
      assertThat(http.get(view, "admin", "demo").status()).as(view).isEqualTo(expected);
    }
  }

  @Test
  void aFinishedSocialFileShowsItsDecisionAmountsPayeeAndWhoDidEachStep() {
    int year = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();
    JsonNode before = agency(http.get("/api/oversight/endowments?year=" + year, "gestionnaire", "demo").json(), "AG-075");

    String id = http.post("/api/social-aid-requests", "conseiller", "demo", """
        {"memberId": "M-ES-001", "agencyCode": "AG-075", "situation": "FAMILY_EVENT", "aidType": "GRANT",
         "requestedAmount": 456.78, "monthlyResources": 1000, "monthlyCharges": 900, "householdSize": 1}""")
        .json().get("id").asText();
    String key = NewFiles.businessKey(jdbc, id);
    // Still running: not a finished file.
    assertThat(http.get("/api/oversight/files?businessKey=" + key, "gestionnaire", "demo").json()).isEmpty();
    assertThat(http.get("/api/oversight/files/" + key, "gestionnaire", "demo").status()).isEqualTo(404);

    NewFiles.work(engine, id, "buildSocialFile", "conseiller", Map.of("fileComplete", true, "advisorOpinion", "Dossier complet"));
    NewFiles.work(engine, id, "commissionDecision", "commission", Map.of("commissionDecision", "GRANT", "grantedAmount", 456.78,
        "motivation", "Accord de la commission"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count()).isZero();

    JsonNode found = http.get("/api/oversight/files?businessKey=" + key, "gestionnaire", "demo").json();
    assertThat(found).hasSize(1);
    assertThat(found.get(0).get("decisionLabel").asText()).isEqualTo("Accordé");
    assertThat(found.get(0).get("processLabel").asText()).isEqualTo("Aide de l'Action Sociale");
    assertThat(found.get(0).get("endedAt").asText()).isNotEmpty();
    String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
    String tomorrow = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1).toString();
    assertThat(keys("memberId=M-ES-001&process=socialAid&from=" + today + "&to=" + today)).contains(key);
    assertThat(keys("memberId=M-ES-001&process=deathCapital")).doesNotContain(key);
    assertThat(keys("memberId=M-NC-001")).doesNotContain(key);
    assertThat(keys("from=" + tomorrow)).doesNotContain(key);

    JsonNode file = http.get("/api/oversight/files/" + key, "admin", "demo").json();
    assertThat(file.get("file").get("decision").asText()).isEqualTo("GRANTED");
    assertThat(file.get("amounts").toString())
        .contains("{\"label\":\"Montant demandé\",\"amount\":456.78,\"currency\":\"EUR\"}")
        .contains("{\"label\":\"Montant accordé\",\"amount\":456.78,\"currency\":\"EUR\"}");
    JsonNode payee = file.get("payees").get(0);
    assertThat(file.get("payees")).hasSize(1);
    assertThat(payee.get("amount").decimalValue()).isEqualTo(new BigDecimal("456.78"));
    assertThat(payee.get("statusLabel").asText()).isEqualTo("Paiement à approuver");
    List<String> steps = new ArrayList<>();
    file.get("steps").forEach(step -> steps.add(step.get("label").asText().split(" — ")[0] + " par " + step.get("who").asText()));
    assertThat(steps).contains("Dossier déposé par conseiller", "Constituer le dossier social par conseiller",
        "Décision de la commission par commission");
    assertThat(steps.stream().filter(s -> s.startsWith("Paiement ordonné"))).hasSize(1);

    // The grant is reserved on the agency's endowment, to the cent; its order waits for a second pair of eyes.
    JsonNode after = agency(http.get("/api/oversight/endowments?year=" + year, "gestionnaire", "demo").json(), "AG-075");
    assertThat(after.get("reserved").decimalValue().subtract(before.get("reserved").decimalValue()))
        .isEqualByComparingTo("456.78");
    assertThat(after.get("remaining").decimalValue()).isEqualByComparingTo(after.get("amount").decimalValue()
        .add(after.get("repaid").decimalValue()).subtract(after.get("reserved").decimalValue()));
    long waiting = jdbc.sql("select count(*) from payment_order where status = 'ORDERED'").query(Long.class).single();
    // Waiting for a month: among the 100 oldest the view lists, whatever other files wait too.
    jdbc.sql("update payment_order set created_at = ? where business_key = ?")
        .params(java.time.LocalDateTime.now().minusDays(30), key).update();
    JsonNode money = http.get("/api/oversight/money", "gestionnaire", "demo").json();
    assertThat(money.get("toApprove").get("total").asLong()).isEqualTo(waiting);
    JsonNode order = StreamSupport.stream(money.get("toApprove").get("oldest").spliterator(), false)
        .filter(o -> o.get("businessKey").asText().equals(key)).findFirst().orElseThrow();
    assertThat(order.get("amount").decimalValue()).isEqualTo(new BigDecimal("456.78"));
    assertThat(order.get("statusLabel").asText()).isEqualTo("Paiement à approuver");
  }

  @Test
  void aFinishedPriorApprovalNeverShowsTheMedicalNotes() {
    LocalDate received = LocalDate.now(ZoneId.of("Europe/Paris"));
    Http.Response started = http.post("/api/prior-approvals", "conseiller", "demo", """
        {"memberId": "M-ES-001", "type": "HOSPITALISATION", "countryOfResidence": "ES", "receivedDate": "%s",
         "plannedAdmissionDate": "%s", "establishmentId": "ES-MAD-01", "quoteAmount": 2345.67, "quoteCurrency": "EUR"}"""
        .formatted(received, received.plusDays(47)));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String id = started.json().get("id").asText();
    NewFiles.work(engine, id, "buildFile", "ima", Map.of("documentsComplete", true, "quoteAmount", 2345.67, "quoteCurrency", "EUR"));
    NewFiles.work(engine, id, "medicalReview", "medecin", Map.of("medicalDecision", "APPROVE_ADJUSTED", "approvedAmount", 2100.05,
        "medicalNotes", "NOTE-MEDICALE-SECRETE"));
    String key = NewFiles.businessKey(jdbc, id);
    Http.Response file = http.get("/api/oversight/files/" + key, "gestionnaire", "demo");
    assertThat(file.status()).as(file.body()).isEqualTo(200);
    assertThat(file.body()).contains("\"decisionLabel\":\"Accordé\"")
        .contains("{\"label\":\"Montant du devis\",\"amount\":2345.67,\"currency\":\"EUR\"}")
        .contains("{\"label\":\"Montant accordé\",\"amount\":2100.05,\"currency\":\"EUR\"}")
        .contains("\"who\":\"medecin\"") // the médecin's step and who did it, not what they wrote
        .doesNotContain("NOTE-MEDICALE-SECRETE", "medicalNotes");
  }

  @Test
  void lateTasksAreCountedPerProcessAndStep() {
    String id = http.post("/api/social-aid-requests", "conseiller", "demo", """
        {"memberId": "M-ES-001", "agencyCode": "AG-075", "situation": "FAMILY_EVENT", "aidType": "GRANT",
         "requestedAmount": 321.09, "monthlyResources": 1000, "monthlyCharges": 900, "householdSize": 1}""")
        .json().get("id").asText();
    Jobs.runAll(engine, id);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
    JsonNode before = http.get("/api/oversight/late-files", "gestionnaire", "demo").json();
    task.setDueDate(Date.from(java.time.Instant.now().minus(java.time.Duration.ofDays(3)).minusSeconds(60)));
    engine.getTaskService().saveTask(task); // the back office moves the date, as a test arrangement

    JsonNode view = http.get("/api/oversight/late-files", "gestionnaire", "demo").json();
    assertThat(view.get("total").asLong()).isEqualTo(before.get("total").asLong() + 1);
    JsonNode step = StreamSupport.stream(view.get("steps").spliterator(), false)
        .filter(s -> s.get("taskKey").asText().equals("buildSocialFile")).findFirst().orElseThrow();
    assertThat(step.get("processLabel").asText()).isEqualTo("Aide de l'Action Sociale");
    assertThat(step.get("step").asText()).isEqualTo("Constituer le dossier social");
    JsonNode late = StreamSupport.stream(view.get("tasks").spliterator(), false)
        .filter(t -> t.get("businessKey").asText().equals(NewFiles.businessKey(jdbc, id))).findFirst().orElseThrow();
    assertThat(late.get("daysLate").asLong()).isEqualTo(3);
  }

  @Test
  void aLoanInArrearsShowsWhatIsMissedToTheCent() {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    String key = "SA-OVERSIGHT-LOAN-" + System.nanoTime();
    // Due 40 and 20 days ago (both past the 10-day grace), and in 10 days.
    Object[][] schedule = {{1, today.minusDays(40), "300.00"}, {2, today.minusDays(20), "300.00"}, {3, today.plusDays(10), "400.00"}};
    for (Object[] line : schedule) {
      jdbc.sql("insert into loan_instalment (business_key, number, due_date, amount) values (?, ?, ?, ?)")
          .params(key, line[0], line[1], new BigDecimal((String) line[2])).update();
    }
    LoanAccounts.Account account = loans.open(key, "M-ES-001", "AG-075", new BigDecimal("1000.00"));
    assertThat(loans.repay(account.reference(), new BigDecimal("150.00"), today)).isTrue();

    Http.Response response = http.get("/api/oversight/money", "gestionnaire", "demo");
    JsonNode money = response.json();
    assertThat(money.get("graceDays").asInt()).isEqualTo(10);
    // Amounts travel with their two decimals.
    assertThat(response.body()).contains("\"reference\":\"" + account.reference() + "\",\"memberId\":\"M-ES-001\","
        + "\"agencyCode\":\"AG-075\",\"principal\":1000.00,\"repaid\":150.00,\"outstanding\":850.00,\"missed\":2,"
        + "\"overdue\":450.00");
    JsonNode arrears = StreamSupport.stream(money.get("loanArrears").spliterator(), false)
        .filter(a -> a.get("businessKey").asText().equals(key)).findFirst().orElseThrow();
    assertThat(arrears.get("missed").asInt()).isEqualTo(2);
    assertThat(arrears.get("overdue").decimalValue()).isEqualByComparingTo("450.00");
    assertThat(arrears.get("outstanding").decimalValue()).isEqualByComparingTo("850.00");
    assertThat(arrears.get("oldestDue").asText()).isEqualTo(today.minusDays(40).toString());
  }

  @Test
  void badCriteriaAreAFrenchFieldErrorThatNeverQuotesTheValue() {
    for (String[] bad : new String[][] {{"process=xyz-PROBE", "process"}, {"from=31%2F12%2F2026", "from"},
        {"to=2026-13-45", "to"}, {"from=2026-02-01&to=2026-01-01", "to"}, {"businessKey=%3Cscript%3E", "businessKey"}}) {
      Http.Response response = http.get("/api/oversight/files?" + bad[0], "gestionnaire", "demo");
      assertThat(response.status()).as(bad[0]).isEqualTo(400);
      assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo(bad[1]);
      assertThat(response.json().get("errors").get(0).get("message").asText()).isNotBlank();
      assertThat(response.body()).doesNotContain("xyz-PROBE", "31/12/2026", "2026-13-45", "<script>");
    }
    assertThat(http.get("/api/oversight/endowments?year=1800", "gestionnaire", "demo").status()).isEqualTo(400);
  }

  @Test
  void theWebappSessionChangesAnEndowmentOnlyWithItsCsrfToken() {
    WebappSession cockpit = WebappSession.signIn(port, "cockpit", "gestionnaire", "demo");
    assertThat(cockpit.get("/api/oversight/money").status()).isEqualTo(200);
    Http.Response set = cockpit.send("PUT", "/api/endowments/AG-OVS/2031", "application/json", "{\"amount\": 12345.67}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.body()).contains("\"amount\":12345.67");
    JsonNode line = agency(cockpit.get("/api/oversight/endowments?year=2031").json(), "AG-OVS");
    assertThat(line.get("remaining").decimalValue()).isEqualTo(new BigDecimal("12345.67"));
    // The same session without its token (another site's form) changes nothing.
    Http.Response forged = cockpit.sendWithoutToken("PUT", "/api/endowments/AG-OVS/2031");
    assertThat(forged.status()).isIn(401, 403);
    assertThat(agency(cockpit.get("/api/oversight/endowments?year=2031").json(), "AG-OVS").get("amount").decimalValue())
        .isEqualTo(new BigDecimal("12345.67"));
    // An advisor's Tasklist session reads none of it.
    WebappSession tasklist = WebappSession.signIn(port, "tasklist", "conseiller", "demo");
    assertThat(tasklist.get("/api/oversight/money").status()).isEqualTo(403);
    assertThat(tasklist.send("PUT", "/api/endowments/AG-OVS/2031", "application/json", "{\"amount\": 1.00}").status())
        .isEqualTo(403);
  }

  private List<String> keys(String query) {
    Http.Response response = http.get("/api/oversight/files?" + query, "gestionnaire", "demo");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    response.json().forEach(row -> keys.add(row.get("businessKey").asText()));
    return keys;
  }

  private static JsonNode agency(JsonNode lines, String code) {
    return StreamSupport.stream(lines.spliterator(), false).filter(l -> l.get("agencyCode").asText().equals(code))
        .findFirst().orElseThrow();
  }
}
