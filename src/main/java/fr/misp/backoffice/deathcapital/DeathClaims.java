package fr.misp.backoffice.deathcapital;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The business record of each death or PTIA claim (table {@code death_claim}; its payees are in
 * {@code death_claim_payee}): opened with the claim, then the capital and majoration with their
 * explanation, written by the step that computes them. What the API answers; it outlives the
 * engine's history.
 */
@Repository
public class DeathClaims {

  /** One claim and its amounts so far. */
  public record Claim(String businessKey, String memberId, String event, LocalDate eventDate, BigDecimal capitalAmount,
      BigDecimal majorationPerChild, BigDecimal majorationAmount, String capitalExplanation) {}

  private final JdbcClient jdbc;

  public DeathClaims(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void open(String businessKey, DeathClaimRequest request) {
    jdbc.sql("insert into death_claim (business_key, member_id, event, event_date, created_at) values (?, ?, ?, ?, ?)")
        .params(businessKey, request.memberId(), request.event().name(), request.eventDate(), LocalDateTime.now()).update();
  }

  void computed(String businessKey, BigDecimal capital, BigDecimal perChild, BigDecimal majoration, String explanation) {
    jdbc.sql("update death_claim set capital_amount = ?, majoration_per_child = ?, majoration_amount = ?, "
        + "capital_explanation = ? where business_key = ?")
        .params(capital, perChild, majoration, explanation, businessKey).update();
  }

  /** A claim that ends without capital (a PTIA the médecin-conseil does not recognise). */
  void decided(String businessKey, String decision) {
    jdbc.sql("update death_claim set decision = ? where business_key = ?").params(decision, businessKey).update();
  }

  /** The decision that ended the claim without capital, if any. */
  public Optional<String> decisionOf(String businessKey) {
    return jdbc.sql("select decision from death_claim where business_key = ? and decision is not null").param(businessKey)
        .query(String.class).optional();
  }

  public Optional<Claim> byBusinessKey(String businessKey) {
    return jdbc.sql("""
        select business_key, member_id, event, event_date, capital_amount, majoration_per_child, majoration_amount,
        capital_explanation from death_claim where business_key = ?""").param(businessKey).query(Claim.class).optional();
  }

  public Optional<Claim> byProcessInstance(String processInstanceId) {
    return jdbc.sql("""
        select c.business_key, c.member_id, c.event, c.event_date, c.capital_amount, c.majoration_per_child,
        c.majoration_amount, c.capital_explanation
        from death_claim c join process_request r on r.business_key = c.business_key
        where r.process_instance_id = ?""").param(processInstanceId).query(Claim.class).optional();
  }
}
