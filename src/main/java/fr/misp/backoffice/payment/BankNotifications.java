package fr.misp.backoffice.payment;

import static fr.misp.backoffice.payment.PaymentExceptionVariables.*;

import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.AccountNotification17;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import fr.misp.backoffice.payment.PaymentOrders.PaymentOrder;
import fr.misp.backoffice.platform.engine.ProcessKeys;
import fr.misp.backoffice.platform.engine.ProcessRequests;
import fr.misp.backoffice.platform.web.InvalidRequestException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the bank's debit/credit notifications (ISO 20022 {@code camt.054.001.08}): each transaction marks
 * its order PAID or RETURNED (by its end-to-end id, amount checked); a returned payment opens the modelled
 * path back to an advisor, an entry we cannot match goes to a manager. A file read twice changes nothing
 * the second time (each entry is recorded once).
 */
@Service
public class BankNotifications {

  /** What a file did. */
  public record Outcome(int paid, int returned, int repaid, int unknown, int alreadyKnown) {}

  private final JdbcClient jdbc;
  private final PaymentOrders orders;
  private final ProcessRequests requests;
  private final java.util.List<IncomingTransfers> incoming;

  public BankNotifications(JdbcClient jdbc, PaymentOrders orders, ProcessRequests requests,
      java.util.List<IncomingTransfers> incoming) {
    this.incoming = incoming;
    this.jdbc = jdbc;
    this.orders = orders;
    this.requests = requests;
  }

  public Outcome read(String xml, String by) {
    MxCamt05400108 message;
    try {
      message = MxCamt05400108.parse(xml);
    } catch (RuntimeException unreadable) {
      message = null;
    }
    if (message == null || message.getBkToCstmrDbtCdtNtfctn() == null) {
      throw InvalidRequestException.of("file", "not_camt054", "Fichier illisible : une notification camt.054.001.08 "
          + "est attendue", "Unreadable file: a camt.054.001.08 notification is expected");
    }
    int paid = 0;
    int returned = 0;
    int repaid = 0;
    int unknown = 0;
    int known = 0;
    for (AccountNotification17 notification : message.getBkToCstmrDbtCdtNtfctn().getNtfctn()) {
      for (ReportEntry10 entry : notification.getNtry()) {
        for (EntryDetails9 details : entry.getNtryDtls()) {
          for (EntryTransaction10 tx : details.getTxDtls()) {
            String endToEnd = tx.getRefs() == null ? null : tx.getRefs().getEndToEndId();
            BigDecimal amount = tx.getAmt() != null ? tx.getAmt().getValue() : entry.getAmt().getValue();
            String reason = tx.getRtrInf() == null || tx.getRtrInf().getRsn() == null ? null
                : tx.getRtrInf().getRsn().getCd();
            CreditDebitCode direction = tx.getCdtDbtInd() != null ? tx.getCdtDbtInd() : entry.getCdtDbtInd();
            String entryId = entryId(entry, tx, endToEnd, amount);
            String remittance = tx.getRmtInf() == null ? "" : String.join(" ", tx.getRmtInf().getUstrd());
            switch (settle(entryId, endToEnd, amount, reason, direction, remittance, by)) {
              case "PAID" -> paid++;
              case "RETURNED" -> returned++;
              case "REPAID" -> repaid++;
              case "KNOWN" -> known++;
              default -> unknown++;
            }
          }
        }
      }
    }
    return new Outcome(paid, returned, repaid, unknown, known);
  }

