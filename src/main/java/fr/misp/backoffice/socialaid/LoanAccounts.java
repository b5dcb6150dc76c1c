package fr.misp.backoffice.socialaid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The repayment account of a social loan or special advance (R-AS-2): its schedule ({@code loan_instalment}),
 * what was received, what is late. Receipts pay the oldest instalments first and credit the agency's
 * endowment of the year back (a loan is an advance of the endowment, not a grant).
 */
@Repository
public class LoanAccounts implements fr.misp.backoffice.payment.IncomingTransfers {

  /** One account. */
  public record Account(String businessKey, String reference, String memberId, String agencyCode, BigDecimal principal,
      BigDecimal repaid, String status) {
    public BigDecimal outstanding() {
      return principal.subtract(repaid);
    }
  }

  /** One instalment and what was received on it. */
  public record Line(int number, LocalDate dueDate, BigDecimal amount, BigDecimal paidAmount, String status) {}

  /** Where an account stands on a day: instalments missed (past due and grace), the next day to look again. */
  public record Review(boolean settled, int missed, BigDecimal overdue, LocalDate nextDueCheck) {}

  public static final String ACTIVE = "ACTIVE";
  public static final String SETTLED = "SETTLED";
  public static final String WRITTEN_OFF = "WRITTEN_OFF";
  /** The loan was never lent: its payment was cancelled as not due, nothing is owed. */
  public static final String CANCELLED = "CANCELLED";

  private final JdbcClient jdbc;
  private final Endowments endowments;

  public LoanAccounts(JdbcClient jdbc, Endowments endowments) {
    this.jdbc = jdbc;
    this.endowments = endowments;
  }

  /** Opens the account of a disbursed loan once (its schedule is already in loan_instalment). */
  public Account open(String businessKey, String memberId, String agencyCode, BigDecimal principal) {
    jdbc.sql("""
        insert into loan_account (business_key, reference, member_id, agency_code, principal, status, created_at)
        select ?, ?, ?, ?, ?, 'ACTIVE', ? where not exists (select 1 from loan_account where business_key = ?)""")
        .params(businessKey, newReference(), memberId, agencyCode, principal, LocalDateTime.now(), businessKey).update();
    return find(businessKey).orElseThrow();
  }

  static String newReference() {
    return "MISP-PRET-" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
  }

  public Optional<Account> find(String businessKey) {
    return jdbc.sql("select business_key, reference, member_id, agency_code, principal, repaid, status from loan_account "
        + "where business_key = ?").param(businessKey).query(Account.class).optional();
  }

  public Optional<Account> byReference(String reference) {
    return jdbc.sql("select business_key, reference, member_id, agency_code, principal, repaid, status from loan_account "
        + "where reference = ?").param(reference).query(Account.class).optional();
  }

  public List<Line> lines(String businessKey) {
    return jdbc.sql("select number, due_date, amount, paid_amount, status from loan_instalment where business_key = ? "
        + "order by number").param(businessKey).query(Line.class).list();
  }

  static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile("MISP-PRET-[0-9A-F]{8}");

  /** A transfer whose remittance names a loan's reference is a repayment of that loan. */
  @Override
  public boolean receive(String remittance, BigDecimal amount, LocalDate day) {
    java.util.regex.Matcher reference = REFERENCE.matcher(remittance == null ? "" : remittance);
    return reference.find() && repay(reference.group(), amount, day);
  }

  /**
   * A repayment received on {@code day}: applied to the oldest instalments still due, the account settled when
   * nothing is left, the endowment of the year credited. Refused (false) when the account is not active or
   * the amount is more than what is owed — a person then looks at it.
   */
  @Transactional
  public boolean repay(String reference, BigDecimal amount, LocalDate day) {
    Account account = byReference(reference).orElse(null);
    if (account == null || !ACTIVE.equals(account.status()) || amount.signum() <= 0
        || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(account.outstanding()) > 0) {
      return false;
    }
    int changed = jdbc.sql("update loan_account set repaid = repaid + ?, status = case when repaid + ? = principal "
            + "then 'SETTLED' else status end where business_key = ? and status = 'ACTIVE' and repaid + ? <= principal")
        .params(amount, amount, account.businessKey(), amount).update();
    if (changed == 0) {
      return false;
    }
    BigDecimal left = amount;
    for (Line line : lines(account.businessKey())) {
      if (left.signum() == 0) {
        break;
      }
      if (!"DUE".equals(line.status())) {
        continue;
      }
      BigDecimal applied = left.min(line.amount().subtract(line.paidAmount()));
      left = left.subtract(applied);
      jdbc.sql("update loan_instalment set paid_amount = paid_amount + ?, status = case when paid_amount + ? >= amount "
          + "then 'PAID' else 'DUE' end where business_key = ? and number = ?")
          .params(applied, applied, account.businessKey(), line.number()).update();
    }
    endowments.credit(account.agencyCode(), day.getYear(), amount);
    return true;
  }

