package fr.misp.backoffice.payment;

import static fr.misp.backoffice.payment.PaymentExceptionVariables.*;

import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.AccountNotification17;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import fr.misp.backoffice.payment.PaymentOrders.PaymentOrder;
import fr.misp.backoffice.platform.engine.ProcessKeys;
import fr.misp.backoffice.platform.engine.ProcessRequests;
import fr.misp.backoffice.platform.engine.ProcessVariable;
import fr.misp.backoffice.platform.web.InvalidRequestException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the bank's debit/credit notifications (ISO 20022 {@code camt.054.001.08}): each booked transaction
 * marks its order PAID or RETURNED (by its end-to-end id, amount and currency checked); a returned payment opens
 * the modelled path back to an advisor, a credit naming a loan repays it, anything else goes to a manager.
 * The whole file is checked before anything changes (a field missing is a 400). Each transaction is recorded
 * and applied in one transaction of its own, recorded first: a file read twice, even at the same instant,
 * changes nothing the second time.
 */
@Service
public class BankNotifications {

  /** What a file did; {@code pending}: entries not booked yet (the bank notifies them again once booked). */
  public record Outcome(int paid, int returned, int repaid, int unknown, int alreadyKnown, int pending) {}

  /** One transaction of the file, checked. */
  record Line(String entryId, String endToEnd, BigDecimal amount, String currency, String reason,
      CreditDebitCode direction, String remittance, boolean booked) {}

  private final JdbcClient jdbc;
  private final PaymentOrders orders;
  private final ProcessRequests requests;
  private final List<IncomingTransfers> incoming;
  private final TransactionTemplate transaction;
  /** The record of a transaction is a savepoint: a second reading at the same instant backs out of it alone. */
  private final TransactionTemplate savepoint;

  private final BeneficiaryNames names;

