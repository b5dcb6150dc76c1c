package fr.misp.backoffice.payment;

import fr.misp.backoffice.payment.PaymentOrders.PaymentOrder;
import fr.misp.backoffice.platform.web.ForbiddenException;
import fr.misp.backoffice.platform.web.InvalidRequestException;
import fr.misp.backoffice.platform.web.NotFoundException;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The human steps of an order before it reaches the bank: a gestionnaire approves it (four eyes: never
 * the person who decided the payment) or rejects it, and completes missing bank details. Each step is a
 * conditional update, so two clicks at once change an order once.
 */
@Service
public class PaymentLifecycle {

  private final JdbcClient jdbc;
  private final PaymentOrders orders;
  private final fr.misp.backoffice.platform.engine.ProcessRequests requests;

  private final BeneficiaryNames names;

  public PaymentLifecycle(JdbcClient jdbc, PaymentOrders orders,
      fr.misp.backoffice.platform.engine.ProcessRequests requests, BeneficiaryNames names) {
    this.names = names;
    this.jdbc = jdbc;
    this.orders = orders;
    this.requests = requests;
  }

  @Transactional
  public PaymentOrder approve(String orderKey, String approver) {
    PaymentOrder order = ordered(orderKey);
    if (approver.equals(order.decidedBy()) || approver.equals(bankDetailsBy(orderKey))) {
      throw new ForbiddenException("Contrôle à quatre yeux : vous avez décidé ce paiement, un autre gestionnaire "
          + "doit l'approuver (de même après un changement de coordonnées bancaires) / Four eyes: the person who "
          + "decided a payment, or changed its bank details, cannot approve it");
    }
    if (order.iban() == null) {
      throw InvalidRequestException.of("iban", "missing", "Coordonnées bancaires à compléter avant l'approbation",
          "Bank details are missing");
    }
    // The same checks again in the update itself: a bank-details change at the same instant cannot slip between.
    int changed = jdbc.sql("update payment_order set status = 'APPROVED', approved_by = ?, approved_at = ?, "
            + "status_reason = null where order_key = ? and status = 'ORDERED' and iban is not null "
            + "and coalesce(decided_by, '') <> ? and coalesce(bank_details_by, '') <> ?")
        .params(approver, LocalDateTime.now(), orderKey, approver, approver).update();
    if (changed == 0) {
      throw notOrdered();
    }
    return orders.byKey(orderKey).orElseThrow();
  }

  /**
   * Rejects an order, with its reason; the advisor then orders it again (corrected) or cancels it — never a
   * dead end ({@code paymentException}, kind REJECTED).
   */
  @Transactional
  public PaymentOrder reject(String orderKey, String approver, String reason) {
    ordered(orderKey);
    int changed = jdbc.sql("update payment_order set status = 'REJECTED', approved_by = ?, approved_at = ?, "
            + "status_reason = ? where order_key = ? and status = 'ORDERED'")
        .params(approver, LocalDateTime.now(), reason, orderKey).update();
    if (changed == 0) {
      throw notOrdered();
    }
    PaymentOrder rejected = orders.byKey(orderKey).orElseThrow();
    java.util.Map<String, Object> variables = new java.util.HashMap<>();
    PaymentExceptionVariables.KIND.put(variables, PaymentExceptionElements.Kind.REJECTED);
    PaymentExceptionVariables.ORDER_KEY.put(variables, orderKey);
    PaymentExceptionVariables.BENEFICIARY.put(variables, names.of(rejected.beneficiary())); // shown on the task
    PaymentExceptionVariables.AMOUNT.put(variables, rejected.amount());
    PaymentExceptionVariables.BANK_REASON.put(variables, "Rejeté par un gestionnaire : " + reason);
    requests.startOnce(fr.misp.backoffice.platform.engine.ProcessKeys.PAYMENT_EXCEPTION,
        "PX-REJECT-" + rejected.endToEndId(), "system", variables);
    return rejected;
  }

  /**
   * Completes or corrects the bank details of an order not yet approved. Whatever the amount, the order
   * then waits for another gestionnaire's approval: an account changed by one person is never paid on
   * that person's word alone.
   */
  @Transactional
  public PaymentOrder bankDetails(String orderKey, BankDetails details, String by) {
    ordered(orderKey);
    int changed = jdbc.sql("update payment_order set iban = ?, bic = ?, bank_details_by = ?, status_reason = null "
            + "where order_key = ? and status = 'ORDERED'")
        .params(details.iban(), details.bic(), by, orderKey).update();
    if (changed == 0) {
      throw notOrdered();
    }
    return orders.byKey(orderKey).orElseThrow();
  }

  private String bankDetailsBy(String orderKey) {
    java.util.List<String> values = jdbc.sql("select bank_details_by from payment_order where order_key = ?")
        .param(orderKey).query((rs, n) -> rs.getString(1)).list();
    return values.isEmpty() ? null : values.get(0);
  }

  private PaymentOrder ordered(String orderKey) {
    PaymentOrder order = orders.byKey(orderKey).orElseThrow(() ->
        new NotFoundException("Ordre de paiement inconnu / Unknown payment order"));
    if (!PaymentOrders.ORDERED.equals(order.status())) {
      throw notOrdered();
    }
    return order;
  }

  private static InvalidRequestException notOrdered() {
    return InvalidRequestException.of("status", "not_awaiting_approval", "Cet ordre n'attend plus d'approbation",
        "This order no longer awaits approval");
  }
}
