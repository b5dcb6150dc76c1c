package fr.misp.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Advisors open the four Prévoyance claims from a Tasklist start form, which is the API's start: the same checks
 * (a French refusal, nothing started), the same business key, and only advisors may.
 */
@H2AppTest
class PrevoyanceStartFormsTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MemberDirectory members;

  private String member() {
    String id = "M-SF-" + System.nanoTime() % 1000000;
    members.save(new Member(id, "Lucie Martin", LocalDate.of(1975, 5, 5), "ACTIVE", "PT", false,
        LocalDate.of(2001, 1, 1), "AG-075"));
    return id;
  }

  private static String variables(String... pairs) {
    StringBuilder json = new StringBuilder("{\"variables\": {");
    for (int i = 0; i < pairs.length; i += 2) {
      json.append(i == 0 ? "" : ", ").append('"').append(pairs[i]).append("\": {\"value\": \"").append(pairs[i + 1])
          .append("\"}");
    }
    return json.append("}}").toString();
  }

  @ParameterizedTest(name = "{0} from its start form")
  @CsvSource(delimiter = '|', value = {
      "dailyAllowance | AJ- | halfPayDate=2026-09-01,referenceMonthlyBase=4431,netSalaryBeforeStoppage=3945.02",
      "disabilityAllowance | INV- | pensionStartDate=2026-09-01,invalidityRate=37,monthlyBaseSalary=2140,"
          + "monthlyBonuses=600,invalidityPension=8123",
      "temporaryAutonomyLoss | PTA- | stoppageStartDate=2026-09-01",
      "totalDependency | DEP- | dependencyStartDate=2026-09-01"})
  void anAdvisorOpensTheClaimWithTheApisChecksAndKey(String process, String keyPrefix, String fields) {
    Http http = new Http(port);
    String member = member();
    java.util.List<String> pairs = new java.util.ArrayList<>(java.util.List.of("memberId", member));
    for (String field : fields.split(",")) {
      pairs.addAll(java.util.List.of(field.split("=")));
    }
    String path = "/engine-rest/process-definition/key/" + process + "/submit-form";
    assertThat(http.post(path, "ima", "demo", variables(pairs.toArray(String[]::new))).status()).isIn(403, 404);
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(process).count();
    // An unknown member: the API's French message, nothing started.
    java.util.List<String> unknown = new java.util.ArrayList<>(pairs);
    unknown.set(1, "NOBODY-" + member);
    Http.Response refused = http.post(path, "conseiller", "demo", variables(unknown.toArray(String[]::new)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("Membre inconnu").doesNotContain("NOBODY-");
    // The field it concerns, for Tasklist to write the message under it.
    assertThat(refused.json().path("field").asText()).isEqualTo("memberId");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(process).count())
        .isEqualTo(before);
    Http.Response started = http.post(path, "conseiller", "demo", variables(pairs.toArray(String[]::new)));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String id = started.json().get("id").asText();
    var instance = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
    assertThat(instance.getProcessDefinitionKey()).isEqualTo(process);
    assertThat(instance.getBusinessKey()).startsWith(keyPrefix + member);
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0) {
      engine.getRuntimeService().deleteProcessInstance(id, "test");
    }
  }

  @Test
  void theDisabilityFormAsksTheRateOrTheCategoryNotBoth() {
    Http.Response both = new Http(port).post("/engine-rest/process-definition/key/disabilityAllowance/submit-form",
        "conseiller", "demo", variables("memberId", member(), "pensionStartDate", "2026-09-01", "invalidityRate", "70",
            "socialSecurityCategory", "2", "monthlyBaseSalary", "2500", "monthlyBonuses", "0", "invalidityPension", "0"));
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.body()).contains("taux d'invalidité ou la catégorie");
  }

  @Test
  void aStartFormTakesNoVariableItDoesNotOfferNorAnotherMediaType() {
    Http http = new Http(port);
    String path = "/engine-rest/process-definition/key/dailyAllowance/submit-form";
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("dailyAllowance")
        .count();
    // A decision the process computes, slipped into the start: refused, nothing started.
    Http.Response slipped = http.post(path, "conseiller", "demo", variables("memberId", member(), "halfPayDate",
        "2026-09-01", "referenceMonthlyBase", "4431", "netSalaryBeforeStoppage", "3945.02", "ajEligible", "true"));
    assertThat(slipped.status()).isEqualTo(400);
    Http.Response text = http.send("POST", path, "conseiller", "demo", "text/plain;charset=ISO-8859-1",
        variables("memberId", member(), "halfPayDate", "2026-09-01", "referenceMonthlyBase", "4431",
            "netSalaryBeforeStoppage", "3945.02").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThat(text.status()).isNotIn(200, 204);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("dailyAllowance")
        .count()).isEqualTo(before);
  }
}
