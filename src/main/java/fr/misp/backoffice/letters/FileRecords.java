package fr.misp.backoffice.letters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a letter says, read from the files' records (the application's tables written by the steps
 * that decided), never from the engine's history: a letter can be rendered again years later.
 * Read only; each process's package owns its tables.
 */
@Repository
public class FileRecords {

  public record MemberRow(String id, String name, String email, String agencyCode) {}

  public record PriorApprovalRow(String businessKey, String memberId, String careType, String country,
      String establishmentId, LocalDate receivedDate, LocalDate admissionDate, LocalDate pregnancyStartDate,
      BigDecimal quoteAmount, String quoteCurrency, String administrator, String decision, String decisionReason) {}

  public record AgreementRow(String agreementNumber, String careType, BigDecimal approvedAmount, String currency,
      LocalDate validFrom, LocalDate validUntil, String establishmentId) {}

  public record EstablishmentRow(String id, String name, String country, String city) {}

  public record SocialAidRow(String businessKey, String memberId, String agencyCode, String aidType,
      BigDecimal requestedAmount, String decision, BigDecimal grantedAmount, Integer grantedDurationMonths,
      String motivation, String beneficiaryName, String legalRepresentative) {}

  public record InstalmentRow(int number, LocalDate dueDate, BigDecimal amount) {}

  public record DeathClaimRow(String businessKey, String memberId, String event, LocalDate eventDate,
      BigDecimal capitalAmount, BigDecimal majorationPerChild, BigDecimal majorationAmount, String capitalExplanation) {}

  public record PayeeRow(int position, String name, String beneficiaryRank, String purpose, BigDecimal share,
      BigDecimal amount, String paymentStatus, String legalRepresentative) {}

  private final JdbcClient jdbc;

  public FileRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<MemberRow> member(String id) {
    return jdbc.sql("select id, name, email, agency_code from member where id = ?").param(id).query(MemberRow.class)
        .optional();
  }

  public Optional<PriorApprovalRow> priorApproval(String businessKey) {
    return jdbc.sql("""
        select business_key, member_id, care_type, country, establishment_id, received_date, admission_date,
        pregnancy_start_date, quote_amount, quote_currency, administrator, decision, decision_reason
        from prior_approval_file where business_key = ?""").param(businessKey).query(PriorApprovalRow.class).optional();
  }

  public Optional<AgreementRow> agreement(String businessKey) {
    return jdbc.sql("""
        select agreement_number, care_type, approved_amount, currency, valid_from, valid_until, establishment_id
        from agreement where business_key = ?""").param(businessKey).query(AgreementRow.class).optional();
  }

  public Optional<EstablishmentRow> establishment(String id) {
    return jdbc.sql("select id, name, country, city from network_establishment where id = ?").param(id)
        .query(EstablishmentRow.class).optional();
  }

  /** The establishments of the network in a country on a date (R-PA-4), as the refusal lists them. */
  public List<EstablishmentRow> networkIn(String country, LocalDate on) {
    return jdbc.sql("""
        select id, name, country, city from network_establishment where country = ?
        and (in_network_from is null or in_network_from <= ?) and (in_network_until is null or in_network_until >= ?)
        order by name""").params(country, on, on).query(EstablishmentRow.class).list();
  }

  public Optional<SocialAidRow> socialAid(String businessKey) {
    return jdbc.sql("""
        select business_key, member_id, agency_code, aid_type, requested_amount, decision, granted_amount,
        granted_duration_months, motivation, beneficiary_name, legal_representative from social_aid_file
        where business_key = ?""").param(businessKey)
        .query(SocialAidRow.class).optional();
  }

  public List<InstalmentRow> instalments(String businessKey) {
    return jdbc.sql("select number, due_date, amount from loan_instalment where business_key = ? order by number")
        .param(businessKey).query(InstalmentRow.class).list();
  }

  /** The reference a borrower writes on each repayment transfer (loan_account), when the loan has one. */
  public Optional<String> loanReference(String businessKey) {
    return jdbc.sql("select reference from loan_account where business_key = ?").param(businessKey).query(String.class)
        .optional();
  }

  public Optional<DeathClaimRow> deathClaim(String businessKey) {
    return jdbc.sql("""
        select business_key, member_id, event, event_date, capital_amount, majoration_per_child, majoration_amount,
        capital_explanation from death_claim where business_key = ?""").param(businessKey).query(DeathClaimRow.class)
        .optional();
  }

  public Optional<PayeeRow> payee(String claimKey, int position) {
    return jdbc.sql("""
        select position, name, beneficiary_rank, purpose, share, amount, payment_status, legal_representative
        from death_claim_payee
        where claim_key = ? and position = ?""").params(claimKey, position).query(PayeeRow.class).optional();
  }

  /** The agency of a file, whatever its process: the social file's agency, else the member's. */
  public Optional<String> agencyOf(String businessKey) {
    Optional<String> social = jdbc.sql("select agency_code from social_aid_file where business_key = ?")
        .param(businessKey).query(String.class).optional();
    if (social.isPresent()) {
      return social;
    }
    return memberOf(businessKey).flatMap(this::member).map(MemberRow::agencyCode);
  }

  /** The member a file is about. */
  public Optional<String> memberOf(String businessKey) {
    return jdbc.sql("""
        select member_id from prior_approval_file where business_key = ?
        union all select member_id from social_aid_file where business_key = ?
        union all select member_id from death_claim where business_key = ?
        union all select member_id from daily_allowance_claim where business_key = ?
        union all select member_id from disability_claim where business_key = ?
        union all select member_id from pta_claim where business_key = ?
        union all select member_id from dependency_claim where business_key = ?""")
        .params(businessKey, businessKey, businessKey, businessKey, businessKey, businessKey, businessKey)
        .query(String.class).list().stream().findFirst();
  }

  /** The explanation of an invalidity year (R-INV), or of the claim's first year when {@code year} is null. */
  public Optional<String> disabilityExplanation(String businessKey, Integer year) {
    return year == null
        ? jdbc.sql("select explanation from disability_year where business_key = ? order by benefit_year "
            + "fetch first 1 rows only").param(businessKey).query(String.class).optional()
        : jdbc.sql("select explanation from disability_year where business_key = ? and benefit_year = ?")
            .params(businessKey, year).query(String.class).optional();
  }

  /** The explanation of a month of daily allowances (R-AJ), the month as {@code 2026-03}. */
  public Optional<String> dailyAllowanceExplanation(String businessKey, String month) {
    if (!month.matches("\\d{4}-\\d{2}")) {
      return Optional.empty();
    }
    return jdbc.sql("select explanation from daily_allowance_month where business_key = ? and month_start = ?")
        .params(businessKey, java.time.LocalDate.parse(month + "-01")).query(String.class).optional();
  }
}
