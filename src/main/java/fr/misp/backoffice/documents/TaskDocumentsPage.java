package fr.misp.backoffice.documents;

import fr.misp.backoffice.documents.FileDocuments.Listed;
import fr.misp.backoffice.documents.FileDocuments.Stored;
import fr.misp.backoffice.letters.LetterRenderer;
import fr.misp.backoffice.letters.Letters;
import fr.misp.backoffice.letters.Letters.Letter;
import fr.misp.backoffice.platform.security.CurrentUser;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.platform.web.ApiError.FieldError;
import fr.misp.backoffice.platform.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * "Pièces du dossier", the page Tasklist shows above a task's form (app/tasklist/misp/task-documents.js):
 * the file's documents its reader may see (medical ones for médecins-conseil only), what the step
 * requires and what is missing, an upload form, and the file's letters with their delivery status.
 * Signed in with Tasklist's own session; the task must be one the engine shows this person (its group,
 * zone or agency), which fixes the file; uploads carry the page's token and come from this origin.
 */
@Controller
@RequestMapping("/pieces/taches/{taskId}")
public class TaskDocumentsPage {

  private static final Logger LOG = LoggerFactory.getLogger(TaskDocumentsPage.class);
  static final String TOKEN = TaskDocumentsPage.class.getName() + ".token";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Refused: answered with a short French page and its status. */
  static final class Refused extends RuntimeException {
    final HttpStatus status;

    Refused(HttpStatus status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  /** The task as this person may see it, and its file. */
  record TaskFile(Task task, String processKey, String businessKey, String variant, CurrentUser user) {
    boolean medicalReader() {
      return user.isMemberOfAny(Groups.MEDICAL_ADVISERS);
    }
  }

  private final ProcessEngine engine;
  private final FileDocuments documents;
  private final DocumentCompleteness completeness;
  private final Letters letters;
  private final long maxBytes;
  private final TemplateEngine pages = new TemplateEngine();

  public TaskDocumentsPage(ProcessEngine engine, FileDocuments documents, DocumentCompleteness completeness,
      Letters letters, @Value("${misp.documents.max-bytes:10485760}") long maxBytes) {
    this.engine = engine;
    this.documents = documents;
    this.completeness = completeness;
    this.letters = letters;
    this.maxBytes = maxBytes;
    pages.setTemplateResolver(LetterRenderer.shipped("pages/"));
  }

  @GetMapping
  public ResponseEntity<String> page(@PathVariable String taskId, @RequestParam(name = "ajout", required = false)
      String added, HttpServletRequest request) {
    TaskFile file = taskFile(taskId, request);
    String notice = "ok".equals(added) ? "Le document a été ajouté au dossier." : null;
    return html(HttpStatus.OK, render(file, request, List.of(), notice));
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<String> upload(@PathVariable String taskId, @RequestParam(name = "jeton", required = false)
      String token, @RequestParam(name = "type", required = false) String type,
      @RequestParam(name = "fichier", required = false) MultipartFile upload, HttpServletRequest request)
      throws IOException {
    TaskFile file = taskFile(taskId, request);
    HttpSession session = request.getSession();
    if (!sameOrigin(request) || !tokenMatches(session, token)) {
      throw new Refused(HttpStatus.FORBIDDEN, "Ce formulaire a expiré ou ne vient pas du back office : rechargez la "
          + "page et recommencez. Rien n'a été ajouté.");
    }
    try {
      byte[] content = upload == null ? null : upload.getBytes();
      documents.add(file.businessKey(), type, upload == null ? null : upload.getOriginalFilename(), content,
          file.user().id());
    } catch (InvalidRequestException refused) {
      return html(HttpStatus.BAD_REQUEST, render(file, request,
          refused.errors().stream().map(FieldError::message).toList(), null));
    }
    LOG.info("Document added to a file from task {}", taskId);
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .location(URI.create(request.getContextPath() + "/pieces/taches/" + taskId + "?ajout=ok")).build();
  }

  @GetMapping("/documents/{documentId}")
  public ResponseEntity<byte[]> document(@PathVariable String taskId, @PathVariable String documentId,
      HttpServletRequest request) {
    TaskFile file = taskFile(taskId, request);
    Stored stored = documents.read(file.businessKey(), documentId, file.medicalReader())
        .orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "Ce document n'existe pas dans ce dossier."));
    return download(MediaType.parseMediaType(stored.document().mediaType()), stored.document().fileName(),
        stored.content());
  }

