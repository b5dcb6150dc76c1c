package fr.misp.backoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.Jobs;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application owns the records: once a file has ended and the engine's history has been cleaned
 * up (ten years later, or by an operator), the API still answers with its decision, amounts and payees.
 */
@H2AppTest
class RecordsOutliveHistoryTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired fr.misp.backoffice.network.MedicalNetwork network;
  @Autowired MemberDirectory members;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  private void purgeHistory(String processInstanceId) {
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count())
        .as("the file has ended").isZero();
    engine.getHistoryService().deleteHistoricProcessInstance(processInstanceId);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .count()).isZero();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .count()).isZero();
  }

  @Test
  void aRefusedPriorApproval() {
    network.create(new fr.misp.backoffice.network.Establishment("ES-NOWHERE-9", "Clinique sortie du réseau", "ES", "Madrid"));
    network.setMembershipPeriod("ES-NOWHERE-9", java.time.LocalDate.of(2000, 1, 1), java.time.LocalDate.of(2001, 1, 1));
    LocalDate today = LocalDate.now();
    Http.Response started = http.post("/api/prior-approvals", "conseiller", "demo", """
        {"memberId": "M-ES-001", "type": "HOSPITALISATION", "countryOfResidence": "ES", "receivedDate": "%s",
         "plannedAdmissionDate": "%s", "establishmentId": "ES-NOWHERE-9"}""".formatted(today, today.plusDays(333)));
    String id = started.json().get("id").asText();
    purgeHistory(id);
    Http.Response view = http.get("/api/prior-approvals/" + id, "gestionnaire", "demo");
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.json().get("status").asText()).isEqualTo("REFUSED");
    assertThat(view.json().get("decisionReason").asText()).isEqualTo("ETABLISSEMENT_HORS_RESEAU");
    assertThat(view.json().get("administrator").asText()).isEqualTo("IMA");
  }

  @Test
  void aRefusedSocialAidRequest() {
    Http.Response started = http.post("/api/social-aid-requests", "conseiller", "demo", """
        {"memberId": "M-ES-001", "agencyCode": "AG-075", "situation": "HIGH_HEALTH_COSTS", "aidType": "CARER_ALLOWANCE",
         "requestedAmount": 333.33, "monthlyResources": 2100, "monthlyCharges": 900, "householdSize": 3,
         "carerRelation": "OTHER", "carerGir": 3}""");
    String id = started.json().get("id").asText();
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult()
        .getId(), Map.of("fileComplete", true, "advisorOpinion", "Aidant d'un voisin"));
    Jobs.runAll(engine, id);
    purgeHistory(id);
    Http.Response view = http.get("/api/social-aid-requests/" + id, "conseiller", "demo");
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.json().get("status").asText()).isEqualTo("REFUSED");
    assertThat(view.json().get("motivation").asText()).contains("GIR 1 ou 2");
  }

  @Test
  void aPaidDeathClaim() {
    String member = "M-HIST-" + System.nanoTime() % 100000;
    members.save(new Member(member, "Membre " + member, LocalDate.of(1965, 3, 3), "ACTIVE", "MA", false,
        LocalDate.of(2000, 1, 1), "AG-075"));
    Http.Response claim = http.post("/api/death-claims", "conseiller", "demo", """
        {"memberId": "%s", "event": "PTIA", "eventDate": "2024-05-10", "memberCategory": "ACTIVE",
         "annualContributionBase": 40000, "family": [], "designation": {"type": "STANDARD"}}""".formatted(member));
    String id = claim.json().get("id").asText();
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult()
        .getId(), Map.of("documentsComplete", true));
    Jobs.runAll(engine, id);
    // RULES §6 Decision: a médecin-conseil recognises the PTIA.
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult()
        .getId(), Map.of("ptiaDecision", "RECOGNISED"));
    Jobs.runAll(engine, id);
    engine.getTaskService().createTaskQuery().processInstanceId(id).list()
        .forEach(task -> engine.getTaskService().complete(task.getId(), Map.of("beneficiaryCheck", "VERIFIED", "iban", "FR7630006000011234567890189")));
    Jobs.runAll(engine, id);
    purgeHistory(id);
    Http.Response view = http.get("/api/death-claims/" + id, "conseiller", "demo");
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.json().get("status").asText()).isEqualTo("CLOSED");
    assertThat(view.json().get("capitalAmount").decimalValue()).isPositive();
    assertThat(view.json().get("beneficiaries")).isNotEmpty();
    assertThat(view.json().get("beneficiaries").get(0).get("paymentStatus").asText()).isEqualTo("PAYMENT_ORDERED");
  }
}
