package fr.misp.backoffice.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.Jobs;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox delivered to a real SMTP server (GreenMail, started by the test): a real prior approval
 * through the API and the engine, its notices sent once each with their PDF, read back from the
 * received mail; the file's letters through /api with the file's own access rules; a mail server
 * down: retries, then a failed notice a manager sees (list, metric, engine incident) and puts back to work.
 */
@H2AppTest
@ExtendWith(OutputCaptureExtension.class)
class LetterDeliveryTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired Letters letters;
  @Autowired Recipients recipients;
  @Autowired DeathCapitalNotices deathCapitalNotices;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    AbstractAssertions.init(engine);
  }

  NoticeDispatcher dispatcher(String node, int smtpPort, int maxAttempts) {
    LettersProperties properties = Mailboxes.properties(maxAttempts, Duration.ZERO, 20);
    return new NoticeDispatcher(jdbc, letters, new Recipients(new FileRecords(jdbc), properties), Mailboxes.smtp(smtpPort),
        engine.getRuntimeService(), properties, deathCapitalNotices, node, Clock.systemDefaultZone());
  }

  String start(String memberId, String country, String establishment, int daysBefore) {
    LocalDate received = LocalDate.now();
    Http.Response response = http.post("/api/prior-approvals", "conseiller", "demo", """
        {"memberId": "%s", "type": "HOSPITALISATION", "countryOfResidence": "%s", "receivedDate": "%s",
         "plannedAdmissionDate": "%s", "establishmentId": "%s", "quoteAmount": 4321.09, "quoteCurrency": "EUR"}"""
        .formatted(memberId, country, received, received.plusDays(daysBefore), establishment));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  String businessKey(String processInstanceId) {
    return jdbc.sql("select business_key from process_request where process_instance_id = ?").param(processInstanceId)
        .query(String.class).single();
  }

  @Test
  void anAgreementReachesTheMemberAndTheAdministratorOnceWithItsPdf() throws Exception {
    String id = start("M-ES-001", "ES", "ES-MAD-01", 43);
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    complete(task("buildFile", pi), withVariables("documentsComplete", true, "quoteAmount", 4321.09, "quoteCurrency", "EUR"));
    Jobs.runAll(engine, id);
    complete(task("medicalReview", pi), withVariables("medicalDecision", "APPROVE_ADJUSTED", "approvedAmount", 3987.65,
        "medicalNotes", "DIAGNOSTIC-CONFIDENTIEL"));
    Jobs.runAll(engine, id);
    String key = businessKey(id);

    long start = System.nanoTime();
    NoticeDispatcher.Round round = dispatcher("node-a", smtp.getSmtp().getPort(), 5).dispatchDue(key);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(round).isEqualTo(new NoticeDispatcher.Round(2, 2, 0, 0));
    // A second round, another node: nothing is sent twice.
    assertThat(dispatcher("node-b", smtp.getSmtp().getPort(), 5).dispatchDue(key)).isEqualTo(new NoticeDispatcher.Round(0, 0, 0, 0));

    MimeMessage[] received = smtp.getReceivedMessages();
    List<MimeMessage> ours = Arrays.stream(received).filter(m -> subject(m).contains(key)).toList();
    assertThat(ours).hasSize(2);
    assertThat(ours).extracting(m -> m.getAllRecipients()[0].toString())
        .containsExactlyInAnyOrder("lucie.martin@adherent.example", "ima@gestionnaire.example");
    String number = jdbc.sql("select agreement_number from agreement where business_key = ?").param(key).query(String.class)
        .single();
    for (MimeMessage mail : ours) {
      assertThat(mail.getSubject()).contains("Accord de prise en charge n° " + number);
      assertThat(mail.getMessageID()).startsWith("<").endsWith("@misp-backoffice>");
      String pdf = Mailboxes.text(Mailboxes.pdf(mail).orElseThrow());
      assertThat(pdf).contains(number).contains("Lucie Martin").contains("Hospital Universitario La Paz (Madrid)")
          .contains("Tarif accordé 3 987,65 €").contains("Devis présenté 4 321,09 €").contains("AG-075")
          .contains("médiateur").doesNotContain("DIAGNOSTIC");
    }
    assertThat(jdbc.sql("select count(*) from notification_outbox where business_key = ? and sent_at is not null "
        + "and message_id is not null").param(key).query(Integer.class).single()).isEqualTo(2);
    System.out.println("Agreement: 2 letters rendered and mailed in " + millis + " ms");

    // The file's letters, for those who may read the file.
    Http.Response list = http.get("/api/files/" + id + "/letters", "conseiller", "demo");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(list.json().get("letters")).hasSize(2);
    assertThat(list.body()).contains("\"status\":\"SENT\"").doesNotContain("adherent.example").doesNotContain("DIAGNOSTIC");
    String letterId = list.json().get("letters").get(0).get("letterId").asText();
    HttpResponse<byte[]> pdf = Mailboxes.getBytes(port, "/api/files/" + id + "/letters/" + letterId, "ima", "demo");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(Mailboxes.text(pdf.body())).contains(number);
    assertThat(Letters.sha256(pdf.body())).isEqualTo(list.json().get("letters").get(0).get("sha256").asText());
    assertThat(http.get("/api/files/" + id + "/letters", "medecin", "demo").status()).isEqualTo(200);
    // HCS does not follow IMA's zone; the commission and the monitoring account do not read prior approvals.
    assertThat(http.get("/api/files/" + id + "/letters", "hcs", "demo").status()).isEqualTo(403);
    assertThat(Mailboxes.getBytes(port, "/api/files/" + id + "/letters/" + letterId, "hcs", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/files/" + id + "/letters", "commission", "demo").status()).isEqualTo(403);
    assertThat(http.get("/api/files/unknown-file/letters", "conseiller", "demo").status()).isEqualTo(404);
    assertThat(Mailboxes.getBytes(port, "/api/files/" + id + "/letters/unknown-letter", "conseiller", "demo").statusCode())
        .isEqualTo(404);
  }

  @Test
  void aMailServerDownRetriesThenAManagerSeesTheFailureAndPutsItBack(CapturedOutput output) throws Exception {
    // M-US-002 is not registered with HCS: the file waits for it, and the member is asked (a letter).
    String id = start("M-US-002", "US", "US-BOS-01", 47);
    Jobs.runAll(engine, id);
    String key = businessKey(id);
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    NoticeDispatcher down = dispatcher("node-a", closedPort, 2);
    assertThat(down.dispatchDue(key)).isEqualTo(new NoticeDispatcher.Round(1, 0, 1, 0));
    assertThat(down.dispatchDue(key)).isEqualTo(new NoticeDispatcher.Round(1, 0, 0, 1));
    assertThat(down.dispatchDue(key)).isEqualTo(new NoticeDispatcher.Round(0, 0, 0, 0));
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(id)
        .incidentType(NoticeDispatcher.INCIDENT_TYPE).count()).isEqualTo(1);

    Http.Response failed = http.get("/api/notices?status=FAILED", "gestionnaire", "demo");
    assertThat(failed.status()).isEqualTo(200);
    assertThat(failed.body()).contains(key).contains("HCS_REGISTRATION_REQUEST").contains("MailSendException")
        .doesNotContain("sophie.bernard");
    String noticeId = jdbc.sql("select id from notification_outbox where business_key = ? and failed_at is not null")
        .param(key).query(String.class).single();
    assertThat(http.get("/api/notices?status=FAILED", "conseiller", "demo").status()).isEqualTo(403);
    Http.Response bad = http.get("/api/notices?status=%3Cscript%3E", "gestionnaire", "demo");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("\"field\":\"status\"").contains("Seule la valeur FAILED").contains("Only FAILED")
        .doesNotContain("script");
    assertThat(http.post("/api/notices/no-such-notice/retry", "gestionnaire", "demo", "").status()).isEqualTo(404);

    // The mail server is back: the manager puts the notice back to work, and it goes once.
    assertThat(http.post("/api/notices/" + noticeId + "/retry", "gestionnaire", "demo", "").status()).isEqualTo(200);
    assertThat(http.post("/api/notices/" + noticeId + "/retry", "gestionnaire", "demo", "").status()).isEqualTo(400);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(id).count()).isZero();
    assertThat(dispatcher("node-b", smtp.getSmtp().getPort(), 2).dispatchDue(key)).isEqualTo(new NoticeDispatcher.Round(1, 1, 0, 0));
    List<MimeMessage> received = Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(key)).toList();
    assertThat(received).singleElement().satisfies(m -> {
      assertThat(m.getAllRecipients()[0].toString()).isEqualTo("sophie.bernard@adherent.example");
      assertThat(Mailboxes.text(Mailboxes.pdf(m).orElseThrow())).contains("Health Case Services").contains("Sophie Bernard");
    });
    // Our logs name the notice and the error's class, never an address or a name (GreenMail, the test's
    // mail server, logs the mailboxes it creates: its lines are left out).
    String ours = output.getAll().lines().filter(line -> !line.contains("icegreen")).reduce("", (a, b) -> a + b + "\n");
    assertThat(ours).contains(noticeId).doesNotContain("sophie.bernard").doesNotContain("Sophie Bernard");
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
