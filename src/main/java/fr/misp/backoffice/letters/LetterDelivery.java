package fr.misp.backoffice.letters;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the dispatcher on every node, every {@code misp.letters.delivery.interval-ms}, when a mail
 * server is configured ({@code spring.mail.host}; the demo profile's is the embedded GreenMail).
 * Without one, nothing is sent and the notices wait in the outbox (the metrics show them).
 */
@Component
@EnableConfigurationProperties(LettersProperties.class)
public class LetterDelivery {

  private static final Logger log = LoggerFactory.getLogger(LetterDelivery.class);

  private final NoticeDispatcher dispatcher;

  public LetterDelivery(JdbcClient jdbc, Letters letters, Recipients recipients, ObjectProvider<JavaMailSenderImpl> mail,
      RuntimeService runtime, LettersProperties properties, DeathCapitalNotices deathCapitalNotices,
      @Value("${misp.letters.delivery.enabled:true}") boolean enabled,
      @Value("${camunda.bpm.generic-properties.properties.hostname:}") String hostname) {
    JavaMailSenderImpl sender = mail.getIfAvailable();
    boolean configured = enabled && sender != null && sender.getHost() != null && !sender.getHost().isBlank();
    String node = hostname.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : hostname;
    this.dispatcher = configured ? new NoticeDispatcher(jdbc, letters, recipients, sender, runtime, properties,
        deathCapitalNotices, node, Clock.systemDefaultZone()) : null;
    if (!configured) {
      log.info("Letters are not delivered on this node: no mail server configured (spring.mail.host)");
    }
  }

  @Scheduled(initialDelayString = "${misp.letters.delivery.interval-ms:10000}",
      fixedDelayString = "${misp.letters.delivery.interval-ms:10000}")
  void round() {
    if (dispatcher == null) {
      return;
    }
    try {
      dispatcher.dispatchDue();
    } catch (RuntimeException e) {
      // The database is away, say: the next round tries again; the notices stay in the outbox.
      log.warn("Delivery round failed: {}", e.getClass().getSimpleName());
    }
  }
}
