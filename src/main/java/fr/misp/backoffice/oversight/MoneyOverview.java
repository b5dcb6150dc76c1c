package fr.misp.backoffice.oversight;

import fr.misp.backoffice.payment.PaymentOrders;
import fr.misp.backoffice.payment.SepaBatches;
import fr.misp.backoffice.rules.Parameters;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the money stands, for the managers: orders waiting for a second pair of eyes, batches sent, what the
 * bank returned or a manager rejected, and the social loans in arrears (an instalment past its due date and
 * grace, P-AS-REPAYMENT-GRACE-DAYS, not fully received). Approving stays the payment API's.
 */
@Component
public class MoneyOverview {

  static final String GRACE_DAYS = "P-AS-REPAYMENT-GRACE-DAYS";
  static final int MAX_ORDERS = 100;

  /** A loan in arrears. */
  public record Arrears(String businessKey, String reference, String memberId, String agencyCode, BigDecimal principal,
      BigDecimal repaid, BigDecimal outstanding, int missed, BigDecimal overdue, LocalDate oldestDue) {}

  /** An order, with the French name of its status; {@code hasAccount}: bank details are known. */
  public record Order(String endToEndId, String businessKey, String beneficiary, String onBehalfOf, BigDecimal amount,
      String status, String statusLabel, String decidedBy, boolean hasAccount, String statusReason) {}

  /** The oldest orders of a status (at most {@link #MAX_ORDERS}) and how many there are. */
  public record Orders(long total, List<Order> oldest) {}

  /** A batch sent to the bank. */
  public record Batch(String id, String createdBy, java.time.OffsetDateTime createdAt, int numberOfOrders,
      BigDecimal controlSum) {}

  /** The whole view. */
  public record View(Orders toApprove, List<Batch> batches, Orders returned, Orders rejected, List<Arrears> loanArrears,
      int graceDays) {}

  private final JdbcClient jdbc;
  private final SepaBatches batches;
  private final Parameters parameters;

  private final fr.misp.backoffice.payment.BeneficiaryNames names;

  public MoneyOverview(JdbcClient jdbc, SepaBatches batches, Parameters parameters,
      fr.misp.backoffice.payment.BeneficiaryNames names) {
    this.names = names;
    this.jdbc = jdbc;
    this.batches = batches;
    this.parameters = parameters;
  }

  public View on(LocalDate day) {
    int grace = parameters.require(GRACE_DAYS, day, "loanArrears").value().intValueExact();
    return new View(list(PaymentOrders.ORDERED), batches.recent().stream().map(b -> new Batch(b.id(), b.createdBy(),
        FinishedFiles.paris(java.sql.Timestamp.valueOf(b.createdAt())), b.numberOfOrders(), b.controlSum().setScale(2)))
        .toList(), list(PaymentOrders.RETURNED),
        list(PaymentOrders.REJECTED), arrears(day, grace), grace);
  }

  private Orders list(String status) {
    long total = jdbc.sql("select count(*) from payment_order where status = ?").param(status).query(Long.class).single();
    List<Order> oldest = jdbc.sql("""
        select end_to_end_id, business_key, beneficiary, on_behalf_of, amount, status, decided_by, iban, status_reason
        from payment_order where status = ? order by created_at, order_key fetch first""" + " " + MAX_ORDERS + " rows only")
        .param(status).query((rs, n) -> new Order(rs.getString(1), rs.getString(2), names.of(rs.getString(3)),
            rs.getString(4), rs.getBigDecimal(5).setScale(2), rs.getString(6), Labels.paymentStatus(rs.getString(6)),
            rs.getString(7), rs.getString(8) != null, rs.getString(9))).list();
    return new Orders(total, oldest);
  }

  private List<Arrears> arrears(LocalDate day, int graceDays) {
    return jdbc.sql("""
        select a.business_key, a.reference, a.member_id, a.agency_code, a.principal, a.repaid, count(*),
        sum(i.amount - i.paid_amount), min(i.due_date) from loan_account a
        join loan_instalment i on i.business_key = a.business_key
        where a.status = 'ACTIVE' and i.status = 'DUE' and i.due_date < ?
        group by a.business_key, a.reference, a.member_id, a.agency_code, a.principal, a.repaid
        order by min(i.due_date), a.business_key""")
        .param(day.minusDays(graceDays))
        .query((rs, n) -> new Arrears(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getBigDecimal(5).setScale(2), rs.getBigDecimal(6).setScale(2),
            rs.getBigDecimal(5).subtract(rs.getBigDecimal(6)).setScale(2), rs.getInt(7), rs.getBigDecimal(8).setScale(2),
            rs.getDate(9).toLocalDate())).list();
  }
}
