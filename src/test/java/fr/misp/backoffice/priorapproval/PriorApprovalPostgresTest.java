package fr.misp.backoffice.priorapproval;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.network.Establishment;
import fr.misp.backoffice.network.MedicalNetwork;
import fr.misp.backoffice.notification.OutboxNotifications;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.Jobs;
import fr.misp.backoffice.support.PostgresProdAppTest;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The prior-approval happy path on a real PostgreSQL, in the prod profile, over HTTP. */
@PostgresProdAppTest
class PriorApprovalPostgresTest {

  private static final String PASSWORD = "Pg-Flow-Passw0rd!";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MemberDirectory members;
  @Autowired MedicalNetwork network;
  @Autowired OutboxNotifications outbox;

  private void user(String id, String group) {
    if (engine.getIdentityService().createUserQuery().userId(id).count() == 0) {
      User user = engine.getIdentityService().newUser(id);
      user.setPassword(PASSWORD);
      engine.getIdentityService().saveUser(user);
      engine.getIdentityService().createMembership(id, group);
    }
  }

  @Test
  void happyPathOnPostgres() {
    user("pg-advisor", Groups.ADVISORS);
    user("pg-ima", Groups.IMA);
    user("pg-doctor", Groups.MEDICAL_ADVISERS);
    members.save(new Member("M-PT-900", "Inès Costa", LocalDate.of(1985, 6, 1), "ACTIVE", "PT", false,
        LocalDate.of(2019, 1, 1), "AG-075"));
    network.create(new Establishment("PT-LIS-01", "Hospital de Santa Maria", "PT", "Lisbonne"));
    Http http = new Http(port);
    LocalDate today = LocalDate.now();
    Http.Response started = http.post("/api/prior-approvals", "pg-advisor", PASSWORD, """
        {"memberId": "M-PT-900", "type": "HOSPITALISATION", "countryOfResidence": "PT-20", "receivedDate": "%s",
         "plannedAdmissionDate": "%s", "establishmentId": "PT-LIS-01", "quoteAmount": 3100.40, "quoteCurrency": "EUR"}"""
        .formatted(today, today.plusDays(21)));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String id = started.json().get("id").asText();
    assertThat(started.json().get("administrator").asText()).isEqualTo("IMA");

    String buildFile = engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("buildFile").singleResult().getId();
    assertThat(http.post("/engine-rest/task/" + buildFile + "/submit-form", "pg-ima", PASSWORD, """
        {"variables": {"documentsComplete": {"value": true}, "quoteAmount": {"value": 3100.4}, "quoteCurrency": {"value": "EUR"}}}""")
        .status()).isEqualTo(204);
    String review = engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("medicalReview").singleResult().getId();
    assertThat(http.post("/engine-rest/task/" + review + "/submit-form", "pg-doctor", PASSWORD, """
        {"variables": {"medicalDecision": {"value": "APPROVE"}, "medicalNotes": {"value": "PG-SECRET"}}}""").status()).isEqualTo(204);
    // The agreement is issued by the job that follows the médecin's decision (a commit after each human step).
    Jobs.runAll(engine, id);

    Http.Response view = http.get("/api/prior-approvals/" + id, "pg-advisor", PASSWORD);
    assertThat(view.json().get("status").asText()).isEqualTo("APPROVED");
    assertThat(view.json().get("agreementNumber").asText()).startsWith("ACC-");
    assertThat(view.body()).contains("\"approvedAmount\":3100.40").doesNotContain("PG-SECRET");
    assertThat(http.get("/engine-rest/history/detail?processInstanceId=" + id, "admin",
        fr.misp.backoffice.support.EmbeddedPostgresInitializer.ADMIN_PASSWORD).body()).doesNotContain("PG-SECRET");
    assertThat(http.get("/api/prior-approvals/" + id + "/medical-notes", "pg-doctor", PASSWORD).body()).contains("PG-SECRET");
    assertThat(outbox.queuedFor(view.json().get("businessKey").asText())).extracting(q -> q.recipient())
        .containsExactlyInAnyOrder("member:M-PT-900", "administrator:IMA");
  }
}
