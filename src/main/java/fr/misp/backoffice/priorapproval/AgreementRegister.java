package fr.misp.backoffice.priorapproval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The register of issued agreements (table {@code agreement}): one per prior-approval request. */
@Repository
public class AgreementRegister {

  /** One issued agreement. */
  public record Agreement(String agreementNumber, String businessKey, String careType, BigDecimal approvedAmount,
      String currency, LocalDate validFrom, LocalDate validUntil) {}

  private final JdbcClient jdbc;

  public AgreementRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Agreement> find(String businessKey) {
    return jdbc.sql("""
        select agreement_number, business_key, care_type, approved_amount, currency, valid_from, valid_until
        from agreement where business_key = ?""").param(businessKey).query(Agreement.class).optional();
  }

  public void record(Agreement agreement, String memberId, String establishmentId) {
    jdbc.sql("""
        insert into agreement (agreement_number, business_key, member_id, establishment_id, care_type, approved_amount,
        currency, valid_from, valid_until, issued_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(agreement.agreementNumber(), agreement.businessKey(), memberId, establishmentId, agreement.careType(),
            agreement.approvedAmount(), agreement.currency(), agreement.validFrom(), agreement.validUntil(),
            LocalDateTime.now())
        .update();
  }
}
