package fr.misp.backoffice.payment;

/** Ids of {@code processes/payment-exception.bpmn} that the code names; a test checks each exists. */
public final class PaymentExceptionElements {

  public static final String CORRECT_BANK_DETAILS = "correctBankDetails";
  public static final String RECONCILE_BANK_ENTRY = "reconcileBankEntry";
  public static final String REVIEW_REJECTED_PAYMENT = "reviewRejectedPayment";

  /** What needs a person: the bank returned a payment or notified an unknown entry; a gestionnaire rejected an order. */
  public enum Kind { RETURNED, UNKNOWN_ENTRY, REJECTED }

  /** reviewRejectedPayment: order the payment again (corrected), or cancel it (not due), with a motivation. */
  public enum RejectedPaymentDecision { ORDER_AGAIN, CANCEL }

  private PaymentExceptionElements() {}
}
