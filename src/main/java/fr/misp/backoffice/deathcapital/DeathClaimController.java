package fr.misp.backoffice.deathcapital;

import fr.misp.backoffice.deathcapital.DeathClaimService.View;
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

/** Death capital and PTIA claims (PROCESSES.md, {@code deathCapital}). */
@RestController
@RequestMapping("/api/death-claims")
@Tag(name = "Capital décès")
public class DeathClaimController {

  private final DeathClaimService service;

  public DeathClaimController(DeathClaimService service) {
    this.service = service;
  }

  @PostMapping
  @AllowedGroups(Groups.ADVISORS)
  @Operation(summary = "Déclarer un décès ou une PTIA (un dossier par membre et événement : une seconde déclaration répond 200 avec le premier)")
  public ResponseEntity<View> start(@Valid @RequestBody DeathClaimRequest body, HttpServletRequest request) {
    Map.Entry<View, Boolean> started = service.start(body, CurrentUser.of(request).id());
    return ResponseEntity.status(started.getValue() ? HttpStatus.CREATED : HttpStatus.OK).body(started.getKey());
  }

  @GetMapping("/{id}")
  @AllowedGroups({Groups.ADVISORS, Groups.MANAGERS})
  @Operation(summary = "Statut, capital, majorations et bénéficiaires (rang, part, montant, paiement)")
  public View get(@PathVariable String id) {
    return service.view(id);
  }
}
