package fr.misp.backoffice.letters;

import fr.misp.backoffice.platform.security.AllowedGroups;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.platform.security.SystemActions;
import fr.misp.backoffice.platform.web.InvalidRequestException;
import fr.misp.backoffice.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notices that could not be delivered, for managers: the list, and putting one back to work once the
 * address or the mail server is fixed (its incident, if it had one, is resolved).
 */
@RestController
@RequestMapping("/api/notices")
@Tag(name = "Courriers")
@AllowedGroups(Groups.MANAGERS)
public class NoticesController {

  /** An undelivered notice: which file, which kind, how many attempts, the class of the last error. */
  public record Failed(String id, String businessKey, String kind, String recipientRole, int attempts,
      String lastError, LocalDateTime failedAt, String incidentId) {}

  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final SystemActions system;

  public NoticesController(JdbcClient jdbc, RuntimeService runtime, SystemActions system) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.system = system;
  }

  @GetMapping
  @Operation(summary = "Les avis non remis après le nombre maximal de tentatives (status=FAILED)")
  public List<Failed> failed(@RequestParam(defaultValue = "FAILED") String status) {
    if (!"FAILED".equals(status)) {
      throw InvalidRequestException.of("status", "invalid_value", "Seule la valeur FAILED est acceptée",
          "Only FAILED is accepted");
    }
    return jdbc.sql("""
        select id, business_key, kind, recipient, attempts, last_error, failed_at, incident_id from notification_outbox
        where failed_at is not null order by failed_at""")
        .query((rs, n) -> new Failed(rs.getString("id"), rs.getString("business_key"), rs.getString("kind"),
            rs.getString("recipient").split(":", 2)[0], rs.getInt("attempts"), rs.getString("last_error"),
            rs.getTimestamp("failed_at").toLocalDateTime(), rs.getString("incident_id")))
        .list();
  }

  @PostMapping("/{id}/retry")
  @Operation(summary = "Remettre un avis non remis en file d'envoi (et résoudre son incident)")
  public Failed retry(@PathVariable String id) {
    Failed notice = failed("FAILED").stream().filter(f -> f.id().equals(id)).findFirst().orElseGet(() -> {
      Optional<String> known = jdbc.sql("select id from notification_outbox where id = ?").param(id).query(String.class)
          .optional();
      if (known.isEmpty()) {
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
