package fr.misp.backoffice.letters;

import fr.misp.backoffice.platform.security.SystemActions;
import fr.misp.backoffice.platform.web.InvalidRequestException;
import fr.misp.backoffice.platform.web.NotFoundException;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Notices not delivered after the last attempt: listed to managers, and put back to work by them. */
@Component
public class FailedNotices {

  /** An undelivered notice: which file, which kind, how many attempts, the class of the last error. */
  public record Failed(String id, String businessKey, String kind, String recipientRole, int attempts,
      String lastError, LocalDateTime failedAt, String incidentId) {}

  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final SystemActions system;

  public FailedNotices(JdbcClient jdbc, RuntimeService runtime, SystemActions system) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.system = system;
  }

  public List<Failed> list() {
    return jdbc.sql("""
        select id, business_key, kind, recipient, attempts, last_error, failed_at, incident_id from notification_outbox
        where failed_at is not null order by failed_at""")
        .query((rs, n) -> new Failed(rs.getString("id"), rs.getString("business_key"), rs.getString("kind"),
            rs.getString("recipient").split(":", 2)[0], rs.getInt("attempts"), rs.getString("last_error"),
            rs.getTimestamp("failed_at").toLocalDateTime(), rs.getString("incident_id")))
        .list();
  }

  /** Back in the outbox, attempts from zero; its incident, if it had one, resolved. */
  public Failed retry(String id) {
    Failed notice = list().stream().filter(f -> f.id().equals(id)).findFirst().orElseGet(() -> {
      if (jdbc.sql("select count(*) from notification_outbox where id = ?").param(id).query(Integer.class).single() == 0) {
        throw new NotFoundException("Avis inconnu / Unknown notice");
      }
      throw InvalidRequestException.of("id", "not_failed", "Cet avis n'est pas en échec d'envoi",
          "This notice has not failed");
    });
    jdbc.sql("""
        update notification_outbox set attempts = 0, failed_at = null, next_attempt_at = null, last_error = null,
        claimed_by = null, claimed_until = null, incident_id = null where id = ? and failed_at is not null""")
        .param(id).update();
    if (notice.incidentId() != null) {
      try {
        // As the back office: the manager's right is this endpoint's, not a right on the process instance.
        system.asSystem(() -> runtime.resolveIncident(notice.incidentId()));
      } catch (RuntimeException gone) {
        // The process ended or the incident was resolved in Cockpit meanwhile: nothing left to resolve.
      }
    }
    return new Failed(notice.id(), notice.businessKey(), notice.kind(), notice.recipientRole(), 0, null, null, null);
  }
}
