package fr.misp.backoffice.platform.monitoring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What operators watch, for Prometheus ({@code /actuator/prometheus}, group {@code monitoring}):
 * the engine's work (jobs waiting and failed, incidents per process, Camunda's own counters) and the
 * back office's (tasks open and past due per task, outboxes waiting and their age, endowment left per
 * agency). Read every 30 s by one query each, not at each scrape: a scrape costs the database nothing.
 */
@Component
public class OperationsMetrics implements MeterBinder {

  private static final Logger LOG = LoggerFactory.getLogger(OperationsMetrics.class);

  /** One reading of the database. */
  record Reading(long jobsWaiting, long jobsFailed, List<Row> tasks, List<Row> incidents, long noticesPending,
      double oldestNoticeSeconds, long noticesSent, long paymentOrders, double oldestPaymentSeconds,
      List<Row> endowmentLeft) {
    static final Reading EMPTY = new Reading(0, 0, List.of(), List.of(), 0, 0, 0, 0, 0, List.of());
  }

  /** A labelled value: a task key, a process key or an agency. */
  record Row(String label, double value, double second) {}

  private final JdbcClient jdbc;
  private final ManagementService management;
  private final AtomicReference<Reading> reading = new AtomicReference<>(Reading.EMPTY);
  private MultiGauge tasksOpen;
  private MultiGauge tasksPastDue;
  private MultiGauge incidents;
  private MultiGauge endowmentLeft;

  public OperationsMetrics(JdbcClient jdbc, ManagementService management) {
    this.jdbc = jdbc;
    this.management = management;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("misp.jobs.waiting", reading, r -> r.get().jobsWaiting())
        .description("Jobs due and not locked: work the job executors have not taken yet").register(registry);
    Gauge.builder("misp.jobs.failed", reading, r -> r.get().jobsFailed())
        .description("Jobs with no retry left (each one is an incident)").register(registry);
    Gauge.builder("misp.notifications.pending", reading, r -> r.get().noticesPending())
        .description("Notices in the outbox not sent yet (failed ones apart: misp_notifications_failed)").register(registry);
    Gauge.builder("misp.notifications.pending.oldest.seconds", reading, r -> r.get().oldestNoticeSeconds())
        .description("Age of the oldest notice not sent yet").register(registry);
    Gauge.builder("misp.notifications.sent", reading, r -> r.get().noticesSent())
        .description("Notices (letters) sent").register(registry);
    Gauge.builder("misp.payment.orders.pending", reading, r -> r.get().paymentOrders())
        .description("Payment orders waiting for the payment run").register(registry);
    Gauge.builder("misp.payment.orders.pending.oldest.seconds", reading, r -> r.get().oldestPaymentSeconds())
        .description("Age of the oldest payment order waiting").register(registry);
    tasksOpen = MultiGauge.builder("misp.tasks.open").description("Open user tasks, per task").register(registry);
    tasksPastDue = MultiGauge.builder("misp.tasks.past.due").description("Open user tasks past their due date")
        .register(registry);
    incidents = MultiGauge.builder("misp.incidents").description("Open incidents, per process").register(registry);
    endowmentLeft = MultiGauge.builder("misp.endowment.left").baseUnit("euros")
        .description("Endowment of the year left per agency (initial minus reserved)").register(registry);
    for (String name : List.of(Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED, Metrics.JOB_ACQUISITION_ATTEMPT,
        Metrics.ROOT_PROCESS_INSTANCE_START, Metrics.ACTIVTY_INSTANCE_START, Metrics.EXECUTED_DECISION_ELEMENTS)) {
      FunctionCounter.builder("camunda." + name.replace('-', '.'), management,
              m -> m.createMetricsQuery().name(name).sum())
          .description("Camunda engine metric '" + name + "' (all nodes, as reported to the database)")
          .register(registry);
    }
    refresh();
  }

  @Scheduled(initialDelay = 30_000, fixedDelay = 30_000)
  public void refresh() {
    try {
      Reading now = read();
      reading.set(now);
      if (tasksOpen != null) {
        tasksOpen.register(rows(now.tasks(), "task", false), true);
        tasksPastDue.register(rows(now.tasks(), "task", true), true);
        incidents.register(rows(now.incidents(), "process", false), true);
        endowmentLeft.register(rows(now.endowmentLeft(), "agency", false), true);
      }
    } catch (RuntimeException e) {
      // A metric is never worth a failure; the database being down shows in health and readiness.
      LOG.warn("Operations metrics not read ({})", e.getClass().getSimpleName());
    }
  }

  private static List<MultiGauge.Row<?>> rows(List<Row> rows, String tag, boolean second) {
    return rows.stream().<MultiGauge.Row<?>>map(r -> MultiGauge.Row.of(Tags.of(tag, r.label()),
        second ? r.second() : r.value())).toList();
  }

  Reading read() {
    LocalDateTime now = LocalDateTime.now();
    long jobsWaiting = management.createJobQuery().executable().count();
    long jobsFailed = management.createJobQuery().noRetriesLeft().count();
    List<Row> tasks = jdbc.sql("select TASK_DEF_KEY_ as k, count(*) as n, "
            + "sum(case when DUE_DATE_ is not null and DUE_DATE_ < ? then 1 else 0 end) as late "
            + "from ACT_RU_TASK group by TASK_DEF_KEY_").param(now)
        .query((rs, i) -> new Row(String.valueOf(rs.getString("k")), rs.getLong("n"), rs.getLong("late"))).list();
    List<Row> incidentRows = jdbc.sql("select d.KEY_ as k, count(*) as n from ACT_RU_INCIDENT i "
            + "join ACT_RE_PROCDEF d on i.PROC_DEF_ID_ = d.ID_ group by d.KEY_")
        .query((rs, i) -> new Row(rs.getString("k"), rs.getLong("n"), 0)).list();
    Map<String, Object> notices = jdbc.sql("select count(*) as n, min(created_at) as oldest from notification_outbox "
        + "where sent_at is null and failed_at is null").query().singleRow();
    long sent = jdbc.sql("select count(*) from notification_outbox where sent_at is not null").query(Long.class).single();
    Map<String, Object> payments = jdbc.sql("select count(*) as n, min(created_at) as oldest from payment_order")
        .query().singleRow();
    List<Row> endowments = jdbc.sql("select agency_code as k, initial_amount - reserved_amount as left_amount "
            + "from agency_endowment where budget_year = ?").param(LocalDate.now().getYear())
        .query((rs, i) -> new Row(rs.getString("k"), rs.getBigDecimal("left_amount").doubleValue(), 0)).list();
    return new Reading(jobsWaiting, jobsFailed, tasks, incidentRows, number(notices.get("n")),
        age(notices.get("oldest"), now), sent, number(payments.get("n")), age(payments.get("oldest"), now), endowments);
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static double age(Object timestamp, LocalDateTime now) {
    if (timestamp == null) {
      return 0;
    }
    LocalDateTime since = timestamp instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) timestamp;
    return java.time.Duration.between(since, now).toMillis() / 1000.0;
  }
}