  public BankNotifications(JdbcClient jdbc, PaymentOrders orders, ProcessRequests requests,
      List<IncomingTransfers> incoming, PlatformTransactionManager transactions, BeneficiaryNames names) {
    this.names = names;
    this.jdbc = jdbc;
    this.orders = orders;
    this.requests = requests;
    this.incoming = incoming;
    this.transaction = new TransactionTemplate(transactions);
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  public Outcome read(String xml, String by) {
    List<Line> lines = lines(xml);
    int paid = 0;
    int returned = 0;
    int repaid = 0;
    int unknown = 0;
    int known = 0;
    int pending = 0;
    for (Line line : lines) {
      if (!line.booked()) {
        pending++;
        continue;
      }
      String outcome = transaction.execute(status -> settle(line, by));
      switch (outcome) {
        case "PAID" -> paid++;
        case "RETURNED" -> returned++;
        case "REPAID" -> repaid++;
        case "KNOWN" -> known++;
        default -> unknown++;
      }
    }
    return new Outcome(paid, returned, repaid, unknown, known, pending);
  }

  /** Every transaction of the file, or a 400 naming what is missing — before anything changes. */
  List<Line> lines(String xml) {
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
    List<Line> lines = new ArrayList<>();
    int entryNumber = 0;
    for (AccountNotification17 notification : message.getBkToCstmrDbtCdtNtfctn().getNtfctn()) {
      for (ReportEntry10 entry : notification.getNtry()) {
        entryNumber++;
        int txNumber = 0;
        for (EntryDetails9 details : entry.getNtryDtls()) {
          for (EntryTransaction10 tx : details.getTxDtls()) {
            txNumber++;
            ActiveOrHistoricCurrencyAndAmount amount = tx.getAmt() != null ? tx.getAmt() : entry.getAmt();
            CreditDebitCode direction = tx.getCdtDbtInd() != null ? tx.getCdtDbtInd() : entry.getCdtDbtInd();
            String where = "entry " + entryNumber + ", transaction " + txNumber;
            if (amount == null || amount.getValue() == null || amount.getValue().signum() <= 0
                || amount.getValue().stripTrailingZeros().scale() > 2 || amount.getValue().precision() > 14) {
              throw InvalidRequestException.of("Amt", "invalid_amount", "Montant absent ou invalide (écriture "
                  + entryNumber + ", transaction " + txNumber + ")", "Missing or invalid amount (" + where + ")");
            }
            if (direction == null) {
              throw InvalidRequestException.of("CdtDbtInd", "missing_direction", "Sens débit/crédit absent (écriture "
                  + entryNumber + ", transaction " + txNumber + ")", "Missing credit/debit indicator (" + where + ")");
            }
            String endToEnd = tx.getRefs() == null ? null : tx.getRefs().getEndToEndId();
            String reason = tx.getRtrInf() == null || tx.getRtrInf().getRsn() == null ? null : tx.getRtrInf().getRsn().getCd();
            String remittance = tx.getRmtInf() == null ? "" : String.join(" ", tx.getRmtInf().getUstrd());
            boolean booked = entry.getSts() != null && "BOOK".equals(entry.getSts().getCd());
            String reference = tx.getRefs() != null && tx.getRefs().getAcctSvcrRef() != null ? tx.getRefs().getAcctSvcrRef()
                : (entry.getAcctSvcrRef() != null ? entry.getAcctSvcrRef() : entry.getNtryRef()) + "#" + txNumber;
            lines.add(new Line(entryId(reference, endToEnd, amount.getValue(), reason, remittance), endToEnd,
                amount.getValue(), amount.getCcy(), reason, direction, remittance, booked));
          }
        }
      }
    }
    return lines;
  }

  /** One transaction: recorded first (a second reading finds it), then applied, in the same transaction. */
  private String settle(Line line, String by) {
    boolean recorded = Boolean.TRUE.equals(savepoint.execute(status -> {
      try {
        jdbc.sql("insert into bank_entry (id, end_to_end_id, amount, outcome, reason_code, received_by, received_at, "
                + "direction, currency) values (?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?)")
            .params(line.entryId(), line.endToEnd() == null ? null : SepaText.of(line.endToEnd(), 35), line.amount(),
                line.reason() == null ? null : SepaText.of(line.reason(), 10), by, LocalDateTime.now(),
                line.direction().name(), line.currency() == null ? null : SepaText.of(line.currency(), 3))
            .update();
        return true;
      } catch (DuplicateKeyException alreadyRead) {
        status.setRollbackOnly();
        return false;
      }
    }));
    if (!recorded) {
      return "KNOWN";
    }
    boolean euros = "EUR".equals(line.currency());
    PaymentOrder order = line.endToEnd() == null ? null : orders.byEndToEndId(line.endToEnd()).orElse(null);
    boolean matches = euros && order != null && order.amount().compareTo(line.amount()) == 0;
    String outcome = "UNKNOWN";
    if (matches && line.reason() != null && jdbc.sql("update payment_order set status = 'RETURNED', status_reason = ?, "
        + "settled_at = ? where end_to_end_id = ? and status in ('SENT', 'PAID')")
        .params(line.reason(), LocalDateTime.now(), line.endToEnd()).update() == 1) {
      outcome = "RETURNED";
    } else if (matches && line.reason() == null && line.direction() == CreditDebitCode.DBIT && jdbc.sql("update "
        + "payment_order set status = 'PAID', settled_at = ? where end_to_end_id = ? and status = 'SENT'")
        .params(LocalDateTime.now(), line.endToEnd()).update() == 1) {
      outcome = "PAID";
    } else if (euros && order == null && line.reason() == null && line.direction() == CreditDebitCode.CRDT) {
      // A member repaying a loan names it in the remittance (R-AS-2); what nobody recognises goes to a person.
      LocalDate day = LocalDate.now(ProcessVariable.PARIS);
      if (incoming.stream().anyMatch(receiver -> receiver.receive(line.remittance(), line.amount(), day))) {
        outcome = "REPAID";
      }
    }
    jdbc.sql("update bank_entry set outcome = ? where id = ?").params(outcome, line.entryId()).update();
    if (outcome.equals("RETURNED")) {
      openException(PaymentExceptionElements.Kind.RETURNED, "PX-RETURN-" + line.endToEnd(), order, line.entryId(),
          line.amount(), returnReason(line.reason()));
    } else if (outcome.equals("UNKNOWN")) {
      openException(PaymentExceptionElements.Kind.UNKNOWN_ENTRY, "PX-ENTRY-" + line.entryId(), order, line.entryId(),
          line.amount(), !euros ? "Écriture dans une autre devise que l'euro"
              : order == null ? "Aucun ordre de paiement ne porte cette référence, et elle ne rembourse aucun prêt"
              : "L'écriture ne correspond pas à l'état ou au montant de l'ordre " + order.orderKey());
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
      BENEFICIARY.put(variables, names.of(order.beneficiary())); // shown on the task, by name
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

  /**
   * What identifies a transaction across readings of the same file: the bank's reference of the transaction
   * (or of its entry with its position in it), its end-to-end id, amount, remittance and whether it is a return.
   */
  private static String entryId(String reference, String endToEnd, BigDecimal amount, String reason, String remittance) {
    String key = reference + "|" + endToEnd + "|" + amount.stripTrailingZeros().toPlainString() + "|" + (reason != null)
        + "|" + remittance;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 40);
    } catch (java.security.NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
