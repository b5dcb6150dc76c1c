package fr.misp.backoffice.socialaid;

import fr.misp.backoffice.rules.socialaid.LoanScheduleCalculator.Instalment;
import fr.misp.backoffice.rules.socialaid.LoanScheduleCalculator.Schedule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The business record of each Action Sociale request (tables {@code social_aid_file} and
 * {@code loan_instalment}): opened with the request, then decided by the step that decides, in that
 * step's transaction, with the repayment schedule of a loan. What the API answers; it outlives the
 * engine's history.
 */
@Repository
public class SocialAidFiles {

  /** One request and its decision so far. */
  public record File(String businessKey, String memberId, String agencyCode, String aidType, BigDecimal requestedAmount,
      Boolean eligible, String decision, BigDecimal grantedAmount, Integer grantedDurationMonths, String motivation) {}

  private final JdbcClient jdbc;

  public SocialAidFiles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void open(String businessKey, String memberId, String agencyCode, String aidType, BigDecimal requestedAmount) {
    jdbc.sql("""
        insert into social_aid_file (business_key, member_id, agency_code, aid_type, requested_amount, created_at)
        values (?, ?, ?, ?, ?, ?)""")
        .params(businessKey, memberId, agencyCode, aidType, requestedAmount, LocalDateTime.now()).update();
  }

  /** The person an allowance is for, when not the member (an orphan), and who acts for them if a minor. */
  void beneficiary(String businessKey, String name, LocalDate birthDate, String legalRepresentative) {
    jdbc.sql("""
        update social_aid_file set beneficiary_name = ?, beneficiary_birth_date = ?, legal_representative = ?
        where business_key = ?""").params(name, birthDate, legalRepresentative, businessKey).update();
  }

  /** Who an allowance is for (null name: the member), and the legal representative recorded on the file. */
  public record Beneficiary(String name, LocalDate birthDate, String legalRepresentative) {}

  public Optional<Beneficiary> beneficiaryOf(String businessKey) {
    return jdbc.sql("""
        select beneficiary_name, beneficiary_birth_date, legal_representative from social_aid_file
        where business_key = ? and beneficiary_name is not null""").param(businessKey)
        .query((rs, n) -> new Beneficiary(rs.getString(1), rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate(),
            rs.getString(3))).optional();
  }

  void assessed(String businessKey, boolean eligible) {
    jdbc.sql("update social_aid_file set eligible = ? where business_key = ?").params(eligible, businessKey).update();
  }

  void decided(String businessKey, String decision, BigDecimal grantedAmount, Integer months, String motivation) {
    jdbc.sql("""
        update social_aid_file set decision = ?, granted_amount = ?, granted_duration_months = ?, motivation = ?,
        decided_at = ? where business_key = ?""")
        .params(decision, grantedAmount, months, motivation, LocalDateTime.now(), businessKey).update();
  }

  /** The schedule replaces any earlier one of the same file (a retried step writes the same rows). */
  void schedule(String businessKey, Schedule schedule) {
    jdbc.sql("delete from loan_instalment where business_key = ?").param(businessKey).update();
    for (Instalment instalment : schedule.instalments()) {
      jdbc.sql("insert into loan_instalment (business_key, number, due_date, amount) values (?, ?, ?, ?)")
          .params(businessKey, instalment.number(), instalment.dueDate(), instalment.amount()).update();
    }
  }

  public Optional<File> byProcessInstance(String processInstanceId) {
    return jdbc.sql("""
        select f.business_key, f.member_id, f.agency_code, f.aid_type, f.requested_amount, f.eligible, f.decision,
        f.granted_amount, f.granted_duration_months, f.motivation
        from social_aid_file f join process_request r on r.business_key = f.business_key
        where r.process_instance_id = ?""").param(processInstanceId).query(File.class).optional();
  }

  /** The schedule of a loan or advance, or empty for other aids. */
  public Optional<Schedule> scheduleOf(String businessKey) {
    List<Instalment> instalments = jdbc.sql("select number, due_date, amount from loan_instalment where business_key = ? "
        + "order by number").param(businessKey).query(Instalment.class).list();
    if (instalments.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal total = instalments.stream().map(Instalment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    return Optional.of(new Schedule(instalments, total));
  }
}
