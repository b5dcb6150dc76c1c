package fr.misp.backoffice.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * How much each process keeps in the engine: the variables of one finished happy path per process,
 * printed (a figure of the design, "a process carries keys; the application owns the records"). The
 * business records themselves are in the application's tables.
 */
@H2AppTest
class ProcessVariablesReportTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private void runJobs() {
    for (int i = 0; i < 50; i++) {
      List<Job> jobs = engine.getManagementService().createJobQuery().messages().executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  private void complete(String id, String key, Map<String, Object> variables) {
    engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey(key).list()
        .forEach(task -> engine.getTaskService().complete(task.getId(), variables));
    runJobs();
  }

  private TreeSet<String> variables(String id) {
    TreeSet<String> names = new TreeSet<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(id).list()
        .forEach(v -> names.add(v.getName()));
    return names;
  }

  @Test
  void printsTheVariablesOfEachProcess() {
    Http http = new Http(port);
    LocalDate today = LocalDate.now();
    String priorApproval = http.post("/api/prior-approvals", "conseiller", "demo", """
        {"memberId": "M-ES-001", "type": "HOSPITALISATION", "countryOfResidence": "ES", "receivedDate": "%s",
         "plannedAdmissionDate": "%s", "establishmentId": "ES-MAD-01", "quoteAmount": 1234.5}"""
        .formatted(today, today.plusDays(377))).json().get("id").asText();
    complete(priorApproval, "buildFile", Map.of("documentsComplete", true, "quoteAmount", 1234.5, "quoteCurrency", "EUR"));
    complete(priorApproval, "medicalReview", Map.of("medicalDecision", "APPROVE"));

    String socialAid = http.post("/api/social-aid-requests", "conseiller", "demo", """
        {"memberId": "M-ES-001", "agencyCode": "AG-075", "situation": "LATE_INCOME", "aidType": "SOCIAL_LOAN",
         "requestedAmount": 1377, "durationMonths": 6, "monthlyResources": 1500, "monthlyCharges": 900,
         "householdSize": 2}""").json().get("id").asText();
    complete(socialAid, "buildSocialFile", Map.of("fileComplete", true, "advisorOpinion", "Complet"));
    complete(socialAid, "commissionDecision", Map.of("commissionDecision", "GRANT", "grantedAmount", 1377,
        "grantedDurationMonths", 6, "motivation", "Accord"));

    String death = http.post("/api/death-claims", "conseiller", "demo", """
        {"memberId": "M-SN-001", "event": "DEATH", "eventDate": "2024-03-03", "memberCategory": "ACTIVE",
         "annualContributionBase": 30000, "family": [{"name": "Awa", "relation": "SPOUSE", "unionType": "MARRIAGE",
         "birthDate": "1978-01-01", "alive": true}], "designation": {"type": "STANDARD"}}""").json().get("id").asText();
    complete(death, "recordEvent", Map.of("documentsComplete", true));
    complete(death, "checkBeneficiary", Map.of("beneficiaryCheck", "VERIFIED", "iban", "FR7630006000011234567890189"));

    for (Map.Entry<String, String> process : Map.of("priorApproval", priorApproval, "socialAid", socialAid,
        "deathCapital", death).entrySet()) {
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(process.getValue()).count())
          .as(process.getKey() + " ended").isZero();
      TreeSet<String> names = variables(process.getValue());
      System.out.printf("Process variables of a %s happy path: %d %s%n", process.getKey(), names.size(), names);
      assertThat(names).isNotEmpty();
    }
  }
}
