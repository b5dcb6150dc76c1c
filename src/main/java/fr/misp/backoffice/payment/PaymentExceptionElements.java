package fr.misp.backoffice.payment;

/** Ids of {@code processes/payment-exception.bpmn} that the code names; a test checks each exists. */
public final class PaymentExceptionElements {

  public static final String CORRECT_BANK_DETAILS = "correctBankDetails";
  public static final String RECONCILE_BANK_ENTRY = "reconcileBankEntry";

  /** What the bank told us that needs a person. */
  public enum Kind { RETURNED, UNKNOWN_ENTRY }

  private PaymentExceptionElements() {}
}
