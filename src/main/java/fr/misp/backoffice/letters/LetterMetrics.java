package fr.misp.backoffice.letters;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code misp_notifications_failed}: notices not delivered after the last attempt, waiting for a
 * manager (read from the database every 30 s, like the other misp_* values: the same on every node).
 */
@Component
public class LetterMetrics {

  private final JdbcClient jdbc;
  private final AtomicLong failed = new AtomicLong();

  public LetterMetrics(JdbcClient jdbc, MeterRegistry registry) {
    this.jdbc = jdbc;
    Gauge.builder("misp.notifications.failed", failed, AtomicLong::get)
        .description("Notices not delivered after the last attempt (GET /api/notices?status=FAILED)").register(registry);
  }

  @Scheduled(initialDelay = 30_000, fixedDelay = 30_000)
  void read() {
    try {
      failed.set(jdbc.sql("select count(*) from notification_outbox where failed_at is not null").query(Long.class)
          .single());
    } catch (RuntimeException databaseAway) {
      // Kept at its last value until the database answers again.
    }
  }
}
