package fr.misp.backoffice.payment;

import fr.misp.backoffice.rules.Parameters;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Port to the bank, as an outbox: an order is written once per order key in the same transaction as
 * the process step, then follows its lifecycle — ORDERED → APPROVED → SENT → PAID, or REJECTED /
 * RETURNED — in {@link PaymentLifecycle} and {@link SepaBatches}. A retried step orders nothing twice.
 */
@Component
public class PaymentOrders {

  /** One payment order as the lifecycle sees it. */
  public record PaymentOrder(String orderKey, String businessKey, String beneficiary, BigDecimal amount, String purpose,
      String onBehalfOf, String status, String decidedBy, String iban, String bic, String approvedBy, String batchId,
      String endToEndId, String statusReason) {}

  /**
   * What a process step orders: to whom, how much, why, decided by whom, to which account (if known);
   * {@code accountChanged}: the account replaces one the bank refused, so a gestionnaire approves it.
   */
  public record NewOrder(String orderKey, String businessKey, String beneficiary, BigDecimal amount, String purpose,
      String onBehalfOf, String decidedBy, BankDetails bankDetails, boolean accountChanged) {
    public NewOrder(String orderKey, String businessKey, String beneficiary, BigDecimal amount, String purpose,
        String onBehalfOf, String decidedBy, BankDetails bankDetails) {
      this(orderKey, businessKey, beneficiary, amount, purpose, onBehalfOf, decidedBy, bankDetails, false);
    }
  }

  public static final String ORDERED = "ORDERED";
  public static final String APPROVED = "APPROVED";
  public static final String SENT = "SENT";
  public static final String PAID = "PAID";
  public static final String REJECTED = "REJECTED";
  public static final String RETURNED = "RETURNED";
  /** A rejected or returned order an advisor cancelled as not due: never paid, never ordered again. */
  public static final String CANCELLED = "CANCELLED";
  static final String FOUR_EYES_THRESHOLD = "P-PAY-FOUR-EYES-THRESHOLD";
  static final String COLUMNS = "order_key, business_key, beneficiary, amount, purpose, on_behalf_of, status, decided_by, "
      + "iban, bic, approved_by, batch_id, end_to_end_id, status_reason";

  private final JdbcClient jdbc;
  private final org.springframework.jdbc.core.JdbcTemplate batch;
  private final Parameters parameters;

  public PaymentOrders(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, Parameters parameters) {
    this.batch = batch;
    this.jdbc = jdbc;
    this.parameters = parameters;
  }

  /** @return true when ordered now, false when this order key had already been ordered. */
  public boolean orderOnce(String orderKey, String businessKey, String beneficiary, BigDecimal amount, String purpose) {
    return orderOnce(new NewOrder(orderKey, businessKey, beneficiary, amount, purpose, null, null, null));
  }

  /**
   * An order paid to {@code beneficiary} on behalf of another person (a minor's or a protected adult's
   * legal representative, RULES §7 Decision); {@code onBehalfOf} null when paid to the person entitled.
   */
  public boolean orderOnce(String orderKey, String businessKey, String beneficiary, BigDecimal amount, String purpose,
      String onBehalfOf) {
    return orderOnce(new NewOrder(orderKey, businessKey, beneficiary, amount, purpose, onBehalfOf, null, null));
  }

