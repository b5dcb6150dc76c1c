package fr.misp.backoffice.letters;

import fr.misp.backoffice.letters.Letters.Letter;
import fr.misp.backoffice.letters.Letters.Listed;
import fr.misp.backoffice.platform.security.AllowedGroups;
import fr.misp.backoffice.platform.security.CurrentUser;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

  /** A file's letters: the process instance, its business key, and each notice with its letter. */
  public record FileLetters(String id, String businessKey, List<Listed> letters) {}

  private final Letters letters;
  private final FileAccess files;

  public LettersController(Letters letters, FileAccess files) {
    this.letters = letters;
    this.files = files;
  }

  @GetMapping
  @Operation(summary = "Les courriers d'un dossier (id du dossier, comme dans sa vue) : chaque avis, son statut d'envoi et son PDF")
  public FileLetters list(@PathVariable String id, HttpServletRequest request) {
    String businessKey = files.readable(id, CurrentUser.of(request));
    return new FileLetters(id, businessKey, letters.ofFile(businessKey));
  }

  @GetMapping("/{letterId}")
  @Operation(summary = "Un courrier, en PDF")
  public ResponseEntity<byte[]> pdf(@PathVariable String id, @PathVariable String letterId, HttpServletRequest request) {
    String businessKey = files.readable(id, CurrentUser.of(request));
    Letter letter = letters.inFile(businessKey, letterId).orElseThrow(() ->
        new NotFoundException("Courrier inconnu dans ce dossier / Unknown letter in this file"));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(letter.fileName()).build().toString())
        .header("X-Content-SHA256", letter.sha256())
        .body(letter.content());
  }
}
