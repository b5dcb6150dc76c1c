package fr.misp.backoffice.letters;

import fr.misp.backoffice.letters.LetterComposer.Composition;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The letters as sent (table {@code letter}): rendered once per notice from the file's records,
 * kept with their SHA-256, so a file shows exactly what each person received, and a retried delivery
 * sends the same document.
 */
@Repository
public class Letters {

  /** A stored letter. */
  public record Letter(String id, String noticeId, String businessKey, String kind, String template, String title,
      String fileName, byte[] content, String sha256, LocalDateTime createdAt) {}

  /** What a file's list shows of a notice and its letter. */
  public record Listed(String noticeId, String kind, String recipientRole, int roundNumber, LocalDateTime createdAt,
      LocalDateTime sentAt, String status, int attempts, String letterId, String title, String fileName, String sha256,
      boolean forPosting) {}

  private final JdbcClient jdbc;
  private final LetterComposer composer;
  private final LetterRenderer renderer;
  private final Recipients recipients;

  public Letters(JdbcClient jdbc, LetterComposer composer, LetterRenderer renderer, Recipients recipients) {
    this.jdbc = jdbc;
    this.composer = composer;
    this.renderer = renderer;
    this.recipients = recipients;
  }

  /** The notice's letter: the stored one, else rendered now and stored; empty when the notice has none. */
  public Optional<Letter> of(Notice notice) {
    Optional<Letter> stored = byNotice(notice.id());
    if (stored.isPresent()) {
      return stored;
    }
    Optional<Composition> composed = composer.compose(notice);
    if (composed.isEmpty()) {
      return Optional.empty();
    }
    Composition letter = composed.get();
    byte[] pdf = renderer.pdf(letter);
    try {
      jdbc.sql("""
          insert into letter (id, notice_id, business_key, kind, template, recipient, title, file_name, content, sha256,
          created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(UUID.randomUUID().toString(), notice.id(), notice.businessKey(), notice.kind(), letter.template(),
              notice.recipient(), letter.title(), letter.fileName(), pdf, sha256(pdf), LocalDateTime.now()).update();
    } catch (DuplicateKeyException raced) {
      // Another dispatcher stored it first: theirs is the letter.
    }
    return byNotice(notice.id());
  }

  public Optional<Letter> byNotice(String noticeId) {
    return jdbc.sql(SELECT + " where notice_id = ?").param(noticeId).query(Letter.class).optional();
  }

  public Optional<Letter> inFile(String businessKey, String letterId) {
    return jdbc.sql(SELECT + " where business_key = ? and id = ?").params(businessKey, letterId).query(Letter.class)
        .optional();
  }

  /** Every notice of a file with its delivery status and its letter, oldest first. */
  public List<Listed> ofFile(String businessKey) {
    return jdbc.sql("""
        select o.id as notice_id, o.kind, o.recipient, o.round_number, o.created_at, o.sent_at, o.failed_at, o.attempts,
        l.id as letter_id, l.title, l.file_name, l.sha256
        from notification_outbox o left join letter l on l.notice_id = o.id
        where o.business_key = ? order by o.created_at, o.kind, o.recipient, o.round_number""").param(businessKey)
        .query((rs, n) -> new Listed(rs.getString("notice_id"), rs.getString("kind"),
            roleOf(rs.getString("recipient")), rs.getInt("round_number"),
            rs.getTimestamp("created_at").toLocalDateTime(),
            rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toLocalDateTime(),
            rs.getTimestamp("sent_at") != null ? "SENT" : rs.getTimestamp("failed_at") != null ? "FAILED"
                : rs.getInt("attempts") > 0 ? "RETRYING" : "PENDING",
            rs.getInt("attempts"), rs.getString("letter_id"), rs.getString("title"), rs.getString("file_name"),
            rs.getString("sha256"), recipients.forPosting(businessKey, rs.getString("recipient"))))
        .list();
  }

  private static String roleOf(String recipient) {
    int colon = recipient.indexOf(':');
    return colon < 0 ? recipient : recipient.substring(0, colon);
  }

  /** The SHA-256 of a content, in lower-case hex (letters and documents). */
  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String SELECT = """
      select id, notice_id, business_key, kind, template, title, file_name, content, sha256, created_at from letter""";

}
