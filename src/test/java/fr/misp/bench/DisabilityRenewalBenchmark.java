package fr.misp.bench;

import fr.misp.backoffice.MispApplication;
import fr.misp.backoffice.disability.DisabilityElements;
import fr.misp.backoffice.platform.engine.ProcessKeys;
import fr.misp.backoffice.platform.engine.ProcessVariable;
import fr.misp.backoffice.support.EmbeddedPostgresInitializer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 1 January of 100 000 invalidity allowances (issue #16), on PostgreSQL, in the prod profile with its job
 * executor: the allowances, their members, last year's computation and their processes (each waiting in service)
 * are seeded in bulk; then the payroll process of 1 January runs as its timer would start it — the December month
 * paid for every allowance, then the renewal (IPT renewed, evidence asked of the IPP and cost-of-living IPT, the
 * capital of the 70th year), the processes told by the engine's batch. Prints the time of each part. Not a test.
 *
 * <p>Run: {@code ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt && java -cp
 * target/classes:target/test-classes:$(cat target/cp.txt) fr.misp.bench.DisabilityRenewalBenchmark [allowances]
 * [IPT share] [cost-of-living share of the IPT] [share in their 70th year]} — defaults 100000 0.70 0.05 0.01 (the mix is
 * an assumption: MISP's real mix is not in the guide).
 */
public final class DisabilityRenewalBenchmark {

  private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
  private static final int YEAR = 2027;

  public static void main(String[] args) throws Exception {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    double iptShare = args.length > 1 ? Double.parseDouble(args[1]) : 0.70;
    double costOfLivingShare = args.length > 2 ? Double.parseDouble(args[2]) : 0.05;
    double seventyShare = args.length > 3 ? Double.parseDouble(args[3]) : 0.01;
    OUT.printf("Invalidity renewal benchmark: %,d allowances, IPT %.0f %% (of which %.0f %% with the cost-of-living "
        + "bonus), %.0f %% in their 70th year; PostgreSQL, prod profile, %d cores%n", total, iptShare * 100,
        costOfLivingShare * 100, seventyShare * 100, Runtime.getRuntime().availableProcessors());
    ConfigurableApplicationContext app = new SpringApplicationBuilder(MispApplication.class).profiles("prod")
        .initializers(new EmbeddedPostgresInitializer())
        .properties("server.port=0", "misp.payments.batch-cron=-", "logging.level.root=WARN")
        .run();
    try {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      TransactionTemplate tx = app.getBean(TransactionTemplate.class);

      long t0 = System.nanoTime();
      seedRecords(jdbc, total, iptShare, costOfLivingShare, seventyShare);
      OUT.printf("  records seeded (members, allowances, %d computation) in %.1f s%n", YEAR - 1, seconds(t0));
      long t1 = System.nanoTime();
      seedProcesses(engine, jdbc, tx, total);
      OUT.printf("  %,d processes waiting in service seeded in %.1f s%n", total, seconds(t1));
      jdbc.execute("analyze");

      // 1 January, 6 a.m. in Paris, the clock running on from there.
      long offset = LocalDate.of(YEAR, 1, 1).atTime(6, 0).atZone(ProcessVariable.PARIS).toInstant().toEpochMilli()
          - System.currentTimeMillis();
      ClockUtil.offset(offset);
      // The payroll's timer (the first of each month) is due: the job executor starts it, as in production.
      long start = System.nanoTime();
      while (engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionKey(ProcessKeys.DISABILITY_PAYROLL).finished().count() == 0) {
        Thread.sleep(200);
      }
      double payrollSeconds = seconds(start);
      Map<String, Object> month = jdbc.queryForMap("select * from disability_run where kind = 'MONTH' and period = ?",
          (YEAR - 1) + "-12");
      Map<String, Object> renewal = jdbc.queryForMap("select * from disability_run where kind = 'RENEWAL' and period = ?",
          Integer.toString(YEAR));
      int evidence = ((Number) renewal.get("evidence")).intValue();
      int capital = ((Number) renewal.get("capital")).intValue();
      // Done when every process asked for evidence or capital has its task.
      String[] waitingTasks = {DisabilityElements.RECORD_RESOURCES, DisabilityElements.DECIDE_CAPITAL};
      long tasks = 0;
      while (true) {
        tasks = engine.getTaskService().createTaskQuery().processDefinitionKey(ProcessKeys.DISABILITY_ALLOWANCE)
            .taskDefinitionKeyIn(waitingTasks).count();
        if (tasks >= evidence + capital || seconds(start) > 1800) {
          break;
        }
        Thread.sleep(500);
      }
      double totalSeconds = seconds(start);
      OUT.printf("December paid: %,d months in %.1f s (payment orders %,d)%n", ((Number) month.get("paid")).intValue(),
          between(month), jdbc.queryForObject("select count(*) from payment_order where purpose = 'DISABILITY_MONTH'",
              Long.class));
      OUT.printf("Renewal step: %,d renewed automatically, %,d evidence requests, %,d end capitals in %.1f s%n",
          ((Number) renewal.get("renewed")).intValue(), evidence, capital, between(renewal));
      OUT.printf("Payroll process (both steps) ended after %.1f s; the processes told by the batch: %,d tasks after "
          + "%.1f s%n", payrollSeconds, tasks, totalSeconds);
      OUT.printf("RESULT: %,d allowances renewed on 1 January in %.1f s (%,.0f allowances/s), December paid included%n",
          total, totalSeconds, total / totalSeconds);
    } finally {
      ClockUtil.reset();
      app.close();
    }
  }

  private static double between(Map<String, Object> run) {
    return Duration.between(((java.sql.Timestamp) run.get("started_at")).toLocalDateTime(),
        ((java.sql.Timestamp) run.get("finished_at")).toLocalDateTime()).toMillis() / 1000.0;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** Members, allowances in service since 2025 and their computation of last year, in a few set-based statements. */
  private static void seedRecords(JdbcTemplate jdbc, int total, double ipt, double costOfLiving, double seventy) {
    int iptCount = (int) Math.round(total * ipt);
    int colCount = (int) Math.round(iptCount * costOfLiving);
    int seventyCount = (int) Math.round(total * seventy);
    // n ≤ seventyCount: born in YEAR − 70; otherwise between 1960 and 1985.
    jdbc.update("insert into member (id, name, birth_date, category, country_of_residence, hcs_registered, "
        + "membership_start_date, agency_code) select 'M-REN-' || n, 'Membre ' || n, case when n <= ? "
        + "then make_date(?, 1 + n % 12, 1 + n % 28) else make_date(1960 + n % 26, 1 + n % 12, 1 + n % 28) end, "
        + "'ACTIVE', 'PT', false, date '2000-01-01', 'AG-075' from generate_series(1, ?) n", seventyCount, YEAR - 70,
        total);
    // The first iptCount are IPT (category 2), the first colCount of them with the cost-of-living bonus; then IPP 37 %.
    jdbc.update("insert into disability_claim (business_key, member_id, start_date, invalidity_rate, ss_category, "
        + "base_salary, bonuses, cost_of_living, category, decision, created_at) select 'INV-REN-' || n, 'M-REN-' || n, "
        + "date '2025-01-01', case when n <= ? then null else 37 end, case when n <= ? then 2 else null end, 2500, 300, "
        + "case when n <= ? then 400 else 0 end, case when n <= ? then 'IPT' else 'IPP' end, 'TEMPORARY_BENEFIT', "
        + "now() from generate_series(1, ?) n", iptCount, iptCount, colCount, iptCount, total);
    jdbc.update("insert into disability_year (business_key, benefit_year, resources_json, guarantee, resources, "
        + "annual_benefit, monthly_benefit, outcome, explanation) select c.business_key, ?, "
        + "'[{\"type\":\"INVALIDITY_PENSION\",\"annualAmount\":15000}]', 23520, 15000, 8520, 710, 'TEMPORARY_BENEFIT', "
        + "'{\"steps\":[],\"warnings\":[]}' from disability_claim c where c.business_key like 'INV-REN-%'", YEAR - 1);
    // January to November of last year already paid: the run of 1 January owes December.
    jdbc.update("insert into disability_payment (business_key, period, amount, paid_at) select c.business_key, "
        + "to_char(make_date(?, m, 1), 'YYYY-MM'), 710, now() from disability_claim c, generate_series(1, 11) m "
        + "where c.business_key like 'INV-REN-%'", YEAR - 1);
  }

  /** One process per allowance, waiting in service, 500 per transaction on 2 threads, through the engine's API. */
  private static void seedProcesses(ProcessEngine engine, JdbcTemplate jdbc, TransactionTemplate tx, int total)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> work = new ArrayList<>();
    int per = 500;
    for (int from = 1; from <= total; from += per) {
      int first = from;
      int last = Math.min(total, from + per - 1);
      work.add(pool.submit(() -> tx.executeWithoutResult(status -> {
        List<Object[]> requests = new ArrayList<>();
        for (int n = first; n <= last; n++) {
          Map<String, Object> variables = new HashMap<>();
          variables.put("memberId", "M-REN-" + n);
          String id = engine.getRuntimeService().createProcessInstanceByKey(ProcessKeys.DISABILITY_ALLOWANCE)
              .businessKey("INV-REN-" + n).setVariables(variables).startBeforeActivity(DisabilityElements.IN_SERVICE)
              .execute().getId();
          requests.add(new Object[] {"INV-REN-" + n, ProcessKeys.DISABILITY_ALLOWANCE, id, "bench", LocalDateTime.now()});
        }
        jdbc.batchUpdate("insert into process_request (business_key, process_key, process_instance_id, created_by, "
            + "created_at) values (?, ?, ?, ?, ?)", requests);
      })));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
  }

  private DisabilityRenewalBenchmark() {}
}
