package fr.misp.backoffice.autonomy;

import fr.misp.backoffice.autonomy.PtaClaimService.View;
import fr.misp.backoffice.platform.security.AllowedGroups;
import fr.misp.backoffice.platform.security.CurrentUser;
import fr.misp.backoffice.platform.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Temporary loss of autonomy claims (PROCESSES.md, {@code temporaryAutonomyLoss}). */
@RestController
@RequestMapping("/api/temporary-autonomy-claims")
@Tag(name = "Perte temporaire d'autonomie")
public class PtaClaimController {

  private final PtaClaimService service;

  public PtaClaimController(PtaClaimService service) {
    this.service = service;
  }

  @PostMapping
  @AllowedGroups(Groups.ADVISORS)
  @Operation(summary = "Déclarer un arrêt de travail pour la PTA (un dossier par membre et arrêt)")
  public ResponseEntity<View> start(@Valid @RequestBody PtaClaimService.Request body, HttpServletRequest request) {
    Map.Entry<View, Boolean> started = service.start(body, CurrentUser.of(request).id());
    return ResponseEntity.status(started.getValue() ? HttpStatus.CREATED : HttpStatus.OK).body(started.getKey());
  }

  @PostMapping("/{id}/stoppage-end")
  @AllowedGroups(Groups.ADVISORS)
  @Operation(summary = "La reprise du travail : les trimestres qui commencent après ne sont pas dus")
  public View stoppageEnd(@PathVariable String id, @Valid @RequestBody PtaClaimService.StoppageEnd body) {
    return service.stoppageEnded(id, body);
  }

  @GetMapping("/{id}")
  @AllowedGroups({Groups.ADVISORS, Groups.MANAGERS})
  @Operation(summary = "Statut, décision et trimestres (jamais la pathologie)")
  public View get(@PathVariable String id) {
    return service.view(id);
  }
}
