package fr.misp.backoffice.oversight;

import fr.misp.backoffice.platform.engine.ProcessVariable;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finished files for the managers: what each file's record says (the application's tables), and who did
 * each step — the people's tasks from the engine's history, the filing and the payments from our tables.
 * Only columns that are not medical are read: pathologies, GIR, invalidity rates, refusal reasons and
 * explanations of the medical benefits, and the medical record stay out.
 */
@Component
public class FinishedFiles {

  static final ZoneId PARIS = ProcessVariable.PARIS;
  static final int MAX_ROWS = 200;

  /**
   * The member and the decision of each file, whatever its process; a loan's repayment ("LR-" + the social
   * file's key) has its account's. Every branch yields the same column types, so that a condition on the
   * key or the member reaches each table's index.
   */
  private static final String RECORDS = """
      select business_key, member_id, decision from prior_approval_file
      union all select business_key, member_id, decision from social_aid_file
      union all select business_key, member_id, decision from death_claim
      union all select business_key, member_id, decision from pta_claim
      union all select business_key, member_id, decision from dependency_claim
      union all select business_key, member_id, decision from daily_allowance_claim
      union all select business_key, member_id, decision from disability_claim""";
  private static final String LOAN_PREFIX = "LR-";

  /** Search criteria; each may be null. */
  public record Criteria(String businessKey, String memberId, String process, LocalDate filedFrom, LocalDate filedTo) {}

  /** One finished file in a list. */
  public record Row(String businessKey, String process, String processLabel, String memberId, OffsetDateTime filedAt,
      OffsetDateTime endedAt, String decision, String decisionLabel) {}

  /** An amount of the file's record, with its currency. */
  public record Amount(String label, BigDecimal amount, String currency) {}

  /** A payment of the file: to whom, how much, where it stands. */
  public record Payee(String beneficiary, String onBehalfOf, BigDecimal amount, String status, String statusLabel,
      String endToEndId) {}

  /** A step: what, who, when (started, done), and its due date when it was a person's task. */
  public record Step(String label, String who, OffsetDateTime startedAt, OffsetDateTime doneAt, OffsetDateTime dueAt,
      String source) {}

  /** A file as a manager reads it. */
  public record File(Row file, List<Amount> amounts, List<Payee> payees, List<Step> steps) {}

  private final JdbcClient jdbc;
  private final HistoryService history;

  private final fr.misp.backoffice.payment.BeneficiaryNames names;

  public FinishedFiles(JdbcClient jdbc, HistoryService history, fr.misp.backoffice.payment.BeneficiaryNames names) {
    this.jdbc = jdbc;
    this.history = history;
    this.names = names;
  }

