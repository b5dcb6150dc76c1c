package fr.misp.backoffice.documents;

import fr.misp.backoffice.documents.FileDocuments.Listed;
import fr.misp.backoffice.documents.FileDocuments.Stored;
import fr.misp.backoffice.letters.FileAccess;
import fr.misp.backoffice.platform.security.AllowedGroups;
import fr.misp.backoffice.platform.security.CurrentUser;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The documents of a file, for whoever may read the file's own view; medical documents are listed
 * and read by médecins-conseil only (the others may add one — a member's medical report reaches an
 * advisor — but never see it again).
 */
@RestController
@RequestMapping("/api/files/{id}/documents")
@Tag(name = "Documents")
@AllowedGroups({Groups.ADVISORS, Groups.IMA, Groups.HCS, Groups.MEDICAL_ADVISERS, Groups.MANAGERS,
    Groups.SOCIAL_AID_COMMISSION})
public class DocumentsController {

  private final FileAccess files;
  private final FileDocuments documents;

  public DocumentsController(FileAccess files, FileDocuments documents) {
    this.files = files;
    this.documents = documents;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Ajouter un document au dossier (multipart : file, type ; PDF, JPEG ou PNG reconnus d'après le contenu)")
  public ResponseEntity<Listed> add(@PathVariable String id, @RequestParam(name = "type", required = false) String type,
      @RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request) {
    CurrentUser user = CurrentUser.of(request);
    String businessKey = files.readable(id, user);
    byte[] content;
    try {
      content = file == null ? null : file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Listed added = documents.add(businessKey, type, file == null ? null : file.getOriginalFilename(), content, user.id());
    return ResponseEntity.status(HttpStatus.CREATED).body(added);
  }

  @GetMapping
  @Operation(summary = "Les documents du dossier (les documents médicaux pour les médecins-conseil seulement)")
  public List<Listed> list(@PathVariable String id, HttpServletRequest request) {
    CurrentUser user = CurrentUser.of(request);
    return documents.of(files.readable(id, user), user.isMemberOfAny(Groups.MEDICAL_ADVISERS));
  }

  @GetMapping("/{documentId}")
  @Operation(summary = "Un document du dossier")
  public ResponseEntity<byte[]> read(@PathVariable String id, @PathVariable String documentId, HttpServletRequest request) {
    CurrentUser user = CurrentUser.of(request);
    Stored stored = documents.read(files.readable(id, user), documentId, user.isMemberOfAny(Groups.MEDICAL_ADVISERS))
        .orElseThrow(() -> new NotFoundException("Document inconnu dans ce dossier / Unknown document in this file"));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(stored.document().mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(stored.document().fileName()).build().toString())
        .header("X-Content-SHA256", stored.document().sha256())
        .body(stored.content());
  }
}
