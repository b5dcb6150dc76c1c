package fr.misp.backoffice.payment;

import static fr.misp.backoffice.payment.PaymentExceptionVariables.*;

import fr.misp.backoffice.payment.PaymentOrders.NewOrder;
import fr.misp.backoffice.payment.PaymentOrders.PaymentOrder;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The steps of {@code payment-exception.bpmn}: a returned payment paid again to a corrected account, once. */
@Configuration
public class PaymentExceptionSteps {

  /** correctBankDetails: the advisor gives the payee's right account; refused unless it is a valid IBAN (and BIC). */
  @Bean
  TaskListener bankDetailsCorrected() {
    return task -> {
      BankDetails details = BankDetails.of(NEW_IBAN.get(task), NEW_BIC.get(task)).orElseThrow(() ->
          new BadUserRequestException("IBAN (ou BIC) invalide : vérifiez le RIB du bénéficiaire / newIban is not a valid "
              + "IBAN"));
      NEW_IBAN.set(task, details.iban());
      NEW_BIC.set(task, details.bic());
      String user = fr.misp.backoffice.platform.engine.EngineContext.actor();
      task.getExecution().setVariable("correctedBy", user);
    };
  }

  /**
   * The returned or rejected order is ordered again, once (its key names the order it takes up), to the corrected
   * account or, after a rejection without a new account, the same one; in both cases a gestionnaire other than the
   * advisor approves it before it leaves.
   */
  @Bean
  JavaDelegate reorderPayment(PaymentOrders orders) {
    return execution -> {
      PaymentOrder previous = orders.byKey(ORDER_KEY.get(execution)).orElseThrow(() ->
          new IllegalStateException("A returned or rejected order has its record"));
      String newIban = NEW_IBAN.get(execution);
      BankDetails details = newIban != null ? BankDetails.of(newIban, NEW_BIC.get(execution)).orElseThrow()
          : BankDetails.of(previous.iban(), previous.bic()).orElse(null);
      // However many times a payment comes back, the key stays short: the original order key plus the
      // end-to-end id (shortened) of the order taken up.
      String original = previous.orderKey().contains(":REPRISE-")
          ? previous.orderKey().substring(0, previous.orderKey().indexOf(":REPRISE-")) : previous.orderKey();
      orders.orderOnce(new NewOrder(original + ":REPRISE-" + previous.endToEndId().substring(4, 20),
          previous.businessKey(), previous.beneficiary(), previous.amount(), previous.purpose(), previous.onBehalfOf(),
          (String) execution.getVariable("correctedBy"), details, true));
    };
  }

  /** reviewRejectedPayment: order again (a new IBAN, if given, must be valid) or cancel with a motivation. */
  @Bean
  TaskListener rejectedPaymentReviewed() {
    return task -> {
      PaymentExceptionElements.RejectedPaymentDecision decision = REJECTED_DECISION.submitted(task);
      if (decision == null) {
        throw new BadUserRequestException("Décision requise : ordonner à nouveau ou annuler / rejectedPaymentDecision "
            + "is required");
      }
      String motivation = REJECTED_MOTIVATION.get(task);
      if (motivation == null || motivation.isBlank()) {
        throw new BadUserRequestException("Une motivation est requise / rejectedPaymentMotivation is required");
      }
      String newIban = NEW_IBAN.get(task);
      if (decision == PaymentExceptionElements.RejectedPaymentDecision.ORDER_AGAIN && newIban != null
          && !newIban.isBlank()) {
        BankDetails details = BankDetails.of(newIban, NEW_BIC.get(task)).orElseThrow(() -> new BadUserRequestException(
            "IBAN (ou BIC) invalide : vérifiez le RIB du bénéficiaire / newIban is not a valid IBAN"));
        NEW_IBAN.set(task, details.iban());
        NEW_BIC.set(task, details.bic());
      } else {
        task.getExecution().removeVariable(NEW_IBAN.name());
      }
      String user = fr.misp.backoffice.platform.engine.EngineContext.actor();
      task.getExecution().setVariable("correctedBy", user);
    };
  }

  /**
   * The advisor cancelled the rejected or returned payment as not due: the order is cancelled (who, why), and what it
   * had counted is undone where it was counted (CancelledPayments: an endowment, a loan never lent).
   */
  @Bean
  JavaDelegate cancelRejectedPayment(PaymentOrders orders, java.util.List<CancelledPayments> undo) {
    return execution -> {
      PaymentOrder order = orders.byKey(ORDER_KEY.get(execution)).orElseThrow(() ->
          new IllegalStateException("A rejected order has its record"));
      if (orders.cancel(order.orderKey(), (String) execution.getVariable("correctedBy"),
          REJECTED_MOTIVATION.get(execution))) {
        undo.forEach(port -> port.cancelled(order));
      }
    };
  }

  /**
   * reconcileBankEntry: the manager says what the unknown entry was, in words (kept with the file's history), and may
   * apply an incoming transfer in euros to the loan it repays (its reference), checked here.
   */
  @Bean
  TaskListener bankEntryReconciled(JdbcClient jdbc, java.util.List<IncomingTransfers> incoming) {
    return task -> {
      String note = RECONCILIATION_NOTE.get(task);
      if (note == null || note.isBlank()) {
        throw new BadUserRequestException("Indiquez ce qu'était cette écriture et ce qui a été fait / "
            + "reconciliationNote is required");
      }
      String reference = LOAN_REFERENCE.get(task);
      if (reference == null || reference.isBlank()) {
        task.getExecution().removeVariable(LOAN_REFERENCE.name());
        return;
      }
      boolean incomingEuros = jdbc.sql("select count(*) from bank_entry where id = ? and outcome = 'UNKNOWN' "
          + "and direction = 'CRDT' and currency = 'EUR'").param(BANK_ENTRY_ID.get(task)).query(Integer.class).single() == 1;
      if (!incomingEuros) {
        throw new BadUserRequestException("Seul un virement reçu en euros peut rembourser un prêt / only an incoming "
            + "transfer in euros repays a loan");
      }
      if (incoming.stream().noneMatch(port -> port.knows(reference))) {
        throw new BadUserRequestException("Aucun prêt en cours ne porte cette référence / no active loan has this "
            + "reference");
      }
      task.getExecution().setVariable("reconciledBy", fr.misp.backoffice.platform.engine.EngineContext.actor());
    };
  }

  /** The entry applied once to the loan it repays (the entry's outcome changes first: a retry applies nothing twice). */
  @Bean
  JavaDelegate applyBankEntry(JdbcClient jdbc, java.util.List<IncomingTransfers> incoming) {
    return execution -> {
      String reference = LOAN_REFERENCE.get(execution);
      if (reference == null) {
        return;
      }
      String entry = BANK_ENTRY_ID.get(execution);
      if (jdbc.sql("update bank_entry set outcome = 'REPAID', applied_by = ? where id = ? and outcome = 'UNKNOWN'")
          .params(execution.getVariable("reconciledBy"), entry).update() == 0) {
        return;
      }
      java.math.BigDecimal amount = jdbc.sql("select amount from bank_entry where id = ?").param(entry)
          .query(java.math.BigDecimal.class).single();
      java.time.LocalDate day = fr.misp.backoffice.platform.engine.EngineContext.today();
      if (incoming.stream().noneMatch(port -> port.receive(reference.trim(), amount, day))) {
        throw new IllegalStateException("The loan of a reconciled entry no longer takes it");
      }
    };
  }
}
