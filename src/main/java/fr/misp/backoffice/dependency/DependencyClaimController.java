package fr.misp.backoffice.dependency;

import fr.misp.backoffice.dependency.DependencyClaimService.View;
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

/** Total dependency claims (PROCESSES.md, {@code totalDependency}). */
@RestController
@RequestMapping("/api/total-dependency-claims")
@Tag(name = "Dépendance totale")
public class DependencyClaimController {

  private final DependencyClaimService service;

  public DependencyClaimController(DependencyClaimService service) {
    this.service = service;
  }

  @PostMapping
  @AllowedGroups(Groups.ADVISORS)
  @Operation(summary = "Déclarer une dépendance totale (un dossier par membre et début de dépendance)")
  public ResponseEntity<View> start(@Valid @RequestBody DependencyClaimService.Request body, HttpServletRequest request) {
    Map.Entry<View, Boolean> started = service.start(body, CurrentUser.of(request).id());
    return ResponseEntity.status(started.getValue() ? HttpStatus.CREATED : HttpStatus.OK).body(started.getKey());
  }

  @PostMapping("/{id}/dependency-end")
  @AllowedGroups(Groups.ADVISORS)
  @Operation(summary = "La fin de la dépendance (décès, amélioration) : plus rien n.est dû après")
  public View dependencyEnd(@PathVariable String id, @Valid @RequestBody DependencyClaimService.End body) {
    return service.ended(id, body);
  }

  @GetMapping("/{id}")
  @AllowedGroups({Groups.ADVISORS, Groups.MANAGERS})
  @Operation(summary = "Statut, décision, rente et versements")
  public View get(@PathVariable String id) {
    return service.view(id);
  }
}
