package fr.misp.backoffice.letters;

import fr.misp.backoffice.letters.Letters.Letter;
import fr.misp.backoffice.letters.Recipients.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends the notice outbox by e-mail, each notice once, whatever the number of nodes: a dispatcher
 * claims a notice with one conditional UPDATE (a lease that only one node can take while it runs),
 * renders or reuses its letter, sends it (the PDF attached, a Message-ID fixed per notice so that a
 * mail server or a mailbox can recognise a resend), then records {@code sent_at} and the Message-ID.
 * A failure is retried later with a doubling wait; after {@code maxAttempts} the notice is marked
 * failed, listed to managers ({@code GET /api/notices?status=FAILED}), counted in the metrics, and
 * raised as an incident on the file's process instance when it still runs (Cockpit). Logs name the
 * notice and the class of the error, never an address, a name or a text.
 *
 * <p>Between the mail server's acceptance and the UPDATE that records it, a node that dies leaves
 * a notice that is sent again after its lease: at least once, and then with the same Message-ID.
 */
public class NoticeDispatcher {

  /** The engine incident type of an undelivered notice. */
  public static final String INCIDENT_TYPE = "misp-notice-undelivered";

  private static final Logger log = LoggerFactory.getLogger(NoticeDispatcher.class);

  /** What one round did. */
  public record Round(int claimed, int sent, int retried, int failed) {}

  private final JdbcClient jdbc;
  private final Letters letters;
  private final Recipients recipients;
  private final JavaMailSenderImpl mail;
  private final RuntimeService runtime;
  private final LettersProperties properties;
  private final DeathCapitalNotices deathCapitalNotices;
  private final String node;
  private final Clock clock;

  public NoticeDispatcher(JdbcClient jdbc, Letters letters, Recipients recipients, JavaMailSenderImpl mail,
      RuntimeService runtime, LettersProperties properties, DeathCapitalNotices deathCapitalNotices, String node,
      Clock clock) {
    this.jdbc = jdbc;
    this.letters = letters;
    this.recipients = recipients;
    this.mail = mail;
    this.runtime = runtime;
    this.properties = properties;
    this.deathCapitalNotices = deathCapitalNotices;
    this.node = node;
    this.clock = clock;
  }

  /** One round: queue the notices derived from records, then claim and send what is due. */
  public Round dispatchDue() {
    deathCapitalNotices.queueDue();
    return dispatch(null);
  }

  /** A round over one file's notices only (tests share a database with other files). */
  Round dispatchDue(String businessKey) {
    deathCapitalNotices.queueDue();
    return dispatch(businessKey);
  }

  private Round dispatch(String businessKey) {
    LocalDateTime now = LocalDateTime.now(clock);
    List<String> due = jdbc.sql("""
        select id from notification_outbox where sent_at is null and failed_at is null
        and (next_attempt_at is null or next_attempt_at <= ?) and (claimed_until is null or claimed_until < ?) %s
        order by created_at fetch first %d rows only""".formatted(businessKey == null ? "" : "and business_key = ?",
            properties.delivery().batchSize() * 2))
        .params(businessKey == null ? List.of(now, now) : List.of(now, now, businessKey)).query(String.class).list();
    int claimed = 0;
    int sent = 0;
    int retried = 0;
    int failed = 0;
    for (String id : due) {
      if (claimed >= properties.delivery().batchSize()) {
        break;
      }
      Optional<Notice> notice = claim(id);
      if (notice.isEmpty()) {
        continue;
      }
      claimed++;
      switch (deliver(notice.get())) {
        case SENT -> sent++;
        case RETRY -> retried++;
        case FAILED -> failed++;
      }
    }
    return new Round(claimed, sent, retried, failed);
  }

  private enum Outcome { SENT, RETRY, FAILED }

  /** Takes the notice for this node, if no other node holds it and it is still to send. */
  Optional<Notice> claim(String id) {
    LocalDateTime now = LocalDateTime.now(clock);
    int taken = jdbc.sql("""
        update notification_outbox set claimed_by = ?, claimed_until = ?, attempts = attempts + 1
        where id = ? and sent_at is null and failed_at is null and (claimed_until is null or claimed_until < ?)""")
        .params(node, now.plus(properties.delivery().lease()), id, now).update();
    if (taken == 0) {
      return Optional.empty();
    }
    return jdbc.sql("""
        select id, business_key, kind, recipient, message, round_number, created_at, attempts
        from notification_outbox where id = ?""").param(id).query(Notice.class).optional();
  }

