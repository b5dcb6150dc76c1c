package fr.misp.backoffice.priorapproval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The prior-approval API over real HTTP: bad input, rights, duplicates, and medical secrecy as each user. */
@H2AppTest
class PriorApprovalApiTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  static String body(String memberId, String country, int daysBefore, String establishment) {
    LocalDate today = LocalDate.now();
    return """
        {"memberId": "%s", "type": "HOSPITALISATION", "countryOfResidence": "%s", "receivedDate": "%s",
         "plannedAdmissionDate": "%s", "establishmentId": "%s", "quoteAmount": 2500, "quoteCurrency": "EUR"}"""
        .formatted(memberId, country, today, today.plusDays(daysBefore), establishment);
  }

  private static List<String> fields(Http.Response response) {
    List<String> fields = new ArrayList<>();
    response.json().get("errors").forEach(e -> fields.add(e.get("field").asText() + ":" + e.get("code").asText()));
    return fields;
  }

  @Test
  void theSameRequestPostedTwiceStartsOneProcess() {
    String request = body("M-ES-001", "ES", 120, "ES-MAD-01");
    Http.Response first = http.post("/api/prior-approvals", "conseiller", "demo", request);
    Http.Response second = http.post("/api/prior-approvals", "ima", "demo", request);
    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
    assertThat(first.json().get("status").asText()).isEqualTo("AWAITING_DOCUMENTS");
    assertThat(first.json().get("administrator").asText()).isEqualTo("IMA");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(first.json().get("businessKey").asText()).count()).isEqualTo(1);
  }

  @Test
  void badInputStartsNothing() {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("priorApproval").count();
    Http.Response missing = http.post("/api/prior-approvals", "conseiller", "demo", "{\"type\": \"HOSPITALISATION\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(fields(missing)).contains("memberId:must_not_be_blank", "countryOfResidence:must_not_be_blank",
        "receivedDate:must_not_be_null", "establishmentId:must_not_be_blank");
    Http.Response france = http.post("/api/prior-approvals", "conseiller", "demo", body("M-ES-001", "FR", 30, "ES-MAD-01"));
    assertThat(france.status()).isEqualTo(400);
    assertThat(fields(france)).containsExactly("countryOfResidence:not_abroad");
    assertThat(france.json().get("errors").get(0).get("message").asText()).contains("France métropolitaine et DROM");
    Http.Response drom = http.post("/api/prior-approvals", "conseiller", "demo", body("M-ES-001", "RE", 30, "ES-MAD-01"));
    assertThat(fields(drom)).containsExactly("countryOfResidence:not_abroad");
    Http.Response unknown = http.post("/api/prior-approvals", "conseiller", "demo", body("NOBODY", "ZZ", 30, "ES-MAD-01"));
    assertThat(fields(unknown)).containsExactlyInAnyOrder("countryOfResidence:unknown_territory", "memberId:unknown_member");
    Http.Response noAdmission = http.post("/api/prior-approvals", "conseiller", "demo", """
        {"memberId": "M-ES-001", "type": "HOSPITALISATION", "countryOfResidence": "ES", "receivedDate": "2024-01-01",
         "establishmentId": "ES-MAD-01"}""");
    assertThat(fields(noAdmission)).containsExactly("plannedAdmissionDate:must_not_be_null");
    Http.Response wrongType = http.post("/api/prior-approvals", "conseiller", "demo", body("M-ES-001", "ES", 30, "ES-MAD-01")
        .replace("HOSPITALISATION", "DENTAIRE"));
    assertThat(fields(wrongType)).containsExactly("type:unknown_value");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("priorApproval").count())
        .isEqualTo(before);
  }

  @Test
  void whoMayStartAndRead() {
    String request = body("M-SN-001", "SN", 130, "SN-DKR-01");
    assertThat(http.post("/api/prior-approvals", null, null, request).status()).isEqualTo(401);
    assertThat(http.post("/api/prior-approvals", "commission", "demo", request).status()).isEqualTo(403);
    assertThat(http.post("/api/prior-approvals", "medecin", "demo", request).status()).isEqualTo(403);
    Http.Response started = http.post("/api/prior-approvals", "conseiller", "demo", request);
    String id = started.json().get("id").asText();
    assertThat(http.get("/api/prior-approvals/" + id, "gestionnaire", "demo").status()).isEqualTo(200);
    assertThat(http.get("/api/prior-approvals/" + id, "commission", "demo").status()).isEqualTo(403);
    assertThat(http.get("/api/prior-approvals/unknown-id", "conseiller", "demo").status()).isEqualTo(404);
  }

  @Test
  void aPregnancyDeclaredAfterTheThirdMonthGoesToTheAdvisor() {
    LocalDate today = LocalDate.now();
    Http.Response late = http.post("/api/prior-approvals", "conseiller", "demo", """
        {"memberId": "M-SN-001", "type": "MATERNITE", "countryOfResidence": "SN", "receivedDate": "%s",
         "pregnancyStartDate": "%s", "establishmentId": "SN-DKR-01"}""".formatted(today, today.minusMonths(3)));
    assertThat(late.status()).isEqualTo(201);
    assertThat(late.json().get("status").asText()).isEqualTo("LATE_REVIEW");
    Http.Response onTime = http.post("/api/prior-approvals", "conseiller", "demo", """
        {"memberId": "M-SN-001", "type": "MATERNITE", "countryOfResidence": "SN", "receivedDate": "%s",
         "pregnancyStartDate": "%s", "establishmentId": "SN-DKR-01"}""".formatted(today, today.minusMonths(3).plusDays(1)));
    assertThat(onTime.json().get("status").asText()).isEqualTo("AWAITING_DOCUMENTS");
    for (Http.Response r : List.of(late, onTime)) {
      engine.getRuntimeService().deleteProcessInstance(r.json().get("id").asText(), "test");
    }
  }

  /** Medical secrecy: what the médecin-conseil writes is readable by médecins-conseil only. */
  @Test
  void medicalNotesAreReadableByMedicalAdvisersOnly() {
    String secret = "SECRET-" + System.nanoTime() + " tumeur maligne";
    String id = http.post("/api/prior-approvals", "conseiller", "demo", body("M-ES-001", "ES", 140, "ES-BCN-01"))
        .json().get("id").asText();
    String buildFile = engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("buildFile")
        .singleResult().getId();
    assertThat(http.post("/engine-rest/task/" + buildFile + "/submit-form", "ima", "demo", """
        {"variables": {"documentsComplete": {"value": true}, "quoteAmount": {"value": 2500}, "quoteCurrency": {"value": "EUR"}}}""")
        .status()).isEqualTo(204);
    String review = engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("medicalReview")
        .singleResult().getId();
    // A decision outside the rules is refused with a 400 and a French message; the task stays open.
    Http.Response refused = http.post("/engine-rest/task/" + review + "/submit-form", "medecin", "demo", """
        {"variables": {"medicalDecision": {"value": "APPROVE_ADJUSTED"}, "approvedAmount": {"value": 2500.01}}}""");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("dépasse le devis");
    // The médecin submits the Tasklist form: asks for more, with medical notes. The request keeps running.
    Http.Response submitted = http.post("/engine-rest/task/" + review + "/submit-form", "medecin", "demo", """
        {"variables": {"medicalDecision": {"value": "MORE_INFO"}, "medicalNotes": {"value": "%s"}}}""".formatted(secret));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);

    List<String> leaks = List.of("/engine-rest/process-instance/" + id + "/variables",
        "/engine-rest/variable-instance?processInstanceIdIn=" + id,
        "/engine-rest/history/variable-instance?processInstanceId=" + id,
        "/engine-rest/history/detail?processInstanceId=" + id,
        "/engine-rest/history/user-operation?processInstanceId=" + id,
        "/api/prior-approvals/" + id);
    for (String user : List.of("conseiller", "gestionnaire", "ima", "hcs", "medecin", "admin")) {
      for (String path : leaks) {
        Http.Response response = http.get(path, user, "demo");
        assertThat(response.body()).as(user + " " + path).doesNotContain("SECRET-");
      }
    }
    // Managers do read the history, just not the medical notes.
    assertThat(http.get("/engine-rest/history/detail?processInstanceId=" + id, "gestionnaire", "demo").body())
        .contains("medicalDecision");
    Http.Response notes = http.get("/api/prior-approvals/" + id + "/medical-notes", "medecin", "demo");
    assertThat(notes.status()).isEqualTo(200);
    JsonNode first = notes.json().get(0);
    assertThat(first.get("notes").asText()).isEqualTo(secret);
    assertThat(first.get("author").asText()).isEqualTo("medecin");
    for (String user : List.of("conseiller", "gestionnaire", "ima", "hcs", "commission")) {
      assertThat(http.get("/api/prior-approvals/" + id + "/medical-notes", user, "demo").status()).as(user).isEqualTo(403);
    }
    engine.getRuntimeService().deleteProcessInstance(id, "test");
  }

  @Test
  void membersAndNetwork() {
    Http.Response member = http.get("/api/members/M-US-001", "conseiller", "demo");
    assertThat(member.status()).isEqualTo(200);
    assertThat(member.json().get("hcsRegistered").asBoolean()).isTrue();
    assertThat(member.json().get("countryOfResidence").asText()).isEqualTo("US");
    assertThat(http.get("/api/members?residence=us", "gestionnaire", "demo").json()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(http.get("/api/members/NOBODY", "conseiller", "demo").status()).isEqualTo(404);
    assertThat(http.get("/api/members/M-US-001", "ima", "demo").status()).isEqualTo(403);

    assertThat(http.get("/api/network-establishments?country=ES", "ima", "demo").json()).hasSizeGreaterThanOrEqualTo(2);
    String clinic = "{\"id\": \"ES-SEV-01\", \"name\": \"Hospital Virgen del Rocío\", \"country\": \"ES\", \"city\": \"Séville\"}";
    assertThat(http.post("/api/network-establishments", "conseiller", "demo", clinic).status()).isEqualTo(403);
    assertThat(http.post("/api/network-establishments", "gestionnaire", "demo", clinic).status()).isEqualTo(201);
    assertThat(http.post("/api/network-establishments", "gestionnaire", "demo", clinic).status()).isEqualTo(400);
    assertThat(http.post("/api/network-establishments", "gestionnaire", "demo", "{\"id\": \"x\", \"country\": \"Spain\"}").status())
        .isEqualTo(400);
    assertThat(http.get("/api/network-establishments?country=ES", "medecin", "demo").body()).contains("Virgen del Rocío");
  }
}
