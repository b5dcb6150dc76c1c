package fr.misp.backoffice.payment;

import static fr.misp.backoffice.platform.engine.ProcessVariable.choice;
import static fr.misp.backoffice.platform.engine.ProcessVariable.money;
import static fr.misp.backoffice.platform.engine.ProcessVariable.text;

import fr.misp.backoffice.platform.engine.ProcessVariable;
import java.math.BigDecimal;

/** The variables of {@code paymentException}, each declared once; the orders and entries live in tables. */
public final class PaymentExceptionVariables {

  public static final ProcessVariable<PaymentExceptionElements.Kind> KIND =
      choice("exceptionKind", PaymentExceptionElements.Kind.class);
  /** The returned order (RETURNED), or the unknown entry's id (UNKNOWN_ENTRY). */
  public static final ProcessVariable<String> ORDER_KEY = text("orderKey");
  public static final ProcessVariable<String> BANK_ENTRY_ID = text("bankEntryId");
  /** reconcileBankEntry: the loan an unknown incoming transfer repays, when the gestionnaire finds it. */
  public static final ProcessVariable<String> LOAN_REFERENCE = text("loanReference");
  // Shown on the forms, in words.
  public static final ProcessVariable<String> BENEFICIARY = text("beneficiary");
  public static final ProcessVariable<BigDecimal> AMOUNT = money("amount");
  public static final ProcessVariable<String> BANK_REASON = text("bankReason");
  // Submitted.
  public static final ProcessVariable<String> NEW_IBAN = text("newIban");
  public static final ProcessVariable<String> NEW_BIC = text("newBic");
  public static final ProcessVariable<String> RECONCILIATION_NOTE = text("reconciliationNote");
  public static final ProcessVariable<PaymentExceptionElements.RejectedPaymentDecision> REJECTED_DECISION =
      choice("rejectedPaymentDecision", PaymentExceptionElements.RejectedPaymentDecision.class);
  public static final ProcessVariable<String> REJECTED_MOTIVATION = text("rejectedPaymentMotivation");

  private PaymentExceptionVariables() {}
}
