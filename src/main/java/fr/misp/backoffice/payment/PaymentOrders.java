package fr.misp.backoffice.payment;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Port to the payment gateway, as an outbox: an order is written once per order key in the same
 * transaction as the process step, and a sender passes it on. A retried step orders nothing twice.
 */
@Component
public class PaymentOrders {

  /** One payment order. */
  public record PaymentOrder(String orderKey, String businessKey, String beneficiary, BigDecimal amount, String purpose,
      String onBehalfOf) {}

  private final JdbcClient jdbc;

  public PaymentOrders(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** @return true when ordered now, false when this order key had already been ordered. */
  public boolean orderOnce(String orderKey, String businessKey, String beneficiary, BigDecimal amount, String purpose) {
    return orderOnce(orderKey, businessKey, beneficiary, amount, purpose, null);
  }

  /**
   * An order paid to {@code beneficiary} on behalf of another person (a minor's or a protected adult's
   * legal representative, RULES §7 Decision); {@code onBehalfOf} null when paid to the person entitled.
   *
   * @return true when ordered now, false when this order key had already been ordered.
   */
  public boolean orderOnce(String orderKey, String businessKey, String beneficiary, BigDecimal amount, String purpose,
      String onBehalfOf) {
    Integer existing = jdbc.sql("select count(*) from payment_order where order_key = ?").param(orderKey)
        .query(Integer.class).single();
    if (existing > 0) {
      return false;
    }
    jdbc.sql("""
        insert into payment_order (order_key, business_key, beneficiary, amount, purpose, on_behalf_of, created_at)
        values (?, ?, ?, ?, ?, ?, ?)""")
        .params(orderKey, businessKey, beneficiary, amount, purpose, onBehalfOf, LocalDateTime.now()).update();
    return true;
  }

  public List<PaymentOrder> of(String businessKey) {
    return jdbc.sql("select order_key, business_key, beneficiary, amount, purpose, on_behalf_of from payment_order where business_key = ? order by order_key")
        .param(businessKey).query(PaymentOrder.class).list();
  }
}