  private Outcome deliver(Notice notice) {
    try {
      Optional<Letter> letter = letters.of(notice);
      Address address = recipients.of(notice);
      String messageId = "<" + notice.id() + "@misp-backoffice>";
      mail.send(message(notice, letter, address, messageId));
      jdbc.sql("""
          update notification_outbox set sent_at = ?, message_id = ?, claimed_until = null, last_error = null
          where id = ? and claimed_by = ?""").params(LocalDateTime.now(clock), messageId, notice.id(), node).update();
      return Outcome.SENT;
    } catch (RuntimeException | MessagingException e) {
      return failed(notice, e);
    }
  }

  private MimeMessage message(Notice notice, Optional<Letter> letter, Address address, String messageId)
      throws MessagingException {
    MimeMessage message = new MimeMessage(mail.getSession()) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
    MimeMessageHelper mime = new MimeMessageHelper(message, letter.isPresent(), "UTF-8");
    mime.setFrom(properties.from());
    mime.setTo(address.email());
    String reference = "dossier " + notice.businessKey();
    if (letter.isPresent()) {
      mime.setSubject("MGEN International — " + letter.get().title() + " — " + reference);
      mime.setText(address.forPosting()
          ? "Courrier à imprimer et à envoyer par la poste au destinataire nommé dans la pièce jointe : aucune adresse "
              + "électronique n'est enregistrée pour lui (" + reference + ").\n"
          : "Madame, Monsieur,\n\nVous trouverez ci-joint notre courrier « " + letter.get().title() + " » ("
              + reference + ").\n\nCe message est envoyé automatiquement : pour toute question, contactez votre agence "
              + "en rappelant la référence du dossier.\n\nMGEN International Santé Prévoyance\n");
      mime.addAttachment(letter.get().fileName(), new ByteArrayResource(letter.get().content()), "application/pdf");
    } else {
      mime.setSubject("MGEN International — " + reference);
      mime.setText(notice.message() + "\n");
    }
    return message;
  }

  private Outcome failed(Notice notice, Exception e) {
    int max = properties.delivery().maxAttempts();
    String error = e.getClass().getSimpleName();
    LocalDateTime now = LocalDateTime.now(clock);
    if (notice.attempts() < max) {
      log.warn("Notice {} ({}) not delivered, attempt {}/{}: {}", notice.id(), notice.baseKind(), notice.attempts(), max,
          error);
      jdbc.sql("""
          update notification_outbox set next_attempt_at = ?, claimed_until = null, claimed_by = null, last_error = ?
          where id = ? and claimed_by = ?""")
          .params(now.plus(properties.delivery().backoffAfter(notice.attempts())), error, notice.id(), node).update();
      return Outcome.RETRY;
    }
    log.error("Notice {} ({}) not delivered after {} attempts: {}; shown to managers", notice.id(), notice.baseKind(),
        max, error);
    jdbc.sql("""
        update notification_outbox set failed_at = ?, claimed_until = null, last_error = ? where id = ? and claimed_by = ?""")
        .params(now, error, notice.id(), node).update();
    incident(notice, max).ifPresent(incident -> jdbc.sql("update notification_outbox set incident_id = ? where id = ?")
        .params(incident, notice.id()).update());
    return Outcome.FAILED;
  }

  /** An incident on the file's process instance, when it still runs: a manager sees it in Cockpit. */
  private Optional<String> incident(Notice notice, int attempts) {
    Optional<String> instance = jdbc.sql("select process_instance_id from process_request where business_key = ?")
        .param(notice.businessKey()).query(String.class).optional();
    if (instance.isEmpty() || runtime.createProcessInstanceQuery().processInstanceId(instance.get()).count() == 0) {
      return Optional.empty();
    }
    try {
      // An incident belongs to an execution at an activity: where the file waits.
      return Optional.of(runtime.createIncident(INCIDENT_TYPE, waitingExecution(runtime.getActivityInstance(instance.get())),
          notice.id(),
          "Courrier non remis après " + attempts + " tentatives (" + notice.baseKind() + ", avis " + notice.id()
              + ") : corriger l'adresse ou le serveur de messagerie, puis POST /api/notices/" + notice.id() + "/retry")
          .getId());
    } catch (RuntimeException ended) {
      log.warn("Notice {}: no incident raised ({})", notice.id(), ended.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  private static String waitingExecution(org.camunda.bpm.engine.runtime.ActivityInstance instance) {
    org.camunda.bpm.engine.runtime.ActivityInstance[] children = instance.getChildActivityInstances();
    return children.length == 0 ? instance.getExecutionIds()[0] : waitingExecution(children[0]);
  }
}
