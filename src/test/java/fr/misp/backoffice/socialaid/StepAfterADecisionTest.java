package fr.misp.backoffice.socialaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.misp.backoffice.notification.OutboxNotifications;
import fr.misp.backoffice.payment.PaymentOrders;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.Jobs;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A commit after every human step: the commission's decision is kept whatever happens to the steps
 * that follow it (reservation, payment order, notice), which run as a job with retries and end as an
 * incident for a manager. The technical fault is real: the notice outbox table is taken away from
 * the database, then given back. Retries pay once and notify once.
 */
@H2AppTest
class StepAfterADecisionTest {

  private static final AtomicInteger CASE = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired PaymentOrders payments;
  @Autowired OutboxNotifications outbox;
  @Autowired Endowments endowments;

  @AfterEach
  void databaseBack() {
    repair();
  }

  private void breakNotices() {
    jdbc.sql("alter table notification_outbox rename to notification_outbox_away").update();
  }

  private void repair() {
    try {
      jdbc.sql("alter table notification_outbox_away rename to notification_outbox").update();
    } catch (RuntimeException notBroken) {
      // already in place
    }
  }

  /** A grant file waiting for the commission, as the advisor leaves it. */
  private String fileAtCommission() {
    Http http = new Http(port);
    Http.Response started = http.post("/api/social-aid-requests", "conseiller", "demo", """
        {"memberId": "M-ES-001", "agencyCode": "AG-075", "situation": "FAMILY_EVENT", "aidType": "GRANT",
         "requestedAmount": %d, "monthlyResources": 900, "monthlyCharges": 850, "householdSize": 1}"""
        .formatted(410 + CASE.incrementAndGet()));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String id = started.json().get("id").asText();
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult()
        .getId(), java.util.Map.of("fileComplete", true, "advisorOpinion", "Dossier complet"));
    Jobs.runAll(engine, id);
    return id;
  }

  /** The commission decides in Tasklist's way (engine REST as the commission member): 204 whatever follows. */
  private void commissionGrants(String id, int amount) {
    String task = engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("commissionDecision")
        .singleResult().getId();
    Http http = new Http(port);
    assertThat(http.post("/engine-rest/task/" + task + "/claim", "commission", "demo", "{\"userId\":\"commission\"}")
        .status()).isEqualTo(204);
    assertThat(http.post("/engine-rest/task/" + task + "/submit-form", "commission", "demo", """
        {"variables": {"commissionDecision": {"value": "GRANT"}, "grantedAmount": {"value": %d},
         "motivation": {"value": "Aide accordée"}}}""".formatted(amount)).status()).isEqualTo(204);
  }

  private Job nextStep(String id) {
    return engine.getManagementService().createJobQuery().processInstanceId(id).messages().singleResult();
  }

  private String businessKey(String id) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey();
  }

  @Test
  void aStepThatFailsTwiceThenSucceedsPaysOnceAndNotifiesOnce() {
    String id = fileAtCommission();
    String businessKey = businessKey(id);
    breakNotices();
    commissionGrants(id, 400);
    // The decision is committed; the next step is a job of its own, with three tries.
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(id)
        .taskDefinitionKey("commissionDecision").finished().count()).isEqualTo(1);
    Job step = nextStep(id);
    assertThat(step).isNotNull();
    for (int attempt = 1; attempt <= 2; attempt++) {
      assertThatThrownBy(() -> engine.getManagementService().executeJob(step.getId())).isInstanceOf(Exception.class);
    }
    assertThat(nextStep(id).getRetries()).isEqualTo(1);
    assertThat(nextStep(id).getDuedate()).isAfter(new java.util.Date());
    assertThat(payments.of(businessKey)).isEmpty();
    assertThat(engine.getRuntimeService().getVariable(id, "commissionDecision")).isEqualTo("GRANT");

    repair();
    engine.getManagementService().executeJob(step.getId());
    assertThat(payments.of(businessKey)).singleElement().satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("400"));
    assertThat(outbox.queuedFor(businessKey)).filteredOn(q -> q.kind().contains("GRANT")).hasSize(1);
    assertThat(jdbc.sql("select count(*) from endowment_reservation where business_key like ?")
        .param(businessKey + "%").query(Long.class).single()).isEqualTo(1);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(id).count()).isZero();
  }

  @Test
  void afterTheLastTryAManagerSeesAnIncidentAndPutsTheStepBackToWork() {
    String id = fileAtCommission();
    String businessKey = businessKey(id);
    breakNotices();
    commissionGrants(id, 350);
    Job step = nextStep(id);
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThatThrownBy(() -> engine.getManagementService().executeJob(step.getId())).isInstanceOf(Exception.class);
    }
    Http http = new Http(port);
    Http.Response incidents = http.get("/engine-rest/incident?processInstanceId=" + id, "gestionnaire", "demo");
    assertThat(incidents.json()).hasSize(1);
    assertThat(incidents.json().get(0).get("activityId").asText()).isEqualTo("reserveEndowment");
    // Nobody else may put it back to work; the manager may.
    assertThat(http.put("/engine-rest/job/" + step.getId() + "/retries", "conseiller", "demo", "{\"retries\":1}")
        .status()).isEqualTo(403);
    repair();
    assertThat(http.put("/engine-rest/job/" + step.getId() + "/retries", "gestionnaire", "demo", "{\"retries\":1}")
        .status()).isEqualTo(204);
    // The step runs again when it is due (the retry cycle's 5 minutes): here, now.
    engine.getManagementService().executeJob(step.getId());
    Jobs.runAll(engine, id);
    assertThat(payments.of(businessKey)).hasSize(1);
    assertThat(outbox.queuedFor(businessKey)).filteredOn(q -> q.kind().contains("GRANT")).hasSize(1);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(id).count()).isZero();
    assertThat(endowments.find("AG-075", LocalDate.now().getYear())).isPresent();
  }
}
