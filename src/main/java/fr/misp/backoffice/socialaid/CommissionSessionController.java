package fr.misp.backoffice.socialaid;

import fr.misp.backoffice.platform.security.AllowedGroups;
import fr.misp.backoffice.platform.security.CurrentUser;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The commission's calendar (RULES §8 Decision): managers plan the sessions; everyone concerned reads them. */
@RestController
@RequestMapping("/api/commission-sessions")
@Tag(name = "Séances de la commission")
public class CommissionSessionController {

  /** Body of POST. */
  public record Planned(@NotNull LocalDate sessionDate) {}

  private final CommissionSessions sessions;

  public CommissionSessionController(CommissionSessions sessions) {
    this.sessions = sessions;
  }

  @GetMapping
  @AllowedGroups({Groups.MANAGERS, Groups.SOCIAL_AID_COMMISSION, Groups.ADVISORS})
  @Operation(summary = "Séances à venir de la commission d'Action Sociale")
  public List<CommissionSessions.Session> upcoming() {
    return sessions.from(LocalDate.now());
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @AllowedGroups(Groups.MANAGERS)
  @Operation(summary = "Programmer une séance de la commission (date future)")
  public List<CommissionSessions.Session> plan(@Valid @RequestBody Planned body, HttpServletRequest request) {
    if (!body.sessionDate().isAfter(LocalDate.now()) || body.sessionDate().isAfter(LocalDate.now().plusYears(2))) {
      throw InvalidRequestException.of("sessionDate", "not_upcoming", "La séance doit être à venir (dans les deux ans)",
          "The session must be upcoming (within two years)");
    }
    sessions.plan(body.sessionDate(), CurrentUser.of(request).id());
    return upcoming();
  }
}
