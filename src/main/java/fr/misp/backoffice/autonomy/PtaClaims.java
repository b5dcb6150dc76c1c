package fr.misp.backoffice.autonomy;

import fr.misp.backoffice.rules.autonomy.TemporaryAutonomyLossCalculator.Quarter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of each PTA claim (table {@code pta_claim}) and its quarters ({@code pta_quarter}). */
@Repository
public class PtaClaims implements fr.misp.backoffice.member.OpenBenefits {

  /** One claim as the API may show it: no pathology. */
  public record Claim(String businessKey, String memberId, LocalDate stoppageStart, LocalDate stoppageEnd, String decision,
      String refusalReasons, String explanation) {}

  /** One quarter of allowance and whether it was paid. */
  public record QuarterLine(int number, LocalDate periodFrom, LocalDate periodTo, BigDecimal amount, String status) {}

  private final JdbcClient jdbc;

  public PtaClaims(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void open(String businessKey, String memberId, LocalDate start, LocalDate end) {
    jdbc.sql("insert into pta_claim (business_key, member_id, stoppage_start, stoppage_end, created_at) values (?, ?, ?, ?, ?)")
        .params(businessKey, memberId, start, end, LocalDateTime.now()).update();
  }

  /** The pathology recognised by the médecin-conseil: read by the calculation only. */
  void pathology(String businessKey, String pathology) {
    jdbc.sql("update pta_claim set pathology = ? where business_key = ?").params(pathology, businessKey).update();
  }

  String pathologyOf(String businessKey) {
    List<String> values = jdbc.sql("select pathology from pta_claim where business_key = ?").param(businessKey)
        .query((rs, n) -> rs.getString(1)).list();
    return values.isEmpty() ? null : values.get(0);
  }

  void decided(String businessKey, String decision, String refusalReasons, String explanation) {
    jdbc.sql("update pta_claim set decision = ?, refusal_reasons = ?, explanation = ? where business_key = ?")
        .params(decision, refusalReasons, explanation, businessKey).update();
  }

  /** The schedule of a granted claim, written once (a retried step writes the same rows). */
  void schedule(String businessKey, List<Quarter> quarters) {
    jdbc.sql("delete from pta_quarter where business_key = ? and status = 'SCHEDULED'").param(businessKey).update();
    for (Quarter q : quarters) {
      jdbc.sql("insert into pta_quarter (business_key, number, period_from, period_to, amount, status) "
              + "select ?, ?, ?, ?, ?, 'SCHEDULED' where not exists (select 1 from pta_quarter where business_key = ? "
              + "and number = ?)")
          .params(businessKey, q.number(), q.from(), q.to(), q.amount(), businessKey, q.number()).update();
    }
  }

  void quarterStatus(String businessKey, int number, String status) {
    jdbc.sql("update pta_quarter set status = ? where business_key = ? and number = ? and status = 'SCHEDULED'")
        .params(status, businessKey, number).update();
  }

  void stoppageEnded(String businessKey, LocalDate end) {
    jdbc.sql("update pta_claim set stoppage_end = ? where business_key = ?").params(end, businessKey).update();
  }

  /**
   * R-PTA-2: quarters already granted to the member for other stoppages (at most four in all, continuous or not):
   * paid, ordered or still scheduled — but not those whose payment a gestionnaire rejected, nor those not due.
   */
  int quartersPaidBefore(String memberId, String businessKey) {
    return jdbc.sql("select count(*) from pta_quarter q join pta_claim c on c.business_key = q.business_key "
            + "left join payment_order o on o.order_key = q.business_key || ':Q' || q.number "
            + "where c.member_id = ? and q.business_key <> ? and q.status in ('SCHEDULED', 'ORDERED') "
            + "and (o.status is null or o.status <> 'REJECTED')")
        .params(memberId, businessKey).query(Integer.class).single();
  }

  /** The process of a claim of the member whose stoppage is still open on {@code start} (one claim per stoppage). */
  Optional<String> openClaimCovering(String memberId, LocalDate start) {
    return jdbc.sql("select r.process_instance_id from pta_claim c join process_request r on r.business_key = c.business_key "
            + "where c.member_id = ? and (c.decision is null or c.decision <> 'REFUSED') and c.stoppage_start <= ? "
            + "and (c.stoppage_end is null or c.stoppage_end >= ?) order by c.stoppage_start")
        .params(memberId, start, start).query(String.class).list().stream().findFirst();
  }

  public Optional<Claim> byBusinessKey(String businessKey) {
    return jdbc.sql("select business_key, member_id, stoppage_start, stoppage_end, decision, refusal_reasons, explanation "
        + "from pta_claim where business_key = ?").param(businessKey).query(Claim.class).optional();
  }

  public Optional<Claim> byProcessInstance(String processInstanceId) {
    return jdbc.sql("select c.business_key, c.member_id, c.stoppage_start, c.stoppage_end, c.decision, c.refusal_reasons, "
        + "c.explanation from pta_claim c join process_request r on r.business_key = c.business_key "
        + "where r.process_instance_id = ?").param(processInstanceId).query(Claim.class).optional();
  }

  /** The quarters, each with where its payment stands (ORDERED, then the order's own status: PAID, REJECTED…). */
  public List<QuarterLine> quarters(String businessKey) {
    return jdbc.sql("select q.number, q.period_from, q.period_to, q.amount, case when q.status = 'ORDERED' "
        + "and o.status is not null then o.status else q.status end as status from pta_quarter q "
        + "left join payment_order o on o.order_key = q.business_key || ':Q' || q.number "
        + "where q.business_key = ? order by q.number").param(businessKey).query(QuarterLine.class).list();
  }

  @Override
  public String kind() {
    return "TEMPORARY_AUTONOMY_LOSS";
  }

  @Override
  public List<Benefit> openFor(String memberId) {
    return jdbc.sql("select business_key, stoppage_start from pta_claim where member_id = ? and stoppage_end is null and decision = 'GRANTED'")
        .param(memberId).query((rs, n) -> new Benefit(kind(), rs.getString(1), rs.getDate(2).toLocalDate())).list();
  }

  @Override
  public int endFor(String memberId, LocalDate end, String reason) {
    return jdbc.sql("update pta_claim set stoppage_end = ? where member_id = ? and stoppage_start <= ? "
        + "and (stoppage_end is null or stoppage_end > ?)").params(end, memberId, end, end).update();
  }
}