  /**
   * Orders once. An order up to P-PAY-FOUR-EYES-THRESHOLD with its bank details is approved at once; above
   * it, or without an account to pay, it waits for a gestionnaire (who is never the person who decided it).
   *
   * @return true when ordered now, false when this order key had already been ordered.
   */
  public boolean orderOnce(NewOrder order) {
    Integer existing = jdbc.sql("select count(*) from payment_order where order_key = ?").param(order.orderKey())
        .query(Integer.class).single();
    if (existing > 0) {
      return false;
    }
    jdbc.sql(INSERT + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").params(row(order)).update();
    return true;
  }

  /**
   * Orders many at once, each once, with the rules of {@link #orderOnce(NewOrder)}: a monthly payroll of
   * tens of thousands of allowances is one batched statement, not two round trips per order.
   *
   * @return how many were ordered now (the others had already been ordered).
   */
  public int orderAll(List<NewOrder> orders) {
    var present = fr.misp.backoffice.platform.db.BulkInsert.existing(batch, "payment_order", "order_key",
        orders.stream().map(NewOrder::orderKey).toList(), null);
    List<Object[]> rows = fr.misp.backoffice.platform.db.BulkInsert.without(orders, NewOrder::orderKey, present).stream()
        .map(this::row).toList();
    return fr.misp.backoffice.platform.db.BulkInsert.rows(batch, "payment_order", ORDER_COLUMNS, rows);
  }

  private static final List<String> ORDER_COLUMNS = List.of("order_key", "business_key", "beneficiary", "amount", "purpose",
      "on_behalf_of", "created_at", "status", "decided_by", "iban", "bic", "approved_by", "approved_at", "end_to_end_id",
      "status_reason");

  private static final String INSERT = "insert into payment_order (order_key, business_key, beneficiary, amount, purpose, "
      + "on_behalf_of, created_at, status, decided_by, iban, bic, approved_by, approved_at, end_to_end_id, status_reason) ";

  /**
   * An order up to P-PAY-FOUR-EYES-THRESHOLD with its bank details is approved at once; above it, or without an
   * account to pay, it waits for a gestionnaire (who is never the person who decided it).
   */
  private Object[] row(NewOrder order) {
    boolean approvedAtOnce = order.bankDetails() != null && !order.accountChanged() && !needsFourEyes(order.amount());
    LocalDateTime now = LocalDateTime.now();
    return new Object[] {order.orderKey(), order.businessKey(), order.beneficiary(), order.amount(), order.purpose(),
        order.onBehalfOf(), now, approvedAtOnce ? APPROVED : ORDERED, order.decidedBy(),
        order.bankDetails() == null ? null : order.bankDetails().iban(),
        order.bankDetails() == null ? null : order.bankDetails().bic(),
        approvedAtOnce ? "system" : null, approvedAtOnce ? now : null, newEndToEndId(),
        order.bankDetails() == null ? "Coordonnées bancaires à compléter"
            : order.accountChanged() ? "Nouvelles coordonnées après un retour de la banque" : null};
  }

  /**
   * Cancels a rejected or returned order as not due, with who and why; false when it is not (or no longer) one of
   * those — a retried step cancels nothing twice.
   */
  public boolean cancel(String orderKey, String by, String motivation) {
    String reason = "Annulé, non dû : " + motivation;
    return jdbc.sql("update payment_order set status = ?, cancelled_by = ?, cancelled_at = ?, status_reason = ? "
        + "where order_key = ? and status in (?, ?)").params(CANCELLED, by, LocalDateTime.now(),
        reason.length() > 200 ? reason.substring(0, 200) : reason, orderKey, REJECTED, RETURNED).update() == 1;
  }

  boolean needsFourEyes(BigDecimal amount) {
    return amount.compareTo(parameters.require(FOUR_EYES_THRESHOLD, LocalDate.now(), "amount").value()) > 0;
  }

  /** A SEPA end-to-end id: unique, 35 characters, letters and digits only. */
  static String newEndToEndId() {
    return ("MISP" + UUID.randomUUID().toString().replace("-", "")).substring(0, 35).toUpperCase(java.util.Locale.ROOT);
  }

  public List<PaymentOrder> of(String businessKey) {
    return jdbc.sql("select " + COLUMNS + " from payment_order where business_key = ? order by order_key")
        .param(businessKey).query(PaymentOrder.class).list();
  }

  public Optional<PaymentOrder> byKey(String orderKey) {
    return jdbc.sql("select " + COLUMNS + " from payment_order where order_key = ?").param(orderKey)
        .query(PaymentOrder.class).optional();
  }

  public Optional<PaymentOrder> byEndToEndId(String endToEndId) {
    return jdbc.sql("select " + COLUMNS + " from payment_order where end_to_end_id = ?").param(endToEndId)
        .query(PaymentOrder.class).optional();
  }

  public List<PaymentOrder> withStatus(String status) {
    return jdbc.sql("select " + COLUMNS + " from payment_order where status = ? order by created_at, order_key")
        .param(status).query(PaymentOrder.class).list();
  }

  public List<PaymentOrder> inBatch(String batchId) {
    return jdbc.sql("select " + COLUMNS + " from payment_order where batch_id = ? order by order_key").param(batchId)
        .query(PaymentOrder.class).list();
  }
}
