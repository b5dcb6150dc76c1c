package fr.misp.backoffice.letters;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code misp.letters}: where letters go and how the outbox is delivered (application.yml gives the
 * values and their reasons).
 *
 * @param from the sender of every mail
 * @param administrators the mailbox of each claims administrator, by code ({@code IMA}, {@code HCS})
 * @param agencyMailbox the mailbox of an agency, {@code {agency}} standing for its code: letters to a
 *     person without an e-mail address go there, to be printed and posted
 * @param delivery the dispatcher's rhythm and limits
 */
@ConfigurationProperties("misp.letters")
public record LettersProperties(String from, Map<String, String> administrators, String agencyMailbox,
    Delivery delivery) {

  /**
   * @param maxAttempts attempts of one notice before it is marked failed and shown to managers
   * @param firstRetry wait after the first failed attempt; doubled at each attempt, up to {@code maxBackoff}
   * @param lease how long a claimed notice stays a dispatcher's: past it, another node takes it over
   * @param batchSize notices claimed at once by one dispatcher
   */
  public record Delivery(int maxAttempts, Duration firstRetry, Duration maxBackoff, Duration lease, int batchSize) {

    public Delivery {
      maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
      firstRetry = firstRetry == null ? Duration.ofMinutes(1) : firstRetry;
      maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
      lease = lease == null ? Duration.ofMinutes(5) : lease;
      batchSize = batchSize <= 0 ? 20 : batchSize;
    }

    /** The wait after attempt {@code n} failed: first, 2 × first, 4 × first… at most the cap. */
    public Duration backoffAfter(int attempt) {
      Duration wait = firstRetry.multipliedBy(1L << Math.min(20, Math.max(0, attempt - 1)));
      return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
  }

  public LettersProperties {
    administrators = administrators == null ? Map.of() : Map.copyOf(administrators);
    delivery = delivery == null ? new Delivery(0, null, null, null, 0) : delivery;
  }
}
