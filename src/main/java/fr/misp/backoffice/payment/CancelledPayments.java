package fr.misp.backoffice.payment;

/**
 * What a payment cancelled as not due undoes where the benefit counted it when it was ordered (an agency's
 * endowment, a loan account): a port the benefits implement, called in the cancellation's transaction, once.
 */
public interface CancelledPayments {

  void cancelled(PaymentOrders.PaymentOrder order);
}
