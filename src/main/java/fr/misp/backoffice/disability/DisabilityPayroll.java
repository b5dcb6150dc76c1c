package fr.misp.backoffice.disability;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.misp.backoffice.notification.OutboxNotifications;
import fr.misp.backoffice.notification.OutboxNotifications.Notice;
import fr.misp.backoffice.payment.PaymentOrders;
import fr.misp.backoffice.platform.db.BulkInsert;
import fr.misp.backoffice.platform.engine.FrenchText;
import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.disability.DisabilityCalculator;
import fr.misp.backoffice.rules.disability.DisabilityCalculator.Resource;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The invalidity allowances' payroll, set-based: each month every allowance in service is paid in arrears in a
 * few statements, and each 1 January every allowance is renewed (R-INV-9/10) in pages, a person involved only
 * where the rules need one: the IPP's resource evidence (and the IPT's with the cost-of-living bonus) and the end
 * capital of the 70th year, whose processes are told by a Camunda batch (message correlation, run by the job
 * executors of every node) rather than by 100 000 timers firing at once.
 */
@Service
public class DisabilityPayroll {

  /** Messages the allowance's process waits for (disability-allowance.bpmn). */
  public static final String EVIDENCE_DUE = "disabilityEvidenceDue";
  public static final String CAPITAL_DUE = "disabilityCapitalDue";
  public static final String ENDED = "disabilityAllowanceEnded";

  /** How far back a monthly run looks for a month due and unpaid (evidence recorded late, a run missed). */
  static final int MONTHS_BACK = 12;
  private static final int PAGE = 1000;
  private static final String IN_SERVICE = "c.decision in ('TEMPORARY_BENEFIT', 'SUSPENDED') and c.capital_amount is null";

  /** What a run did. */
  public record Run(int paid, int renewed, int evidence, int capital, int closed) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final PaymentOrders payments;
  private final OutboxNotifications outbox;
  private final RuntimeService runtime;
  private final ObjectMapper json;
  private final DisabilityCalculator calculator;

