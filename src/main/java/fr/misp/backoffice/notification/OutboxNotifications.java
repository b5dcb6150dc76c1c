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
   * Queues many notices, each once per business key, kind, recipient and round, in batched statements: a yearly
   * run notifies tens of thousands of members. A retried run queues nothing twice.
   */
  public int queueAll(List<Notice> notices) {
    if (notices.isEmpty()) {
      return 0;
    }
    LocalDateTime now = LocalDateTime.now();
    int queued = 0;
    for (int[] counts : batch.batchUpdate("insert into notification_outbox (id, business_key, kind, recipient, message, "
        + "created_at, round_number) select ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from notification_outbox "
        + "where business_key = ? and kind = ? and recipient = ? and round_number = ?)", notices, 1000,
        (statement, notice) -> {
          String message = notice.message().length() > 4000 ? notice.message().substring(0, 4000) : notice.message();
          statement.setString(1, UUID.randomUUID().toString());
          statement.setString(2, notice.businessKey());
          statement.setString(3, notice.kind());
          statement.setString(4, notice.recipient());
          statement.setString(5, message);
          statement.setObject(6, now, java.sql.Types.TIMESTAMP);
          statement.setInt(7, notice.round());
          statement.setString(8, notice.businessKey());
          statement.setString(9, notice.kind());
          statement.setString(10, notice.recipient());
          statement.setInt(11, notice.round());
        })) {
      for (int count : counts) {
        queued += Math.max(count, 0);
      }
    }
    return queued;
  }

  public List<Queued> queuedFor(String businessKey) {
    return jdbc.sql("select business_key, kind, recipient, message from notification_outbox where business_key = ? order by created_at, kind")
        .param(businessKey).query(Queued.class).list();
  }
}
