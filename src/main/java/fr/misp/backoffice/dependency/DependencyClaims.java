package fr.misp.backoffice.dependency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of each total-dependency claim ({@code dependency_claim}) and what was paid ({@code dependency_payment}). */
@Repository
public class DependencyClaims implements fr.misp.backoffice.member.OpenBenefits {

  /** One claim. */
  public record Claim(String businessKey, String memberId, LocalDate dependencyStart, LocalDate dependencyEnd, Integer gir,
      String decision, String refusalReasons, String explanation, LocalDate firstPayment, BigDecimal monthlyAnnuity) {}

  /** One period paid. */
  public record Paid(String period, BigDecimal amount) {}

  private static final String COLUMNS = "business_key, member_id, dependency_start, dependency_end, gir, decision, "
      + "refusal_reasons, explanation, first_payment, monthly_annuity";

  private final JdbcClient jdbc;

  public DependencyClaims(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void open(String businessKey, String memberId, LocalDate start) {
    jdbc.sql("insert into dependency_claim (business_key, member_id, dependency_start, created_at) values (?, ?, ?, ?)")
        .params(businessKey, memberId, start, LocalDateTime.now()).update();
  }

  void gir(String businessKey, int gir) {
    jdbc.sql("update dependency_claim set gir = ? where business_key = ?").params(gir, businessKey).update();
  }

  void decided(String businessKey, String decision, String reasons, String explanation, LocalDate firstPayment,
      BigDecimal annuity) {
    jdbc.sql("update dependency_claim set decision = ?, refusal_reasons = ?, explanation = ?, first_payment = ?, "
        + "monthly_annuity = ? where business_key = ?")
        .params(decision, reasons, explanation, firstPayment, annuity, businessKey).update();
  }

  void ended(String businessKey, LocalDate end) {
    jdbc.sql("update dependency_claim set dependency_end = ? where business_key = ?").params(end, businessKey).update();
  }

  /** Records a period paid once; false when it already was (a retried step). */
  boolean paid(String businessKey, String period, BigDecimal amount) {
    return jdbc.sql("insert into dependency_payment (business_key, period, amount, paid_at) select ?, ?, ?, ? "
        + "where not exists (select 1 from dependency_payment where business_key = ? and period = ?)")
        .params(businessKey, period, amount, LocalDateTime.now(), businessKey, period).update() == 1;
  }

  public List<Paid> payments(String businessKey) {
    return jdbc.sql("select period, amount from dependency_payment where business_key = ? order by paid_at, period")
        .param(businessKey).query(Paid.class).list();
  }

  public Optional<Claim> byBusinessKey(String businessKey) {
    return jdbc.sql("select " + COLUMNS + " from dependency_claim where business_key = ?").param(businessKey)
        .query(Claim.class).optional();
  }

  public Optional<Claim> byProcessInstance(String processInstanceId) {
    return jdbc.sql("select c." + COLUMNS.replace(", ", ", c.") + " from dependency_claim c join process_request r "
        + "on r.business_key = c.business_key where r.process_instance_id = ?").param(processInstanceId)
        .query(Claim.class).optional();
  }

  @Override
  public String kind() {
    return "TOTAL_DEPENDENCY";
  }

  @Override
  public List<Benefit> openFor(String memberId) {
    return jdbc.sql("select business_key, dependency_start from dependency_claim where member_id = ? and dependency_end is null and decision = 'GRANTED'")
        .param(memberId).query((rs, n) -> new Benefit(kind(), rs.getString(1), rs.getDate(2).toLocalDate())).list();
  }

  @Override
  public int endFor(String memberId, LocalDate end, String reason) {
    return jdbc.sql("update dependency_claim set dependency_end = ? where member_id = ? and dependency_start <= ? "
        + "and (dependency_end is null or dependency_end > ?)").params(end, memberId, end, end).update();
  }
}
