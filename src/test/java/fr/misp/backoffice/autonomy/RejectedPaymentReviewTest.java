package fr.misp.backoffice.autonomy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.payment.PaymentOrders;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.Jobs;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Review: a payment order rejected by a gestionnaire is a dead end. Nothing is reopened (no paymentException, no
 * task, no notice), and the business record keeps saying the money was paid: a PTA quarter stays PAID and still
 * counts among the member's four quarters (R-PTA-2) although nothing left the bank.
 */
@H2AppTest
class RejectedPaymentReviewTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MemberDirectory members;
  @Autowired PaymentOrders payments;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void aRejectedQuarterIsNeitherShownPaidNorCountedAgainstTheMember() {
    String member = "M-PTA-REJ-" + System.nanoTime() % 100000;
    members.save(new Member(member, "Matthieu Roy", LocalDate.of(1980, 5, 5), "ACTIVE", "MA", false,
        LocalDate.of(2005, 1, 1), "AG-075"));
    Http.Response created = http.post("/api/temporary-autonomy-claims", "conseiller", "demo", """
        {"memberId": "%s", "stoppageStartDate": "%s"}""".formatted(member, LocalDate.now().minusDays(40)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asText();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
    assertThat(http.post("/engine-rest/task/" + task.getId() + "/claim", "medecin", "demo", "{\"userId\": \"medecin\"}")
        .status()).isEqualTo(204);
    assertThat(http.post("/engine-rest/task/" + task.getId() + "/complete", "medecin", "demo", """
        {"variables": {"pathologyAssessment": {"value": "RECOGNISED"}, "ptaCondition": {"value": "CANCER"}}}""")
        .status()).isEqualTo(204);
    Jobs.runAll(engine, id);
    var timer = engine.getManagementService().createJobQuery().processInstanceId(id).timers().singleResult();
    engine.getManagementService().executeJob(timer.getId());
    Jobs.runAll(engine, id);
    JsonNode claim = http.get("/api/temporary-autonomy-claims/" + id, "conseiller", "demo").json();
    String businessKey = claim.get("businessKey").asText();
    PaymentOrders.PaymentOrder order = payments.of(businessKey).get(0);
    assertThat(order.status()).isEqualTo(PaymentOrders.ORDERED);

    Http.Response rejected = http.post("/api/payment-orders/" + order.endToEndId() + "/rejection", "gestionnaire", "demo",
        "{\"reason\": \"Doublon supposé\"}");
    assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);

    JsonNode after = http.get("/api/temporary-autonomy-claims/" + id, "conseiller", "demo").json();
    assertThat(after.get("quarters").get(0).get("status").asText()).as("quarter 1 after its order was rejected")
        .isNotEqualTo("PAID");
  }
}
