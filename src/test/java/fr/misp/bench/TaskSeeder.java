package fr.misp.bench;

import fr.misp.backoffice.platform.security.TaskVisibility;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;

/**
 * Opens many {@code priorApproval} files at once in the back office's database, without HTTP: a
 * short-lived Camunda engine of its own (another name than the app's "default", no job executor,
 * no schema change, the app's history level and authorization settings) creates instances directly
 * at {@code buildFile} or {@code medicalReview}, {@code batch} instances per transaction, on
 * {@code threads} threads. Rights come from the app's provider, which writes none per task
 * ({@link TaskVisibility}).
 */
final class TaskSeeder {

  record Result(int seeded, double seconds, boolean stoppedByTimeLimit) {
    double perSecond() {
      return seeded / seconds;
    }
  }

  static final String PROCESS_KEY = "priorApproval";

  private TaskSeeder() {}

  static Result seed(String jdbcUrl, String user, String password, int total, int threads, int batch,
      double timeLimitSeconds, PrintStream out) {
    return seed(jdbcUrl, user, password, total, threads, batch, timeLimitSeconds, out, TaskSeeder::activity, "PA-SEED-");
  }

  private static Result seed(String jdbcUrl, String user, String password, int total, int threads, int batch,
      double timeLimitSeconds, PrintStream out, IntFunction<String> activityOf, String keyPrefix) {
    ProcessEngineConfigurationImpl config =
        (ProcessEngineConfigurationImpl) ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
    config.setProcessEngineName("bench-seeder");
    config.setJdbcUrl(jdbcUrl);
    config.setJdbcDriver("org.postgresql.Driver");
    config.setJdbcUsername(user);
    config.setJdbcPassword(password);
    config.setJdbcMaxActiveConnections(threads + 2);
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    config.setJobExecutorActivate(false);
    config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    config.setAuthorizationEnabled(true);
    // As the app (application.yml, TaskVisibility): no right is written per task; the groups hold
    // their rights per process definition.
    config.setDefaultUserPermissionNameForTask("TASK_WORK");
    config.setEnableHistoricInstancePermissions(true);
    config.setResourceAuthorizationProvider(new TaskVisibility.NoRowPerTask());
    config.setIdGenerator(new StrongUuidGenerator());
    // Leave the app's history cleanup job and metrics alone.
    config.setHistoryCleanupEnabled(false);
    config.setMetricsEnabled(false);
    config.setDbMetricsReporterActivate(false);
    // The model's listeners that only show things to a person have nothing to show in a seeded list.
    config.setBeans(new java.util.HashMap<>(Map.of("medicalReviewShown",
        (org.camunda.bpm.engine.delegate.TaskListener) task -> { })));
    ProcessEngine engine = config.buildProcessEngine();
    try {
      String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
          .latestVersion().singleResult().getId();
      RuntimeService runtime = engine.getRuntimeService();
      AtomicInteger next = new AtomicInteger();
      AtomicInteger done = new AtomicInteger();
      AtomicReference<RuntimeException> failure = new AtomicReference<>();
      long started = System.nanoTime();
      long deadline = started + (long) (timeLimitSeconds * 1e9);
      AtomicInteger reported = new AtomicInteger();
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread worker = new Thread(() -> {
          while (failure.get() == null && System.nanoTime() < deadline) {
            int from = next.getAndAdd(batch);
            if (from >= total) {
              return;
            }
            int to = Math.min(total, from + batch);
            try {
              config.getCommandExecutorTxRequired().execute(context -> {
                for (int i = from; i < to; i++) {
                  String id = runtime.createProcessInstanceById(definition).businessKey(keyPrefix + i)
                      .setVariables(variables(i)).startBeforeActivity(activityOf.apply(i)).execute().getId();
                  // The app owns the records: each file has its request and its record, as the API writes them.
                  record(context.getDbSqlSession().getSqlSession().getConnection(), i, id, keyPrefix + i);
                }
                return null;
              });
            } catch (RuntimeException e) {
              failure.compareAndSet(null, e);
              return;
            }
            int now = done.addAndGet(to - from);
            int quarter = now * 4 / total;
            if (quarter > reported.get() && reported.compareAndSet(reported.get(), quarter) && quarter < 4) {
              out.printf("  seeded %,d of %,d (%.0f s)%n", now, total, (System.nanoTime() - started) / 1e9);
            }
          }
        }, "seeder-" + t);
        workers.add(worker);
        worker.start();
      }
      for (Thread worker : workers) {
        try {
          worker.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      if (failure.get() != null) {
        throw new IllegalStateException("Seeding failed after " + done.get() + " instances", failure.get());
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      return new Result(done.get(), seconds, done.get() < total);
    } finally {
      engine.close();
    }
  }

  /** The rows the API writes when it opens a file: its request (business key → instance) and its record. */
  static void record(java.sql.Connection connection, int i, String processInstanceId, String businessKey) {
    Map<String, Object> v = variables(i);
    try (var request = connection.prepareStatement("insert into process_request (business_key, process_key, "
            + "process_instance_id, created_by, created_at) values (?, 'priorApproval', ?, 'bench', current_timestamp)");
        var file = connection.prepareStatement("insert into prior_approval_file (business_key, member_id, care_type, "
            + "country, establishment_id, received_date, admission_date, quote_amount, quote_currency, administrator, "
            + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp)")) {
      request.setString(1, businessKey);
      request.setString(2, processInstanceId);
      request.executeUpdate();
      file.setString(1, businessKey);
      file.setString(2, (String) v.get("memberId"));
      file.setString(3, (String) v.get("type"));
      file.setString(4, (String) v.get("countryOfResidence"));
      file.setString(5, (String) v.get("establishmentId"));
      file.setObject(6, LocalDate.parse((String) v.get("receivedDate")));
      file.setObject(7, LocalDate.parse((String) v.get("plannedAdmissionDate")));
      file.setBigDecimal(8, new java.math.BigDecimal((String) v.get("quoteAmount")));
      file.setString(9, (String) v.get("quoteCurrency"));
      file.setString(10, (String) v.get("administrator"));
      file.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Cannot record seeded file " + businessKey, e);
    }
  }

  /** Half at ima's buildFile, a fifth at hcs's, the rest at medicalReview (from either zone). */
  static String activity(int i) {
    return i % 10 < 7 ? "buildFile" : "medicalReview";
  }

  /** The variables an instance of the app has when it reaches that task (PriorApprovalVariables). */
  static Map<String, Object> variables(int i) {
    boolean medical = i % 10 >= 7;
    boolean ima = medical ? (i / 10) % 2 == 0 : i % 10 < 5;
    LocalDate received = LocalDate.now();
    LocalDate admission = received.plusDays(40 + i % 3000);
    Map<String, Object> v = new HashMap<>();
    v.put("memberId", ima ? "M-ES-001" : "M-US-001");
    v.put("type", "HOSPITALISATION");
    v.put("countryOfResidence", ima ? "ES" : "US");
    v.put("receivedDate", received.toString());
    v.put("plannedAdmissionDate", admission.toString());
    v.put("establishmentId", ima ? (i % 2 == 0 ? "ES-MAD-01" : "ES-BCN-01") : (i % 2 == 0 ? "US-NYC-01" : "US-BOS-01"));
    v.put("quoteAmount", (2000 + i % 100) + ".00"); // money is exact decimal text (ProcessVariable.money)
    v.put("quoteCurrency", ima ? "EUR" : "USD");
    v.put("administrator", ima ? "IMA" : "HCS");
    v.put("onTime", true);
    v.put("deadlineExplanation", "Hospitalisation programmée le " + admission + ", demande reçue le " + received + " : "
        + (40 + i % 3000) + " jour(s) avant l'admission (10 au moins) — dans les délais");
    v.put("medicalEscalationDate", java.util.Date.from(admission.minusDays(2).atStartOfDay(java.time.ZoneId.of("Europe/Paris"))
        .toInstant()));
    v.put("inNetwork", true);
    if (!ima) {
      v.put("hcsRegistered", true);
    }
    if (medical) {
      v.put("documentsComplete", true);
    }
    return v;
  }
}