  @Override
  public boolean knows(String reference) {
    return byReference(reference.trim()).filter(account -> ACTIVE.equals(account.status())).isPresent();
  }

  /** Missed: due before {@code day − graceDays} and not fully received. */
  public Review review(String businessKey, LocalDate day, int graceDays, int reminderDays) {
    Account account = find(businessKey).orElseThrow();
    if (!ACTIVE.equals(account.status())) {
      return new Review(true, 0, BigDecimal.ZERO, null);
    }
    int missed = 0;
    BigDecimal overdue = BigDecimal.ZERO;
    LocalDate next = null;
    for (Line line : lines(businessKey)) {
      if (!"DUE".equals(line.status())) {
        continue;
      }
      LocalDate late = line.dueDate().plusDays(graceDays);
      if (late.isBefore(day)) {
        missed++;
        overdue = overdue.add(line.amount().subtract(line.paidAmount()));
      } else if (next == null || late.isBefore(next)) {
        next = late;
      }
    }
    if (missed > 0) {
      LocalDate reminder = day.plusDays(reminderDays);
      next = next == null || reminder.isBefore(next) ? reminder : next;
    }
    return new Review(false, missed, overdue, next == null ? day.plusDays(reminderDays) : next.plusDays(1));
  }

  /**
   * The commission reschedules what is owed over {@code months} monthly instalments from {@code day} + 1 month:
   * equal instalments rounded down to the cent, the last takes the remainder (RULES §8 Decision).
   */
  @Transactional
  public void reschedule(String businessKey, int months, LocalDate day) {
    Account account = find(businessKey).orElseThrow();
    if (!ACTIVE.equals(account.status())) {
      throw new IllegalStateException("Only an active loan is rescheduled");
    }
    BigDecimal owed = account.outstanding();
    // Never an instalment of 0,00 €: no more instalments than cents owed.
    months = (int) Math.max(1, Math.min(months, owed.movePointRight(2).longValue()));
    List<Line> lines = lines(businessKey);
    int next = lines.stream().mapToInt(Line::number).max().orElse(0) + 1; // numbers are never reused
    // What was received on an instalment still due stays received (that instalment is settled at what came in);
    // the rest of the old schedule goes.
    jdbc.sql("delete from loan_instalment where business_key = ? and status = 'DUE' and paid_amount = 0")
        .param(businessKey).update();
    jdbc.sql("update loan_instalment set amount = paid_amount, status = 'PAID' where business_key = ? and status = 'DUE'")
        .param(businessKey).update();
    for (var instalment : fr.misp.backoffice.rules.socialaid.LoanScheduleCalculator.split(owed, months, day, next)
        .instalments()) {
      jdbc.sql("insert into loan_instalment (business_key, number, due_date, amount) values (?, ?, ?, ?)")
          .params(businessKey, instalment.number(), instalment.dueDate(), instalment.amount()).update();
    }
  }

  /** The commission writes the rest off: nothing more is claimed. */
  @Transactional
  public void writeOff(String businessKey) {
    jdbc.sql("update loan_account set status = 'WRITTEN_OFF' where business_key = ? and status = 'ACTIVE'")
        .param(businessKey).update();
    jdbc.sql("update loan_instalment set status = 'WRITTEN_OFF' where business_key = ? and status = 'DUE'")
        .param(businessKey).update();
  }

  /** The loan's payment was cancelled as not due: nothing was lent, so nothing is claimed (its review ends it). */
  @Transactional
  public boolean cancel(String businessKey) {
    if (jdbc.sql("update loan_account set status = ? where business_key = ? and status = ? and repaid = 0")
        .params(CANCELLED, businessKey, ACTIVE).update() == 0) {
      return false;
    }
    jdbc.sql("update loan_instalment set status = ? where business_key = ? and status = 'DUE'")
        .params(CANCELLED, businessKey).update();
    return true;
  }
}