  /**
   * In two steps, each on an index: the newest finished requests that match (the member through the records'
   * member index), then the records of those files alone — never a join of every record.
   */
  public List<Row> search(Criteria criteria) {
    StringBuilder sql = new StringBuilder("""
        select r.business_key, r.process_key, r.created_at, h.END_TIME_ from process_request r
        left join ACT_HI_PROCINST h on h.PROC_INST_ID_ = r.process_instance_id
        where r.process_instance_id is not null
        and not exists (select 1 from ACT_RU_EXECUTION e where e.PROC_INST_ID_ = r.process_instance_id)""");
    List<Object> params = new ArrayList<>();
    if (criteria.businessKey() != null) {
      sql.append(" and r.business_key = ?");
      params.add(criteria.businessKey());
    }
    if (criteria.memberId() != null) {
      sql.append(" and r.business_key in (select business_key from (" + RECORDS + ") f where f.member_id = ?"
          + " union all select '" + LOAN_PREFIX + "' || business_key from loan_account where member_id = ?)");
      params.add(criteria.memberId());
      params.add(criteria.memberId());
    }
    if (criteria.process() != null) {
      sql.append(" and r.process_key = ?");
      params.add(criteria.process());
    }
    // Filing days are Paris days; the records hold the server's local time.
    if (criteria.filedFrom() != null) {
      sql.append(" and r.created_at >= ?");
      params.add(local(criteria.filedFrom()));
    }
    if (criteria.filedTo() != null) {
      sql.append(" and r.created_at < ?");
      params.add(local(criteria.filedTo().plusDays(1)));
    }
    sql.append(" order by r.created_at desc, r.business_key fetch first " + MAX_ROWS + " rows only");
    record Request(String businessKey, String process, Timestamp filed, Timestamp ended) {}
    List<Request> requests = jdbc.sql(sql.toString()).params(params)
        .query((rs, n) -> new Request(rs.getString(1), rs.getString(2), rs.getTimestamp(3), rs.getTimestamp(4))).list();
    if (requests.isEmpty()) {
      return List.of();
    }
    Map<String, String[]> records = new HashMap<>();
    jdbc.sql("select business_key, member_id, decision from (" + RECORDS + ") f where f.business_key in (:keys)")
        .param("keys", requests.stream().map(Request::businessKey).toList())
        .query((rs, n) -> records.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)})).list();
    List<String> loans = requests.stream().map(Request::businessKey).filter(k -> k.startsWith(LOAN_PREFIX))
        .map(k -> k.substring(LOAN_PREFIX.length())).toList();
    if (!loans.isEmpty()) {
      jdbc.sql("select business_key, member_id, status from loan_account where business_key in (:keys)").param("keys", loans)
          .query((rs, n) -> records.put(LOAN_PREFIX + rs.getString(1), new String[] {rs.getString(2), rs.getString(3)}))
          .list();
    }
    return requests.stream().map(r -> {
      String[] record = records.getOrDefault(r.businessKey(), new String[2]);
      return row(r.businessKey(), r.process(), record[0], r.filed(), r.ended(), record[1]);
    }).toList();
  }

  /** A finished file, or empty when it is unknown or still running. */
  public Optional<File> file(String businessKey) {
    List<Row> rows = search(new Criteria(businessKey, null, null, null, null));
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Row row = rows.get(0);
    String instanceId = jdbc.sql("select process_instance_id from process_request where business_key = ?")
        .param(businessKey).query(String.class).single();
    return Optional.of(new File(row, amounts(row), payees(businessKey), steps(businessKey, instanceId)));
  }

  private List<Amount> amounts(Row row) {
    String key = row.businessKey();
    List<Amount> amounts = new ArrayList<>();
    switch (row.process()) {
      case "priorApproval" -> jdbc.sql("select quote_amount, approved_amount, quote_currency from prior_approval_file "
          + "where business_key = ?").param(key).query((rs, n) -> {
            add(amounts, "Montant du devis", rs.getBigDecimal(1), rs.getString(3));
            add(amounts, "Montant accordé", rs.getBigDecimal(2), rs.getString(3));
            return n;
          }).list();
      case "socialAid" -> jdbc.sql("select requested_amount, granted_amount from social_aid_file where business_key = ?")
          .param(key).query((rs, n) -> {
            add(amounts, "Montant demandé", rs.getBigDecimal(1), "EUR");
            add(amounts, "Montant accordé", rs.getBigDecimal(2), "EUR");
            return n;
          }).list();
      case "deathCapital" -> jdbc.sql("select capital_amount, majoration_amount from death_claim where business_key = ?")
          .param(key).query((rs, n) -> {
            add(amounts, "Capital décès", rs.getBigDecimal(1), "EUR");
            add(amounts, "Majoration pour enfants", rs.getBigDecimal(2), "EUR");
            return n;
          }).list();
      case "totalDependency" -> jdbc.sql("select monthly_annuity from dependency_claim where business_key = ?")
          .param(key).query((rs, n) -> {
            add(amounts, "Rente mensuelle", rs.getBigDecimal(1), "EUR");
            return n;
          }).list();
      case "disabilityAllowance" -> jdbc.sql("select capital_amount from disability_claim where business_key = ?")
          .param(key).query((rs, n) -> {
            add(amounts, "Capital", rs.getBigDecimal(1), "EUR");
            return n;
          }).list();
      case "loanRepayment" -> jdbc.sql("select principal, repaid from loan_account where business_key = ?")
          .param(key.substring(LOAN_PREFIX.length())).query((rs, n) -> {
            add(amounts, "Montant prêté", rs.getBigDecimal(1), "EUR");
            add(amounts, "Montant remboursé", rs.getBigDecimal(2), "EUR");
            return n;
          }).list();
      default -> { }
    }
    BigDecimal paid = jdbc.sql("select coalesce(sum(amount), 0) from payment_order where business_key = ? and status = 'PAID'")
        .param(key).query(BigDecimal.class).single();
    add(amounts, "Total payé", paid, "EUR");
    return amounts;
  }

  private static void add(List<Amount> amounts, String label, BigDecimal amount, String currency) {
    if (amount != null) {
      amounts.add(new Amount(label, amount.setScale(2), currency == null ? "EUR" : currency));
    }
  }

  private List<Payee> payees(String businessKey) {
    return jdbc.sql("""
        select beneficiary, on_behalf_of, amount, status, end_to_end_id from payment_order where business_key = ?
        order by created_at, order_key""").param(businessKey)
        .query((rs, n) -> new Payee(beneficiary(rs.getString(1)), rs.getString(2), rs.getBigDecimal(3).setScale(2),
            rs.getString(4), Labels.paymentStatus(rs.getString(4)), rs.getString(5))).list();
  }

  /** "member:M-1" is the member of the file, shown by name; other payees are named. */
  String beneficiary(String beneficiary) {
    return names.of(beneficiary);
  }

  private List<Step> steps(String businessKey, String instanceId) {
    List<Step> steps = new ArrayList<>();
    jdbc.sql("select created_by, created_at from process_request where business_key = ?").param(businessKey)
        .query((rs, n) -> steps.add(new Step("Dossier déposé", rs.getString(1), paris(rs.getTimestamp(2)),
            paris(rs.getTimestamp(2)), null, "dossier"))).list();
    for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(instanceId)
        .orderByHistoricActivityInstanceStartTime().asc().list()) {
      steps.add(new Step(LateFiles.step(task.getName()), task.getAssignee(), paris(task.getStartTime()), paris(task.getEndTime()),
          paris(task.getDueDate()), "moteur"));
    }
    jdbc.sql("""
        select o.beneficiary, o.amount, o.created_at, o.decided_by, o.approved_at, o.approved_by, b.created_at,
        b.created_by, o.settled_at, o.status from payment_order o left join payment_batch b on b.id = o.batch_id
        where o.business_key = ? order by o.created_at, o.order_key""").param(businessKey).query((rs, n) -> {
          String to = " — " + beneficiary(rs.getString(1));
          steps.add(new Step("Paiement ordonné" + to, rs.getString(4), paris(rs.getTimestamp(3)), paris(rs.getTimestamp(3)),
              null, "paiements"));
          if (rs.getTimestamp(5) != null) {
            steps.add(new Step("Paiement approuvé" + to, rs.getString(6), paris(rs.getTimestamp(5)),
                paris(rs.getTimestamp(5)), null, "paiements"));
          }
          if (rs.getTimestamp(7) != null) {
            steps.add(new Step("Paiement envoyé à la banque" + to, rs.getString(8), paris(rs.getTimestamp(7)),
                paris(rs.getTimestamp(7)), null, "paiements"));
          }
          if (rs.getTimestamp(9) != null) {
            steps.add(new Step(Labels.paymentStatus(rs.getString(10)) + to, "banque", paris(rs.getTimestamp(9)),
                paris(rs.getTimestamp(9)), null, "paiements"));
          }
          return n;
        }).list();
    steps.sort(Comparator.comparing(Step::startedAt, Comparator.nullsLast(Comparator.naturalOrder())));
    return steps;
  }

  private static Row row(String businessKey, String process, String memberId, Timestamp filed, Timestamp ended,
      String decision) {
    return new Row(businessKey, process, Labels.process(process), memberId, paris(filed), paris(ended), decision,
        Labels.decision(decision));
  }

  static LocalDateTime local(LocalDate parisDay) {
    return parisDay.atStartOfDay(PARIS).withZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
  }

  static OffsetDateTime paris(java.util.Date date) {
    return date == null ? null : date.toInstant().atZone(PARIS).toOffsetDateTime();
  }
}