  /** One transaction, in its own statements: recorded once by its id; the order changes only from its state. */
  private String settle(String entryId, String endToEnd, BigDecimal amount, String reason, CreditDebitCode direction,
      String remittance, String by) {
    if (jdbc.sql("select count(*) from bank_entry where id = ?").param(entryId).query(Integer.class).single() > 0) {
      return "KNOWN";
    }
    PaymentOrder order = endToEnd == null ? null : orders.byEndToEndId(endToEnd).orElse(null);
    boolean sameAmount = order != null && order.amount().compareTo(amount) == 0;
    String outcome = "UNKNOWN";
    if (sameAmount && reason != null && jdbc.sql("update payment_order set status = 'RETURNED', status_reason = ?, "
        + "settled_at = ? where end_to_end_id = ? and status in ('SENT', 'PAID')")
        .params(reason, LocalDateTime.now(), endToEnd).update() == 1) {
      outcome = "RETURNED";
    } else if (sameAmount && reason == null && direction == CreditDebitCode.DBIT && jdbc.sql("update payment_order set "
        + "status = 'PAID', settled_at = ? where end_to_end_id = ? and status = 'SENT'")
        .params(LocalDateTime.now(), endToEnd).update() == 1) {
      outcome = "PAID";
    } else if (order == null && reason == null && direction == CreditDebitCode.CRDT) {
      // A member repaying a loan names it in the remittance (R-AS-2); what nobody recognises goes to a person.
      java.time.LocalDate day = java.time.LocalDate.now(fr.misp.backoffice.platform.engine.ProcessVariable.PARIS);
      if (incoming.stream().anyMatch(receiver -> receiver.receive(remittance, amount, day))) {
        outcome = "REPAID";
      }
    }
    jdbc.sql("insert into bank_entry (id, end_to_end_id, amount, outcome, reason_code, received_by, received_at) "
        + "values (?, ?, ?, ?, ?, ?, ?)").params(entryId, endToEnd == null ? null : SepaText.of(endToEnd, 35), amount,
        outcome, reason == null ? null : SepaText.of(reason, 10), by, LocalDateTime.now()).update();
    if (outcome.equals("RETURNED")) {
      openException(PaymentExceptionElements.Kind.RETURNED, "PX-RETURN-" + endToEnd, order, entryId, amount,
          returnReason(reason));
    } else if (outcome.equals("UNKNOWN")) {
      openException(PaymentExceptionElements.Kind.UNKNOWN_ENTRY, "PX-ENTRY-" + entryId, order, entryId, amount,
          order == null ? "Aucun ordre de paiement ne porte cette référence" : "L'écriture ne correspond pas à l'état "
              + "ou au montant de l'ordre " + order.orderKey());
    }
    return outcome;
  }

  private void openException(PaymentExceptionElements.Kind kind, String businessKey, PaymentOrder order, String entryId,
      BigDecimal amount, String reason) {
    Map<String, Object> variables = new HashMap<>();
    KIND.put(variables, kind);
    BANK_ENTRY_ID.put(variables, entryId);
    AMOUNT.put(variables, amount);
    BANK_REASON.put(variables, reason);
    if (order != null) {
      ORDER_KEY.put(variables, order.orderKey());
      BENEFICIARY.put(variables, order.beneficiary());
    }
    requests.startOnce(ProcessKeys.PAYMENT_EXCEPTION, businessKey, "system", variables);
  }

  /** The ISO external return reason codes a person meets most, in French; others by their code. */
  static String returnReason(String code) {
    return switch (code) {
      case "AC01" -> "Numéro de compte incorrect (AC01)";
      case "AC04" -> "Compte clôturé (AC04)";
      case "AC06" -> "Compte bloqué (AC06)";
      case "BE04" -> "Adresse du bénéficiaire manquante ou incorrecte (BE04)";
      case "MD07" -> "Titulaire du compte décédé (MD07)";
      case "RC01" -> "BIC incorrect (RC01)";
      default -> "Motif bancaire " + SepaText.of(code, 10);
    };
  }

  /** The bank's own reference of the transaction, or a digest of what identifies it in the file. */
  private static String entryId(ReportEntry10 entry, EntryTransaction10 tx, String endToEnd, BigDecimal amount) {
    String reference = tx.getRefs() != null && tx.getRefs().getAcctSvcrRef() != null ? tx.getRefs().getAcctSvcrRef()
        : entry.getAcctSvcrRef() != null ? entry.getAcctSvcrRef() : entry.getNtryRef();
    String key = reference + "|" + endToEnd + "|" + amount.stripTrailingZeros().toPlainString() + "|"
        + (tx.getRtrInf() != null);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 40);
    } catch (java.security.NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