  public DisabilityPayroll(JdbcClient jdbc, JdbcTemplate batch, PaymentOrders payments, OutboxNotifications outbox,
      RuntimeService runtime, ObjectMapper json, Parameters parameters) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.payments = payments;
    this.outbox = outbox;
    this.runtime = runtime;
    this.json = json;
    this.calculator = new DisabilityCalculator(parameters);
  }

  /**
   * The run of the first day of a month: pays the month just ended (and any month of the twelve before it that is
   * due and unpaid) for every allowance in service, then tells the processes of the allowances that ended before
   * that month. Each month is paid once, whatever the retries: the payment's key is the allowance and the month.
   */
  public Run payMonth(YearMonth closed) {
    started("MONTH", closed.toString());
    int paid = 0;
    for (YearMonth month = closed.minusMonths(MONTHS_BACK - 1L); !month.isAfter(closed); month = month.plusMonths(1)) {
      paid += pay(month, null);
    }
    List<String> ended = jdbc.sql("select r.process_instance_id from disability_claim c join process_request r "
        + "on r.business_key = c.business_key where " + IN_SERVICE + " and c.closed_at is null and c.end_date < ? "
        + "and r.process_instance_id is not null").param(closed.plusMonths(1).atDay(1)).query(String.class).list();
    jdbc.sql("update disability_claim c set closed_at = ? where " + IN_SERVICE + " and c.closed_at is null "
        + "and c.end_date < ?").params(LocalDateTime.now(), closed.plusMonths(1).atDay(1)).update();
    correlate(ENDED, ended);
    Run run = new Run(paid, 0, 0, 0, ended.size());
    finished("MONTH", closed.toString(), run);
    return run;
  }

  /** One allowance's months due up to {@code closed} and unpaid: after its decision, or once its year is known. */
  public int payDue(String businessKey, YearMonth closed) {
    LocalDate start = jdbc.sql("select start_date from disability_claim where business_key = ?").param(businessKey)
        .query(LocalDate.class).single();
    int paid = 0;
    for (YearMonth month = YearMonth.from(start); !month.isAfter(closed); month = month.plusMonths(1)) {
      paid += pay(month, businessKey);
    }
    return paid;
  }

  /**
   * Pays one month in arrears (R-INV-10): every allowance whose year runs a temporary benefit (not suspended), begun
   * by the month's end and not ended before it (it ends the first day of the month after its end date).
   */
  private int pay(YearMonth month, String onlyKey) {
    String period = month.toString();
    LocalDateTime stamp = LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
    List<Object> params = new ArrayList<>(List.of(period, stamp, month.getYear(), month.atEndOfMonth(), month.atDay(1),
        period));
    String sql = "insert into disability_payment (business_key, period, amount, paid_at) "
        + "select c.business_key, ?, y.monthly_benefit, ? from disability_claim c join disability_year y "
        + "on y.business_key = c.business_key and y.benefit_year = ? where " + IN_SERVICE
        + " and y.outcome = 'TEMPORARY_BENEFIT' and c.start_date <= ? and (c.end_date is null or c.end_date >= ?) "
        + "and not exists (select 1 from disability_payment p where p.business_key = c.business_key and p.period = ?)";
    if (onlyKey != null) {
      sql += " and c.business_key = ?";
      params.add(onlyKey);
    }
    int inserted = jdbc.sql(sql).params(params).update();
    if (inserted == 0) {
      return 0;
    }
    List<PaymentOrders.NewOrder> orders = jdbc.sql("select p.business_key, p.amount, c.member_id from disability_payment p "
            + "join disability_claim c on c.business_key = p.business_key where p.period = ? and p.paid_at = ?")
        .params(period, stamp)
        .query((rs, n) -> new PaymentOrders.NewOrder(rs.getString(1) + ":" + period, rs.getString(1),
            "member:" + rs.getString(3), rs.getBigDecimal(2), "DISABILITY_MONTH", null, null, null))
        .list();
    payments.orderAll(orders);
    return inserted;
  }

  /** An allowance to renew, with what its computation needs. */
  private record ToRenew(String businessKey, String memberId, String processInstanceId, LocalDate birthDate,
      BigDecimal rate, Integer ssCategory, BigDecimal baseSalary, BigDecimal bonuses, BigDecimal costOfLiving,
      String category, String lastResources, BigDecimal lastAnnual) {

    static ToRenew of(ResultSet rs) throws SQLException {
      return new ToRenew(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
          rs.getBigDecimal(5), (Integer) rs.getObject(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
          rs.getString(10), rs.getString(11), rs.getBigDecimal(12));
    }
  }

  /**
   * The 1 January run (R-INV-9/10), page by page over the allowances in service last year and not yet renewed:
   * the year of the 70th birthday → the end capital; an IPT without the cost-of-living bonus → renewed on last
   * year's resources with the parameters in force on 1 January (the member told when the amount changes);
   * otherwise the year's resource evidence is asked of the member and recorded by an advisor.
   */
  public Run renew(int year) {
    started("RENEWAL", Integer.toString(year));
    LocalDate january = LocalDate.of(year, 1, 1);
    int renewed = 0;
    List<String> evidence = new ArrayList<>();
    List<String> capital = new ArrayList<>();
    String after = "";
    while (true) {
      List<ToRenew> page = jdbc.sql("select c.business_key, c.member_id, r.process_instance_id, m.birth_date, "
              + "c.invalidity_rate, c.ss_category, c.base_salary, c.bonuses, c.cost_of_living, c.category, "
              + "y.resources_json, y.annual_benefit from disability_claim c join member m on m.id = c.member_id "
              + "join process_request r on r.business_key = c.business_key join disability_year y "
              + "on y.business_key = c.business_key and y.benefit_year = ? where " + IN_SERVICE
              + " and c.closed_at is null and c.capital_due_year is null and (c.end_date is null or c.end_date >= ?) "
              + "and (c.evidence_year is null or c.evidence_year < ?) and not exists (select 1 from disability_year n "
              + "where n.business_key = c.business_key and n.benefit_year = ?) and c.business_key > ? "
              + "order by c.business_key fetch first " + PAGE + " rows only")
          .params(year - 1, january, year, year, after).query((rs, n) -> ToRenew.of(rs)).list();
      if (page.isEmpty()) {
        break;
      }
      after = page.get(page.size() - 1).businessKey();
      List<DisabilityClaims.Year> years = new ArrayList<>();
      List<String> yearKeys = new ArrayList<>();
      List<Notice> notices = new ArrayList<>();
      List<String> evidenceKeys = new ArrayList<>();
      List<String> capitalKeys = new ArrayList<>();
      for (ToRenew claim : page) {
        String member = "member:" + claim.memberId();
        DisabilityCalculator.Renewal renewal = calculator.renewal(year, claim.birthDate(),
            DisabilityCalculator.Category.valueOf(claim.category()), claim.costOfLiving().signum() > 0);
        if (renewal == DisabilityCalculator.Renewal.END_CAPITAL) {
          capitalKeys.add(claim.businessKey());
          capital.add(claim.processInstanceId());
        } else if (renewal == DisabilityCalculator.Renewal.AUTOMATIC) {
          DisabilityClaims.Year computed = compute(claim, year, january);
          years.add(computed);
          yearKeys.add(claim.businessKey());
          if (computed.annualBenefit().compareTo(claim.lastAnnual()) != 0) {
            notices.add(new Notice(claim.businessKey(), "DISABILITY_RENEWED", member, year, "Votre allocation "
                + "d'invalidité est renouvelée au 1er janvier " + year + " : " + FrenchText.euros(computed.annualBenefit())
                + " par an, soit " + FrenchText.euros(computed.monthlyBenefit()) + " par mois, versés à terme échu."));
          }
        } else {
          evidenceKeys.add(claim.businessKey());
          evidence.add(claim.processInstanceId());
          notices.add(new Notice(claim.businessKey(), "DISABILITY_EVIDENCE_REQUEST", member, year, "Votre allocation "
              + "d'invalidité est recalculée chaque année sur vos ressources : merci d'adresser à votre agence les "
              + "justificatifs de vos ressources de " + year + " (pensions d'invalidité et de vieillesse des régimes "
              + "obligatoires, revenus d'activité). Sans eux, l'allocation de " + year + " ne peut être versée."));
        }
      }
      insertYears(yearKeys, years);
      renewed += years.size();
      mark("evidence_year", year, evidenceKeys);
      mark("capital_due_year", year, capitalKeys);
      outbox.queueAll(notices);
    }
    correlate(EVIDENCE_DUE, evidence);
    correlate(CAPITAL_DUE, capital);
    Run run = new Run(0, renewed, evidence.size(), capital.size(), 0);
    finished("RENEWAL", Integer.toString(year), run);
    return run;
  }

  private DisabilityClaims.Year compute(ToRenew claim, int year, LocalDate january) {
    List<Resource> resources = DisabilityClaims.Year.resources(json, claim.lastResources());
    return DisabilityClaims.Year.of(json, year, resources, calculator.calculate(new DisabilityCalculator.Input(january,
        claim.rate(), claim.ssCategory(), claim.baseSalary(), claim.bonuses(), claim.costOfLiving(), resources, false,
        claim.birthDate(), true)));
  }

  private void insertYears(List<String> keys, List<DisabilityClaims.Year> years) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < years.size(); i++) {
      DisabilityClaims.Year y = years.get(i);
      rows.add(new Object[] {keys.get(i), y.benefitYear(), y.resourcesJson(), y.guarantee(), y.resources(),
          y.annualBenefit(), y.monthlyBenefit(), y.outcome(), y.explanation()});
    }
    BulkInsert.rows(batch, "disability_year", List.of("business_key", "benefit_year", "resources_json", "guarantee",
        "resources", "annual_benefit", "monthly_benefit", "outcome", "explanation"), rows);
  }

  private void mark(String column, int year, List<String> keys) {
    if (!keys.isEmpty()) {
      List<Object> params = new ArrayList<>(keys.size() + 1);
      params.add(year);
      params.addAll(keys);
      batch.update("update disability_claim set " + column + " = ? where business_key in ("
          + String.join(", ", java.util.Collections.nCopies(keys.size(), "?")) + ")", params.toArray());
    }
  }

  /** Tells the processes by a Camunda batch: its jobs run on every node's job executor, retried, with incidents. */
  private void correlate(String message, List<String> processInstanceIds) {
    if (!processInstanceIds.isEmpty()) {
      runtime.createMessageCorrelationAsync(message).processInstanceIds(processInstanceIds).correlateAllAsync();
    }
  }

  private void started(String kind, String period) {
    jdbc.sql("delete from disability_run where kind = ? and period = ? and finished_at is null").params(kind, period)
        .update();
    jdbc.sql("insert into disability_run (kind, period, started_at) select ?, ?, ? where not exists "
        + "(select 1 from disability_run where kind = ? and period = ?)")
        .params(kind, period, LocalDateTime.now(), kind, period).update();
  }

  private void finished(String kind, String period, Run run) {
    jdbc.sql("update disability_run set finished_at = ?, paid = coalesce(paid, 0) + ?, renewed = coalesce(renewed, 0) + ?, "
        + "evidence = coalesce(evidence, 0) + ?, capital = coalesce(capital, 0) + ?, closed = coalesce(closed, 0) + ? "
        + "where kind = ? and period = ?").params(LocalDateTime.now(), run.paid(), run.renewed(), run.evidence(),
        run.capital(), run.closed(), kind, period).update();
  }
}
