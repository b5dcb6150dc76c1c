package fr.misp.backoffice.dailyallowance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of each AJ claim ({@code daily_allowance_claim}) and of each month computed ({@code daily_allowance_month}). */
@Repository
public class DailyAllowanceClaims implements fr.misp.backoffice.member.OpenBenefits {

  /** One claim. */
  public record Claim(String businessKey, String memberId, LocalDate halfPayDate, BigDecimal referenceBase,
      BigDecimal netSalaryBefore, LocalDate endDate, String endReason, String decision, String refusalReason) {}

  /** One month computed. */
  public record Month(LocalDate monthStart, BigDecimal grossPaid, BigDecimal netPaid, BigDecimal guarantee,
      BigDecimal allowance, String explanation) {}

  private static final String COLUMNS = "business_key, member_id, half_pay_date, reference_base, net_salary_before, "
      + "end_date, end_reason, decision, refusal_reason";

  private final JdbcClient jdbc;

  public DailyAllowanceClaims(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void open(String businessKey, String memberId, LocalDate halfPay, BigDecimal base, BigDecimal netBefore) {
    jdbc.sql("insert into daily_allowance_claim (business_key, member_id, half_pay_date, reference_base, "
        + "net_salary_before, created_at) values (?, ?, ?, ?, ?, ?)")
        .params(businessKey, memberId, halfPay, base, netBefore, LocalDateTime.now()).update();
  }

  void decided(String businessKey, String decision, String reason) {
    jdbc.sql("update daily_allowance_claim set decision = ?, refusal_reason = ? where business_key = ?")
        .params(decision, reason, businessKey).update();
  }

  void ended(String businessKey, LocalDate end, String reason) {
    jdbc.sql("update daily_allowance_claim set end_date = ?, end_reason = ? where business_key = ?")
        .params(end, reason, businessKey).update();
  }

  /** A month computed once: a retried step finds it and orders nothing twice. */
  boolean month(String businessKey, Month month) {
    return jdbc.sql("insert into daily_allowance_month (business_key, month_start, gross_paid, net_paid, guarantee, "
            + "allowance, explanation) select ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from daily_allowance_month "
            + "where business_key = ? and month_start = ?)")
        .params(businessKey, month.monthStart(), month.grossPaid(), month.netPaid(), month.guarantee(), month.allowance(),
            month.explanation(), businessKey, month.monthStart()).update() == 1;
  }

  public List<Month> months(String businessKey) {
    return jdbc.sql("select month_start, gross_paid, net_paid, guarantee, allowance, explanation from "
        + "daily_allowance_month where business_key = ? order by month_start").param(businessKey).query(Month.class).list();
  }

  public Optional<Claim> byBusinessKey(String businessKey) {
    return jdbc.sql("select " + COLUMNS + " from daily_allowance_claim where business_key = ?").param(businessKey)
        .query(Claim.class).optional();
  }

  public Optional<Claim> byProcessInstance(String processInstanceId) {
    return jdbc.sql("select c." + COLUMNS.replace(", ", ", c.") + " from daily_allowance_claim c join process_request r "
        + "on r.business_key = c.business_key where r.process_instance_id = ?").param(processInstanceId)
        .query(Claim.class).optional();
  }

  @Override
  public String kind() {
    return "DAILY_ALLOWANCE";
  }

  @Override
  public List<Benefit> openFor(String memberId) {
    return jdbc.sql("select business_key, half_pay_date from daily_allowance_claim where member_id = ? and end_date is null and decision = 'GRANTED'")
        .param(memberId).query((rs, n) -> new Benefit(kind(), rs.getString(1), rs.getDate(2).toLocalDate())).list();
  }

  @Override
  public int endFor(String memberId, LocalDate end, String reason) {
    return jdbc.sql("update daily_allowance_claim set end_date = ?, end_reason = ? where member_id = ? and half_pay_date <= ? "
        + "and (end_date is null or end_date > ?)").params(end, reason, memberId, end, end).update();
  }
}
