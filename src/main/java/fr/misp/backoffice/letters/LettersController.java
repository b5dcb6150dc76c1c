package fr.misp.backoffice.letters;

import fr.misp.backoffice.deathcapital.DeathClaimService;
import fr.misp.backoffice.letters.Letters.Letter;
import fr.misp.backoffice.letters.Letters.Listed;
import fr.misp.backoffice.platform.engine.ProcessKeys;
import fr.misp.backoffice.platform.security.AllowedGroups;
import fr.misp.backoffice.platform.security.CurrentUser;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.platform.web.ForbiddenException;
import fr.misp.backoffice.platform.web.NotFoundException;
import fr.misp.backoffice.priorapproval.PriorApprovalService;
import fr.misp.backoffice.socialaid.SocialAidService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The letters of a file, for whoever may read the file's own view: the same groups, and the same
 * checks (the zone of IMA and HCS, the agency of an advisor, the commission's files), by asking the
 * view itself. A letter holds nothing medical, so the médecins-conseil see what the others see.
 */
@RestController
@RequestMapping("/api/files/{id}/letters")
@Tag(name = "Courriers")
@AllowedGroups({Groups.ADVISORS, Groups.IMA, Groups.HCS, Groups.MEDICAL_ADVISERS, Groups.MANAGERS,
    Groups.SOCIAL_AID_COMMISSION})
public class LettersController {

  /** The groups of each process's view (its controller's {@code @AllowedGroups}). */
  static final Map<String, List<String>> VIEW_GROUPS = Map.of(
      ProcessKeys.PRIOR_APPROVAL, List.of(Groups.ADVISORS, Groups.IMA, Groups.HCS, Groups.MEDICAL_ADVISERS, Groups.MANAGERS),
      ProcessKeys.SOCIAL_AID, List.of(Groups.ADVISORS, Groups.SOCIAL_AID_COMMISSION, Groups.MANAGERS),
      ProcessKeys.DEATH_CAPITAL, List.of(Groups.ADVISORS, Groups.MANAGERS));

  /** A file's letters: the process instance, its business key, and each notice with its letter. */
  public record FileLetters(String id, String businessKey, List<Listed> letters) {}

  private final JdbcClient jdbc;
  private final Letters letters;
  private final PriorApprovalService priorApprovals;
  private final SocialAidService socialAid;
  private final DeathClaimService deathClaims;

  public LettersController(JdbcClient jdbc, Letters letters, PriorApprovalService priorApprovals,
      SocialAidService socialAid, DeathClaimService deathClaims) {
    this.jdbc = jdbc;
    this.letters = letters;
    this.priorApprovals = priorApprovals;
    this.socialAid = socialAid;
    this.deathClaims = deathClaims;
  }

  @GetMapping
  @Operation(summary = "Les courriers d'un dossier (id du dossier, comme dans sa vue) : chaque avis, son statut d'envoi et son PDF")
  public FileLetters list(@PathVariable String id, HttpServletRequest request) {
    String businessKey = readableFile(id, CurrentUser.of(request));
    return new FileLetters(id, businessKey, letters.ofFile(businessKey));
  }

  @GetMapping("/{letterId}")
  @Operation(summary = "Un courrier, en PDF")
  public ResponseEntity<byte[]> pdf(@PathVariable String id, @PathVariable String letterId, HttpServletRequest request) {
    String businessKey = readableFile(id, CurrentUser.of(request));
    Letter letter = letters.inFile(businessKey, letterId).orElseThrow(() ->
        new NotFoundException("Courrier inconnu dans ce dossier / Unknown letter in this file"));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(letter.fileName()).build().toString())
        .header("X-Content-SHA256", letter.sha256())
        .body(letter.content());
  }

  /** The file's business key, once its own view has let this user in (404 or 403 otherwise, as the view answers). */
  String readableFile(String id, CurrentUser user) {
    String processKey = jdbc.sql("select process_key from process_request where process_instance_id = ?").param(id)
        .query(String.class).optional().orElseThrow(() -> new NotFoundException("Dossier inconnu / Unknown file"));
    if (!VIEW_GROUPS.getOrDefault(processKey, List.of()).stream().anyMatch(user::isMemberOfAny)) {
      throw new ForbiddenException("Ce dossier n'est pas visible pour vous / This file is not visible to you");
    }
    return switch (processKey) {
      case ProcessKeys.PRIOR_APPROVAL -> priorApprovals.view(id, user).businessKey();
      case ProcessKeys.SOCIAL_AID -> socialAid.view(id, user).businessKey();
      case ProcessKeys.DEATH_CAPITAL -> deathClaims.view(id).businessKey();
      default -> throw new NotFoundException("Dossier inconnu / Unknown file");
    };
  }
}
