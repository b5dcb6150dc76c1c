package fr.misp.backoffice.notification;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Notifications written to an outbox table in the same transaction as the process step that orders
 * them; a sender (mail, portal) dispatches them. The unique key (business key, kind, recipient,
 * round) makes a retried step a no-op, and each new round (another request, another reminder) a
 * new notice.
 */
@Component
public class OutboxNotifications implements Notifications {

  /** One queued notification. */
  public record Queued(String businessKey, String kind, String recipient, String message) {}

  private final JdbcClient jdbc;

  private final org.springframework.jdbc.core.JdbcTemplate batch;

  public OutboxNotifications(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  @Override
  public boolean notifyOnce(String businessKey, String kind, String recipient, String message) {
    // Checked first so a retry does not fail on the constraint (which still guards a concurrent race).
    Integer existing = jdbc.sql("select count(*) from notification_outbox where business_key = ? and kind = ? and recipient = ?")
        .params(businessKey, kind, recipient).query(Integer.class).single();
    if (existing > 0) {
      return false;
    }
    jdbc.sql("insert into notification_outbox (id, business_key, kind, recipient, message, created_at) values (?, ?, ?, ?, ?, ?)")
        .params(UUID.randomUUID().toString(), businessKey, kind, recipient,
            message.length() > 4000 ? message.substring(0, 4000) : message, LocalDateTime.now())
        .update();
    return true;
  }

  @Override
  public void notifyNextRound(String businessKey, String kind, String recipient, String message) {
    Integer last = jdbc.sql("select max(round_number) from notification_outbox where business_key = ? and kind = ? "
        + "and recipient = ?").params(businessKey, kind, recipient).query(Integer.class).optional().orElse(null);
    jdbc.sql("insert into notification_outbox (id, business_key, kind, recipient, message, created_at, round_number) "
            + "values (?, ?, ?, ?, ?, ?, ?)")
        .params(UUID.randomUUID().toString(), businessKey, kind, recipient,
            message.length() > 4000 ? message.substring(0, 4000) : message, LocalDateTime.now(),
            last == null ? 1 : last + 1)
        .update();
  }

  /** A notice of a numbered round (a year, for yearly notices). */
  public record Notice(String businessKey, String kind, String recipient, int round, String message) {}

  /**
   * Queues many notices, each once per business key, kind and round (one recipient per business key and kind), in
   * a few statements: a yearly run notifies tens of thousands of members. A retried run queues nothing twice.
   */
  public int queueAll(List<Notice> notices) {
    LocalDateTime now = LocalDateTime.now();
    java.util.Map<Integer, List<Notice>> byRound = notices.stream()
        .collect(java.util.stream.Collectors.groupingBy(Notice::round));
    int queued = 0;
    for (var round : byRound.entrySet()) {
      for (var kind : round.getValue().stream().collect(java.util.stream.Collectors.groupingBy(Notice::kind)).entrySet()) {
        var present = fr.misp.backoffice.platform.db.BulkInsert.existing(batch, "notification_outbox", "business_key",
            kind.getValue().stream().map(Notice::businessKey).toList(), "kind = ? and round_number = ?", kind.getKey(),
            round.getKey());
        List<Object[]> rows = kind.getValue().stream()
            .filter(n -> !present.contains(n.businessKey()))
            .map(n -> new Object[] {UUID.randomUUID().toString(), n.businessKey(), n.kind(), n.recipient(),
                n.message().length() > 4000 ? n.message().substring(0, 4000) : n.message(), now, n.round()})
            .toList();
        queued += fr.misp.backoffice.platform.db.BulkInsert.rows(batch, "notification_outbox",
            List.of("id", "business_key", "kind", "recipient", "message", "created_at", "round_number"), rows);
      }
    }
    return queued;
  }

  public List<Queued> queuedFor(String businessKey) {
    return jdbc.sql("select business_key, kind, recipient, message from notification_outbox where business_key = ? order by created_at, kind")
        .param(businessKey).query(Queued.class).list();
  }
}
