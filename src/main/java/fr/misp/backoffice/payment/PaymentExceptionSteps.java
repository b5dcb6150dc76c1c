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
      String user = Context.getCommandContext().getAuthenticatedUserId();
      task.getExecution().setVariable("correctedBy", user == null ? "system" : user);
    };
  }

  /**
   * The returned order is ordered again, once (its key names the return), to the corrected account; as the
   * account changed, a gestionnaire other than the advisor approves it before it leaves.
   */
  @Bean
  JavaDelegate reorderPayment(PaymentOrders orders) {
    return execution -> {
      PaymentOrder returned = orders.byKey(ORDER_KEY.get(execution)).orElseThrow(() ->
          new IllegalStateException("A returned order has its record"));
      BankDetails details = BankDetails.of(NEW_IBAN.get(execution), NEW_BIC.get(execution)).orElseThrow();
      // Once per return (the returned order's end-to-end id), however many times a payment comes back: the key
      // stays short, the original order key plus a digest of the return.
      String original = returned.orderKey().contains(":RETOUR-")
          ? returned.orderKey().substring(0, returned.orderKey().indexOf(":RETOUR-")) : returned.orderKey();
      orders.orderOnce(new NewOrder(original + ":RETOUR-" + returned.endToEndId().substring(4, 20), returned.businessKey(),
          returned.beneficiary(), returned.amount(), returned.purpose(), returned.onBehalfOf(),
          (String) execution.getVariable("correctedBy"), details, true));
    };
  }

  /** reconcileBankEntry: the manager says what the unknown entry was, in words (kept with the file's history). */
  @Bean
  TaskListener bankEntryReconciled() {
    return task -> {
      String note = RECONCILIATION_NOTE.get(task);
      if (note == null || note.isBlank()) {
        throw new BadUserRequestException("Indiquez ce qu'était cette écriture et ce qui a été fait / "
            + "reconciliationNote is required");
      }
    };
  }
}
