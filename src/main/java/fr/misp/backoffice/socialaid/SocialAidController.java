package fr.misp.backoffice.socialaid;

import fr.misp.backoffice.platform.security.AllowedGroups;
import fr.misp.backoffice.platform.security.CurrentUser;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.socialaid.SocialAidService.View;
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

/** Action Sociale requests (PROCESSES.md, {@code socialAid}). */
@RestController
@RequestMapping("/api/social-aid-requests")
@Tag(name = "Action Sociale")
public class SocialAidController {

  private final SocialAidService service;

  public SocialAidController(SocialAidService service) {
    this.service = service;
  }

  @PostMapping
  @AllowedGroups(Groups.ADVISORS)
  @Operation(summary = "Déposer une demande d'aide (201 ; la même demande déposée deux fois répond 200 avec la première)")
  public ResponseEntity<View> start(@Valid @RequestBody SocialAidRequest body, HttpServletRequest request) {
    Map.Entry<View, Boolean> started = service.start(body, CurrentUser.of(request));
    return ResponseEntity.status(started.getValue() ? HttpStatus.CREATED : HttpStatus.OK).body(started.getKey());
  }

  @GetMapping("/{id}")
  @AllowedGroups({Groups.ADVISORS, Groups.SOCIAL_AID_COMMISSION, Groups.MANAGERS})
  @Operation(summary = "Statut, décision, montant et échéancier d'une demande")
  public View get(@PathVariable String id, HttpServletRequest request) {
    return service.view(id, CurrentUser.of(request));
  }
}
