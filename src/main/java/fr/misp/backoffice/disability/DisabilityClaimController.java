package fr.misp.backoffice.disability;

import fr.misp.backoffice.disability.DisabilityClaimService.View;
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

/** Invalidity allowance claims (PROCESSES.md, {@code disabilityAllowance}). */
@RestController
@RequestMapping("/api/disability-claims")
@Tag(name = "Allocations d.invalidité")
public class DisabilityClaimController {

  private final DisabilityClaimService service;

  public DisabilityClaimController(DisabilityClaimService service) {
    this.service = service;
  }

  @PostMapping
  @AllowedGroups(Groups.ADVISORS)
  @Operation(summary = "Ouvrir une allocation d.invalidité sur la décision de pension (un dossier par membre et date)")
  public ResponseEntity<View> start(@Valid @RequestBody DisabilityClaimService.Request body, HttpServletRequest request)
      throws Exception {
    Map.Entry<View, Boolean> started = service.start(body, CurrentUser.of(request).id());
    return ResponseEntity.status(started.getValue() ? HttpStatus.CREATED : HttpStatus.OK).body(started.getKey());
  }

  @PostMapping("/{id}/end")
  @AllowedGroups(Groups.ADVISORS)
  @Operation(summary = "La fin de l.allocation (radiation, démission, impayés, décès) : les mois suivants ne sont pas dus")
  public View end(@PathVariable String id, @Valid @RequestBody DisabilityClaimService.End body) {
    return service.ended(id, body);
  }

  @GetMapping("/{id}")
  @AllowedGroups({Groups.ADVISORS, Groups.MANAGERS})
  @Operation(summary = "Statut, catégorie, années calculées avec leur explication, versements")
  public View get(@PathVariable String id) {
    return service.view(id);
  }
}
