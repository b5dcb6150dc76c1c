package fr.misp.backoffice.socialaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.misp.backoffice.payment.PaymentOrders;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.Jobs;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Review: a social aid's payment order records nobody as its decider (orderAidPayment uses the short orderOnce),
 * so four eyes only separates "typed the IBAN" from "approved": a commission member who is also a gestionnaire
 * approves the aid he granted himself once a colleague has completed the account.
 */
@H2AppTest
class AidDeciderFourEyesReviewTest {

  /** The demo commission member, who is also made a gestionnaire for the approval only. */
  static final String DECIDER = "commission";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired PaymentOrders payments;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    AbstractAssertions.init(engine);
  }

  @Test
  void theCommissionMemberWhoGrantedAnAidCannotApproveItsPayment() {
    Http.Response started = http.post("/api/social-aid-requests", "conseiller", "demo", """
        {"memberId": "M-ES-001", "agencyCode": "AG-075", "situation": "HIGH_HEALTH_COSTS", "aidType": "SOCIAL_LOAN",
         "requestedAmount": 777.77, "monthlyResources": 2100, "monthlyCharges": 900, "householdSize": 3,
         "childrenUnder14": 1, "durationMonths": 12}""");
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(started.json().get("id").asText()).singleResult();
    complete(task("buildSocialFile", pi), withVariables("fileComplete", true, "advisorOpinion", "Dossier complet"));
    Jobs.runAll(engine, pi.getId());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).list())
        .extracting(t -> t.getTaskDefinitionKey()).containsExactly("commissionDecision");
    String decision = task("commissionDecision", pi).getId();
    engine.getIdentityService().setAuthentication(DECIDER, java.util.List.of("commission-action-sociale"));
    try {
      engine.getTaskService().complete(decision, withVariables("commissionDecision", "GRANT", "grantedAmount", 700,
          "grantedDurationMonths", 3, "motivation", "Accord du prêt"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    Jobs.runAll(engine, pi.getId());
    PaymentOrders.PaymentOrder order = payments.of(pi.getBusinessKey()).get(0);
    assertThat(http.put("/api/payment-orders/" + order.endToEndId() + "/bank-details", "gestionnaire", "demo",
        "{\"iban\": \"FR7630006000011234567890189\"}").status()).isEqualTo(200);
    Http.Response approval;
    engine.getIdentityService().createMembership(DECIDER, "gestionnaires");
    try {
      approval = http.post("/api/payment-orders/" + order.endToEndId() + "/approval", DECIDER, "demo", "");
    } finally {
      engine.getIdentityService().deleteMembership(DECIDER, "gestionnaires");
    }
    assertThat(approval.status()).as("the aid's decider approving its payment (decided_by = %s)", order.decidedBy())
        .isEqualTo(403);
  }
}
