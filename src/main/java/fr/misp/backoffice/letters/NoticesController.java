package fr.misp.backoffice.letters;

import fr.misp.backoffice.letters.FailedNotices.Failed;
import fr.misp.backoffice.platform.security.AllowedGroups;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notices that could not be delivered, for managers: the list, and putting one back to work once the
 * address or the mail server is fixed.
 */
@RestController
@RequestMapping("/api/notices")
@Tag(name = "Courriers")
@AllowedGroups(Groups.MANAGERS)
public class NoticesController {

  private final FailedNotices failed;

  public NoticesController(FailedNotices failed) {
    this.failed = failed;
  }

  @GetMapping
  @Operation(summary = "Les avis non remis après le nombre maximal de tentatives (status=FAILED)")
  public List<Failed> failed(@RequestParam(defaultValue = "FAILED") String status) {
    if (!"FAILED".equals(status)) {
      throw InvalidRequestException.of("status", "invalid_value", "Seule la valeur FAILED est acceptée",
          "Only FAILED is accepted");
    }
    return failed.list();
  }

  @PostMapping("/{id}/retry")
  @Operation(summary = "Remettre un avis non remis en file d'envoi (et résoudre son incident)")
  public Failed retry(@PathVariable String id) {
    return failed.retry(id);
  }
}
