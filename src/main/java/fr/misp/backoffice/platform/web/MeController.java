package fr.misp.backoffice.platform.web;

import fr.misp.backoffice.platform.security.AllowedGroups;
import fr.misp.backoffice.platform.security.CurrentUser;
import fr.misp.backoffice.platform.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I, and which tasks may I work: the engine query runs as the caller, under Camunda's authorizations. */
@RestController
@RequestMapping("/api/me")
@AllowedGroups({Groups.ADVISORS, Groups.MEDICAL_ADVISERS, Groups.SOCIAL_AID_COMMISSION, Groups.MANAGERS,
    Groups.IMA, Groups.HCS, Groups.ADMINS})
public class MeController {

  private final WorkList work;

  public MeController(WorkList work) {
    this.work = work;
  }

  /** The caller, their groups (roles) and, for an advisor, the agencies they work for (agency groups). */
  public record Me(String id, List<String> groups, List<String> agencies) {}

  @GetMapping
  @Operation(summary = "L'utilisateur connecté, ses groupes et ses agences")
  public Me me(HttpServletRequest request) {
    CurrentUser user = CurrentUser.of(request);
    return new Me(user.id(), user.groups().stream().filter(g -> !g.startsWith(Groups.AGENCY_PREFIX)).toList(),
        user.groups().stream().filter(g -> g.startsWith(Groups.AGENCY_PREFIX))
            .map(g -> g.substring(Groups.AGENCY_PREFIX.length())).toList());
  }

  @GetMapping("/tasks")
  @Operation(summary = "Les tâches visibles par l'utilisateur (autorisations Camunda appliquées)")
  public List<WorkList.TaskSummary> myTasks() {
    return work.visibleTasks();
  }
}
