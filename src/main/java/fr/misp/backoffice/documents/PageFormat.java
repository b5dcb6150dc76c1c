package fr.misp.backoffice.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** What the documents page prints: sizes, dates and the letters' statuses, in French. */
public final class PageFormat {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final Map<String, String> STATUSES = Map.of("SENT", "envoyé", "PENDING", "en attente d'envoi",
      "RETRYING", "nouvel essai prévu", "FAILED", "échec d'envoi (signalé aux gestionnaires)");
  private static final Map<String, String> RECIPIENTS = Map.of("member", "membre", "payee", "bénéficiaire",
      "administrator", "gestionnaire de zone (IMA ou HCS)", "advisors", "conseillers", "agency", "agence");

  /** "850 o", "34 Ko", "5,2 Mo". */
  public String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " o";
    }
    if (bytes < 1024 * 1024) {
      return (bytes + 512) / 1024 + " Ko";
    }
    return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024L * 1024), 1, RoundingMode.HALF_UP).toPlainString()
        .replace('.', ',') + " Mo";
  }

  public String dateTime(LocalDateTime at) {
    return at == null ? "" : at.format(DATE_TIME);
  }

  public String status(String status) {
    return STATUSES.getOrDefault(status, status);
  }

  public String recipient(String role) {
    return RECIPIENTS.getOrDefault(role, role);
  }
}
