package fr.misp.backoffice.letters;

import java.time.LocalDateTime;

/**
 * One row of the notice outbox ({@code notification_outbox}) as the dispatcher reads it. The kind
 * may carry a cycle after a {@code #} ({@code AID_GRANTED#2}); the round counts the same notice
 * ordered again (a second request for documents, a second reminder).
 */
public record Notice(String id, String businessKey, String kind, String recipient, String message, int roundNumber,
    LocalDateTime createdAt, int attempts) {

  /** The kind without its cycle: {@code AID_GRANTED#2} → {@code AID_GRANTED}. */
  public String baseKind() {
    int hash = kind.indexOf('#');
    return hash < 0 ? kind : kind.substring(0, hash);
  }

  /** The cycle or position after a {@code #} of the kind ({@code DEATH_CAPITAL_NOTICE#2} → 2), or 0. */
  public int kindNumber() {
    int hash = kind.indexOf('#');
    return hash < 0 ? 0 : Integer.parseInt(kind.substring(hash + 1));
  }

  /** {@code member:M-1} → {@code member}. */
  public String recipientRole() {
    int colon = recipient.indexOf(':');
    return colon < 0 ? recipient : recipient.substring(0, colon);
  }

  /** {@code member:M-1} → {@code M-1}. */
  public String recipientId() {
    int colon = recipient.indexOf(':');
    return colon < 0 ? "" : recipient.substring(colon + 1);
  }
}
