package fr.misp.backoffice.documents;

import fr.misp.backoffice.platform.web.ApiError.FieldError;
import fr.misp.backoffice.platform.web.InvalidRequestException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The documents of a file (table {@code file_document}): typed, at most {@code misp.documents.max-bytes},
 * of a type recognised from their bytes by Apache Tika (PDF, JPEG, PNG: whatever the name or the
 * declared type says), stored with their SHA-256. Medical documents are never listed or read but by
 * médecins-conseil. Errors name the field, never the value sent.
 */
@Repository
public class FileDocuments {

  /** The types a document may have, recognised from its content. */
  static final Set<String> ACCEPTED = Set.of("application/pdf", "image/jpeg", "image/png");

  /** A document as listed (no content). */
  public record Listed(String id, String documentType, String label, boolean medical, String fileName, String mediaType,
      long sizeBytes, String sha256, String uploadedBy, LocalDateTime uploadedAt) {}

  /** A document with its content. */
  public record Stored(Listed document, byte[] content) {}

  private final JdbcClient jdbc;
  private final long maxBytes;
  private final Tika tika = new Tika();

  public FileDocuments(JdbcClient jdbc, @Value("${misp.documents.max-bytes:10485760}") long maxBytes) {
    this.jdbc = jdbc;
    this.maxBytes = maxBytes;
  }

  public Listed add(String businessKey, String type, String originalName, byte[] content, String user) {
    List<FieldError> errors = new ArrayList<>();
    DocumentType documentType = parse(type);
    if (documentType == null) {
      errors.add(new FieldError("type", "invalid_value", "Type de document inconnu (valeurs : "
          + List.of(DocumentType.values()) + ")", "Unknown document type (values: " + List.of(DocumentType.values()) + ")"));
    }
    String mediaType = null;
    if (content == null || content.length == 0) {
      errors.add(new FieldError("file", "must_not_be_empty", "Le fichier est vide ou absent", "The file is empty or missing"));
    } else if (content.length > maxBytes) {
      errors.add(new FieldError("file", "too_large", "Le fichier dépasse " + maxBytes / (1024 * 1024) + " Mo",
          "The file is larger than " + maxBytes / (1024 * 1024) + " MB"));
    } else {
      mediaType = tika.detect(content);
      if (!ACCEPTED.contains(mediaType)) {
        errors.add(new FieldError("file", "unsupported_content", "Seuls les fichiers PDF, JPEG et PNG sont acceptés "
            + "(type reconnu d'après le contenu)", "Only PDF, JPEG and PNG files are accepted (type recognised from the content)"));
      } else if (mislabelled(originalName, mediaType)) {
        errors.add(new FieldError("file", "mislabelled", "Le nom du fichier annonce un autre type que son contenu "
            + "(PDF, JPEG ou PNG) : vérifiez que c'est bien le bon fichier",
            "The file name announces another type than its content"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    String id = UUID.randomUUID().toString();
    String name = safeName(originalName, mediaType);
    LocalDateTime now = LocalDateTime.now();
    String sha256 = sha256(content);
    Optional<Listed> already = same(businessKey, documentType, sha256);
    if (already.isPresent()) {
      return already.get();
    }
    try {
      jdbc.sql("""
          insert into file_document (id, business_key, document_type, medical, file_name, media_type, size_bytes, sha256,
          content, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(id, businessKey, documentType.name(), documentType.medical(), name, mediaType, (long) content.length,
              sha256, content, user, now).update();
    } catch (DuplicateKeyException raced) {
      // The same content sent twice at once: the one that committed first is the document.
      return same(businessKey, documentType, sha256).orElseThrow(() -> raced);
    }
    return new Listed(id, documentType.name(), documentType.label(), documentType.medical(), name, mediaType,
        content.length, sha256, user, now);
  }

  private Optional<Listed> same(String businessKey, DocumentType type, String sha256) {
    return jdbc.sql(SELECT + " where business_key = ? and document_type = ? and sha256 = ?")
        .params(businessKey, type.name(), sha256).query((rs, n) -> listed(rs)).optional();
  }

  /** The types of the file's documents, medical ones included: presence only, for completeness. */
  public Set<DocumentType> presentTypes(String businessKey) {
    Set<DocumentType> present = EnumSet.noneOf(DocumentType.class);
    jdbc.sql("select distinct document_type from file_document where business_key = ?").param(businessKey)
        .query(String.class).list().forEach(t -> present.add(DocumentType.valueOf(t)));
    return present;
  }

  /** A name whose extension says PDF, JPEG or PNG while the content is another of them. */
  static boolean mislabelled(String originalName, String mediaType) {
    if (originalName == null) {
      return false;
    }
    String lower = originalName.toLowerCase(java.util.Locale.ROOT);
    String said = lower.endsWith(".pdf") ? "application/pdf"
        : lower.endsWith(".jpg") || lower.endsWith(".jpeg") ? "image/jpeg" : lower.endsWith(".png") ? "image/png" : null;
    return said != null && !said.equals(mediaType);
  }

  /** The file's documents this reader may see: the medical ones for médecins-conseil only. */
  public List<Listed> of(String businessKey, boolean medicalReader) {
    return jdbc.sql(SELECT + " where business_key = ? and (medical = false or ?) order by uploaded_at")
        .params(businessKey, medicalReader).query((rs, n) -> listed(rs)).list();
  }

  /** One document, if this reader may see it (a medical one is "not found" for the others). */
  public Optional<Stored> read(String businessKey, String id, boolean medicalReader) {
    return jdbc.sql(SELECT_WITH_CONTENT + " where business_key = ? and id = ? and (medical = false or ?)")
        .params(businessKey, id, medicalReader).query((rs, n) -> new Stored(listed(rs), rs.getBytes("content")))
        .optional();
  }

  private static Listed listed(java.sql.ResultSet rs) throws java.sql.SQLException {
    DocumentType type = DocumentType.valueOf(rs.getString("document_type"));
    return new Listed(rs.getString("id"), type.name(), type.label(), rs.getBoolean("medical"), rs.getString("file_name"),
        rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
        rs.getTimestamp("uploaded_at").toLocalDateTime());
  }

  private static final String COLUMNS =
      "id, document_type, medical, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at";
  private static final String SELECT = "select " + COLUMNS + " from file_document";
  private static final String SELECT_WITH_CONTENT = "select " + COLUMNS + ", content from file_document";

  private static DocumentType parse(String type) {
    if (type == null) {
      return null;
    }
    for (DocumentType t : DocumentType.values()) {
      if (t.name().equals(type)) {
        return t;
      }
    }
    return null;
  }

  /** The name as sent, reduced to letters, digits, dot, dash and underscore, with the extension of its real type. */
  static String safeName(String original, String mediaType) {
    String base = original == null ? "" : original.replaceAll("\\.[A-Za-z0-9]{1,5}$", "");
    base = java.text.Normalizer.normalize(base, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[._]+", "");
    if (base.isBlank()) {
      base = "document";
    }
    base = base.length() > 80 ? base.substring(0, 80) : base;
    String extension = switch (mediaType) {
      case "application/pdf" -> ".pdf";
      case "image/jpeg" -> ".jpg";
      default -> ".png";
    };
    return base + extension;
  }

  static String sha256(byte[] content) {
    return fr.misp.backoffice.letters.Letters.sha256(content);
  }
}
