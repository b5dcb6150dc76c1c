package fr.misp.backoffice.priorapproval;

import fr.misp.backoffice.platform.security.AllowedGroups;
import fr.misp.backoffice.platform.security.CurrentUser;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.priorapproval.MedicalRecords.MedicalNote;
import fr.misp.backoffice.priorapproval.PriorApprovalService.View;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Prior approval of care abroad (PROCESSES.md, {@code priorApproval}). */
@RestController
@RequestMapping("/api/prior-approvals")
@Tag(name = "Accords préalables")
public class PriorApprovalController {

  private final PriorApprovalService service;
  private final MedicalRecords medicalRecords;

  public PriorApprovalController(PriorApprovalService service, MedicalRecords medicalRecords) {
    this.service = service;
    this.medicalRecords = medicalRecords;
  }

  @PostMapping
  @AllowedGroups({Groups.ADVISORS, Groups.IMA, Groups.HCS})
  @Operation(summary = "Déposer une demande d'accord préalable (201 ; la même demande déposée deux fois répond 200 avec la première)")
  public ResponseEntity<View> start(@Valid @RequestBody PriorApprovalRequest body, HttpServletRequest request) {
    Map.Entry<View, Boolean> started = service.start(body, CurrentUser.of(request));
    return ResponseEntity.status(started.getValue() ? HttpStatus.CREATED : HttpStatus.OK).body(started.getKey());
  }

  @GetMapping("/{id}")
  @AllowedGroups({Groups.ADVISORS, Groups.IMA, Groups.HCS, Groups.MEDICAL_ADVISERS, Groups.MANAGERS})
  @Operation(summary = "Où en est la demande : statut, décision, numéro d'accord (sans détail médical)")
  public View get(@PathVariable String id, HttpServletRequest request) {
    return service.view(id, CurrentUser.of(request));
  }

  @GetMapping("/{id}/medical-notes")
  @AllowedGroups(Groups.MEDICAL_ADVISERS)
  @Operation(summary = "Motifs médicaux (médecins-conseil uniquement)")
  public List<MedicalNote> medicalNotes(@PathVariable String id, HttpServletRequest request) {
    return medicalRecords.of(service.view(id, CurrentUser.of(request)).businessKey());
  }

  @PostMapping("/{id}/hcs-registration")
  @AllowedGroups({Groups.ADVISORS, Groups.HCS})
  @Operation(summary = "Le membre s'est enregistré auprès de HCS : le dossier reprend")
  public View hcsRegistered(@PathVariable String id, HttpServletRequest request) {
    return service.hcsRegistered(id, CurrentUser.of(request));
  }

  @PostMapping("/{id}/documents-received")
  @AllowedGroups({Groups.ADVISORS, Groups.IMA, Groups.HCS})
  @Operation(summary = "Les pièces manquantes sont arrivées : le gestionnaire reprend le dossier")
  public View documentsReceived(@PathVariable String id, HttpServletRequest request) {
    return service.documentsReceived(id, CurrentUser.of(request));
  }
}
