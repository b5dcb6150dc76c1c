package fr.misp.backoffice.autonomy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.payment.PaymentOrders;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.Jobs;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Review: R-PTA-2 caps a member at four quarters across stoppages, but only quarters already PAID are counted.
 * Two claims for the same (overlapping) stoppage, one day apart, are both assessed before either pays: each
 * schedules four quarters, and the same period is paid twice.
 */
@H2AppTest
class PtaOverlappingClaimsReviewTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MemberDirectory members;
  @Autowired PaymentOrders payments;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  private String claim(String member, LocalDate start) {
    Http.Response created = http.post("/api/temporary-autonomy-claims", "conseiller", "demo", """
        {"memberId": "%s", "stoppageStartDate": "%s"}""".formatted(member, start));
    assertThat(created.status()).as(created.body()).isIn(200, 201);
    return created.json().get("id").asText();
  }

  private void recognise(String id) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
    assertThat(http.post("/engine-rest/task/" + task.getId() + "/claim", "medecin", "demo", "{\"userId\": \"medecin\"}")
        .status()).isEqualTo(204);
    assertThat(http.post("/engine-rest/task/" + task.getId() + "/complete", "medecin", "demo", """
        {"variables": {"pathologyAssessment": {"value": "RECOGNISED"}, "ptaCondition": {"value": "CANCER"}}}""")
        .status()).isEqualTo(204);
    Jobs.runAll(engine, id);
  }

  private void fireQuarter(String id) {
    var timer = engine.getManagementService().createJobQuery().processInstanceId(id).timers().singleResult();
    engine.getManagementService().executeJob(timer.getId());
    Jobs.runAll(engine, id);
  }

  @Test
  void twoClaimsForOneStoppageNeverScheduleOrPayMoreThanFourQuarters() {
    String member = "M-PTA-DUP-" + System.nanoTime() % 100000;
    members.save(new Member(member, "Matthieu Roy", LocalDate.of(1980, 5, 5), "ACTIVE", "MA", false,
        LocalDate.of(2005, 1, 1), "AG-075"));
    String first = claim(member, LocalDate.now().minusDays(40));
    String second = claim(member, LocalDate.now().minusDays(39));
    // The same stoppage declared again is the same claim: one schedule, one first quarter.
    assertThat(second).isEqualTo(first);
    recognise(first);
    int scheduled = http.get("/api/temporary-autonomy-claims/" + first, "conseiller", "demo").json().get("quarters").size();
    fireQuarter(first);
    String firstKey = http.get("/api/temporary-autonomy-claims/" + first, "conseiller", "demo").json()
        .get("businessKey").asText();
    BigDecimal ordered = payments.of(firstKey).stream().map(PaymentOrders.PaymentOrder::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(ordered).as("the first quarter of one stoppage, ordered once").isEqualByComparingTo("400.00");
    assertThat(scheduled).as("quarters scheduled for one member").isLessThanOrEqualTo(4);
  }
}