  @GetMapping("/courriers/{letterId}")
  public ResponseEntity<byte[]> letter(@PathVariable String taskId, @PathVariable String letterId,
      HttpServletRequest request) {
    TaskFile file = taskFile(taskId, request);
    Letter letter = letters.inFile(file.businessKey(), letterId)
        .orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "Ce courrier n'existe pas dans ce dossier."));
    return download(MediaType.APPLICATION_PDF, letter.fileName(), letter.content());
  }

  @ExceptionHandler(Refused.class)
  ResponseEntity<String> refused(Refused refused) {
    return html(refused.status, message(refused.getMessage()));
  }

  /** A body larger than the servlet takes: the same French answer as the documents' own limit. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<String> tooLarge(MultipartException e) {
    return html(HttpStatus.BAD_REQUEST, message("Le fichier dépasse " + maxBytes / (1024 * 1024)
        + " Mo : rien n'a été ajouté. Revenez à la page et choisissez un fichier plus petit."));
  }

  /** A fault of ours: a French page, the exception's class in the log, nothing of the request. */
  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<String> unexpected(RuntimeException e) {
    LOG.error("Unexpected error on the documents page: {}", e.getClass().getName());
    return html(HttpStatus.INTERNAL_SERVER_ERROR, message("Une erreur inattendue est survenue : rien n'a été modifié. "
        + "Réessayez dans un instant."));
  }

  private TaskFile taskFile(String taskId, HttpServletRequest request) {
    CurrentUser user = WebappSignIn.of(request).orElseThrow(() -> new Refused(HttpStatus.UNAUTHORIZED,
        "Connectez-vous à Tasklist pour voir les pièces du dossier."));
    IdentityService identity = engine.getIdentityService();
    Task task;
    identity.setAuthentication(user.id(), user.groups());
    try {
      // Asked as the person: the engine shows only the tasks offered to their groups, zone or agency.
      task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    } finally {
      identity.clearAuthentication();
    }
    if (task == null || task.getProcessInstanceId() == null) {
      throw new Refused(HttpStatus.NOT_FOUND, "Cette tâche n'existe pas ou n'est pas visible pour vous.");
    }
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult();
    if (instance == null || instance.getBusinessKey() == null) {
      throw new Refused(HttpStatus.NOT_FOUND, "Cette tâche n'est rattachée à aucun dossier.");
    }
    String definitionId = task.getProcessDefinitionId();
    Object variant = engine.getRuntimeService().getVariable(task.getProcessInstanceId(),
        DocumentCompleteness.VARIANT_VARIABLE);
    return new TaskFile(task, definitionId.substring(0, definitionId.indexOf(':')), instance.getBusinessKey(),
        variant == null ? null : variant.toString(), user);
  }

  private String render(TaskFile file, HttpServletRequest request, List<String> errors, String notice) {
    List<Listed> visible = documents.of(file.businessKey(), file.medicalReader());
    List<DocumentType> read = StepDocuments.read(file.processKey(), file.task().getTaskDefinitionKey(), file.variant());
    List<DocumentType> required = StepDocuments.required(file.processKey(), file.task().getTaskDefinitionKey(),
        file.variant());
    List<DocumentType> missing = completeness.missing(file.processKey(), file.task().getTaskDefinitionKey(),
        file.variant(), file.businessKey());
    Set<DocumentType> present = documents.presentTypes(file.businessKey());
    long hiddenMedical = file.medicalReader() ? 0
        : present.stream().filter(DocumentType::medical).count();
    Context context = new Context(Locale.FRANCE);
    context.setVariable("taskId", file.task().getId());
    context.setVariable("taskName", file.task().getName());
    context.setVariable("businessKey", file.businessKey());
    context.setVariable("required", required.stream().map(t -> Map.of("label", t.label(), "present", present.contains(t)))
        .toList());
    context.setVariable("missing", missing.stream().map(DocumentType::label).toList());
    context.setVariable("forDecider", visible.stream().filter(d -> read.contains(DocumentType.valueOf(d.documentType())))
        .toList());
    context.setVariable("others", visible.stream().filter(d -> !read.contains(DocumentType.valueOf(d.documentType())))
        .toList());
    context.setVariable("hiddenMedical", hiddenMedical);
    context.setVariable("types", List.of(DocumentType.values()));
    context.setVariable("letters", letters.ofFile(file.businessKey()));
    context.setVariable("token", token(request.getSession()));
    context.setVariable("base", request.getContextPath() + "/pieces/taches/" + file.task().getId());
    context.setVariable("errors", errors);
    context.setVariable("notice", notice);
    context.setVariable("maxMb", maxBytes / (1024 * 1024));
    context.setVariable("fmt", new PageFormat());
    return pages.process("task-documents", context);
  }

  private String message(String text) {
    Context context = new Context(Locale.FRANCE);
    context.setVariable("text", text);
    return pages.process("task-documents", context);
  }

  private static ResponseEntity<String> html(HttpStatus status, String body) {
    return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore()).header("X-Content-Type-Options", "nosniff")
        .header("X-Frame-Options", "SAMEORIGIN")
        .header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'none'; frame-ancestors 'self'")
        .body(body);
  }

  private static ResponseEntity<byte[]> download(MediaType type, String fileName, byte[] content) {
    return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noStore())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .body(content);
  }

  /** The session's form token, made on first use. */
  private static String token(HttpSession session) {
    Object token = session.getAttribute(TOKEN);
    if (token == null) {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      session.setAttribute(TOKEN, token);
    }
    return (String) token;
  }

  private static boolean tokenMatches(HttpSession session, String sent) {
    Object expected = session.getAttribute(TOKEN);
    return expected != null && sent != null && MessageDigest.isEqual(((String) expected).getBytes(StandardCharsets.UTF_8),
        sent.getBytes(StandardCharsets.UTF_8));
  }

  /** A browser names the page's origin on a form post; another origin is a forged post. */
  private static boolean sameOrigin(HttpServletRequest request) {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin == null) {
      return true;
    }
    String host = request.getHeader(HttpHeaders.HOST);
    return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
  }
}
