package fr.misp.backoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.misp.backoffice.payment.PaymentOrders.NewOrder;
import fr.misp.backoffice.payment.PaymentOrders.PaymentOrder;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.Jobs;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A rejected order is never a dead end: the advisor orders it again (approved by a gestionnaire) or cancels it. */
@H2AppTest
class RejectedPaymentTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired PaymentOrders orders;

  private PaymentOrder ordered(String key) {
    orders.orderOnce(new NewOrder(key, "FILE-" + key, "Rose Blanc", new BigDecimal("6000.00"), "DEATH_CAPITAL", null,
        "conseiller", BankDetails.of("FR7630006000011234567890189", null).orElseThrow()));
    return orders.byKey(key).orElseThrow();
  }

  private String rejectAndFindReview(Http http, PaymentOrder order) {
    assertThat(http.post("/api/payment-orders/" + order.endToEndId() + "/rejection", "gestionnaire", "demo",
        "{\"reason\": \"Doublon supposé\"}").status()).isEqualTo(200);
    var exception = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("PX-REJECT-" + order.endToEndId()).singleResult();
    assertThat(engine.getRuntimeService().getActiveActivityIds(exception.getId())).containsExactly("reviewRejectedPayment");
    return exception.getId();
  }

  @Test
  void theAdvisorOrdersARejectedPaymentAgainOrCancelsIt() {
    Http http = new Http(port);
    String suffix = String.valueOf(System.nanoTime() % 1000000);
    PaymentOrder first = ordered("REJ-A-" + suffix);
    String review = rejectAndFindReview(http, first);
    String task = engine.getTaskService().createTaskQuery().processInstanceId(review).singleResult().getId();
    assertThat(engine.getTaskService().getVariable(task, "bankReason")).isEqualTo("Rejeté par un gestionnaire : Doublon supposé");
    assertThatThrownBy(() -> engine.getTaskService().complete(task, Map.of("rejectedPaymentDecision", "ORDER_AGAIN")))
        .hasMessageContaining("motivation");
    engine.getTaskService().complete(task, Map.of("rejectedPaymentDecision", "ORDER_AGAIN",
        "rejectedPaymentMotivation", "Pas de doublon : un seul paiement pour ce bénéficiaire"));
    Jobs.runAll(engine, review);
    assertThat(orders.of(first.businessKey())).hasSize(2).filteredOn(o -> o.orderKey().contains(":REPRISE-"))
        .singleElement().satisfies(o -> {
          assertThat(o.status()).isEqualTo(PaymentOrders.ORDERED);
          assertThat(o.iban()).isEqualTo(first.iban());
          assertThat(o.amount()).isEqualByComparingTo("6000.00");
        });

    PaymentOrder second = ordered("REJ-B-" + suffix);
    String cancel = rejectAndFindReview(http, second);
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(cancel).singleResult()
        .getId(), Map.of("rejectedPaymentDecision", "CANCEL", "rejectedPaymentMotivation", "Paiement non dû"));
    Jobs.runAll(engine, cancel);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(cancel).count()).isZero();
    assertThat(orders.of(second.businessKey())).singleElement().satisfies(o -> {
      assertThat(o.status()).isEqualTo(PaymentOrders.CANCELLED);
      assertThat(o.statusReason()).isEqualTo("Annulé, non dû : Paiement non dû");
    });
  }
}
