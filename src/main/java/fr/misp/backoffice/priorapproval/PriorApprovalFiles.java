package fr.misp.backoffice.priorapproval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The business record of each prior-approval request (table {@code prior_approval_file}): opened
 * with the request, routed, then decided by the step that decides (refusal, closure, agreement), in
 * that step's transaction. What the API answers; it outlives the engine's history.
 */
@Repository
public class PriorApprovalFiles {

  /** One request and its decision so far. */
  public record File(String businessKey, String memberId, String careType, String country, String establishmentId,
      LocalDate receivedDate, LocalDate admissionDate, LocalDate pregnancyStartDate, BigDecimal quoteAmount,
      String quoteCurrency, String administrator, String decision, String decisionReason, BigDecimal approvedAmount,
      String agreementNumber, String previousBusinessKey) {

    /**
     * RULES §9 Decision: a request that ended without a decision on the care (closed incomplete,
     * refused as late or out of network) may be filed again, as a new file.
     */
    boolean mayBeFiledAgain() {
      return "CLOSED_INCOMPLETE".equals(decision) || "REFUSED".equals(decision)
          && ("HORS_DELAI".equals(decisionReason) || "ETABLISSEMENT_HORS_RESEAU".equals(decisionReason));
    }
  }

  private final JdbcClient jdbc;

  public PriorApprovalFiles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void open(String businessKey, PriorApprovalRequest request, String country, String previousBusinessKey) {
    jdbc.sql("""
        insert into prior_approval_file (business_key, member_id, care_type, country, establishment_id, received_date,
        admission_date, pregnancy_start_date, quote_amount, quote_currency, previous_business_key, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(businessKey, request.memberId(), request.type().name(), country, request.establishmentId(),
            request.receivedDate(), request.plannedAdmissionDate(), request.pregnancyStartDate(), request.quoteAmount(),
            request.quoteCurrency() == null ? "EUR" : request.quoteCurrency(), previousBusinessKey, LocalDateTime.now())
        .update();
  }

  Optional<File> byBusinessKey(String businessKey) {
    return jdbc.sql(SELECT + " where f.business_key = ?").param(businessKey).query(File.class).optional();
  }

  private static final String SELECT = """
      select f.business_key, f.member_id, f.care_type, f.country, f.establishment_id, f.received_date, f.admission_date,
      f.pregnancy_start_date, f.quote_amount, f.quote_currency, f.administrator, f.decision, f.decision_reason,
      f.approved_amount, f.agreement_number, f.previous_business_key from prior_approval_file f""";

  void routed(String businessKey, String administrator) {
    jdbc.sql("update prior_approval_file set administrator = ? where business_key = ?").params(administrator, businessKey)
        .update();
  }

  /** The quote the administrator recorded on buildFile (it replaces the one the request may have carried). */
  void quoted(String businessKey, BigDecimal amount, String currency) {
    jdbc.sql("update prior_approval_file set quote_amount = ?, quote_currency = ? where business_key = ?")
        .params(amount, currency, businessKey).update();
  }

  void decided(String businessKey, String decision, String reason, BigDecimal approvedAmount, String agreementNumber) {
    jdbc.sql("""
        update prior_approval_file set decision = ?, decision_reason = ?, approved_amount = ?, agreement_number = ?,
        decided_at = ? where business_key = ?""")
        .params(decision, reason, approvedAmount, agreementNumber, LocalDateTime.now(), businessKey).update();
  }

  /** The member's files that ended with an agreement, most recent first. */
  public java.util.List<File> agreementsOf(String memberId) {
    return jdbc.sql("""
        select business_key, member_id, care_type, country, establishment_id, received_date, admission_date,
        pregnancy_start_date, quote_amount, quote_currency, administrator, decision, decision_reason, approved_amount,
        agreement_number, previous_business_key from prior_approval_file
        where member_id = ? and agreement_number is not null order by created_at desc""").param(memberId)
        .query(File.class).list();
  }

  public Optional<File> byProcessInstance(String processInstanceId) {
    return jdbc.sql(SELECT + " join process_request r on r.business_key = f.business_key where r.process_instance_id = ?")
        .param(processInstanceId).query(File.class).optional();
  }
}
