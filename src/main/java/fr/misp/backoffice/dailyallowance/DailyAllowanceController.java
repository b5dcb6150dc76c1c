package fr.misp.backoffice.dailyallowance;

import fr.misp.backoffice.dailyallowance.DailyAllowanceService.View;
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

/** Daily allowance claims (PROCESSES.md, {@code dailyAllowance}). */
@RestController
@RequestMapping("/api/daily-allowance-claims")
@Tag(name = "Allocations journalières")
public class DailyAllowanceController {

  private final DailyAllowanceService service;

  public DailyAllowanceController(DailyAllowanceService service) {
    this.service = service;
  }

  @PostMapping
  @AllowedGroups(Groups.ADVISORS)
  @Operation(summary = "Ouvrir les allocations journalières au passage à demi-traitement (un dossier par membre et date)")
  public ResponseEntity<View> start(@Valid @RequestBody DailyAllowanceService.Request body, HttpServletRequest request) {
    Map.Entry<View, Boolean> started = service.start(body, CurrentUser.of(request).id());
    return ResponseEntity.status(started.getValue() ? HttpStatus.CREATED : HttpStatus.OK).body(started.getKey());
  }

  @PostMapping("/{id}/end")
  @AllowedGroups(Groups.ADVISORS)
  @Operation(summary = "La fin du cycle (reprise, invalidité, radiation, démission, décès) : les mois suivants ne sont pas dus")
  public View end(@PathVariable String id, @Valid @RequestBody DailyAllowanceService.End body) {
    return service.ended(id, body);
  }

  @GetMapping("/{id}")
  @AllowedGroups({Groups.ADVISORS, Groups.MANAGERS})
  @Operation(summary = "Statut, décision et mois calculés avec leur explication")
  public View get(@PathVariable String id) {
    return service.view(id);
  }
}
