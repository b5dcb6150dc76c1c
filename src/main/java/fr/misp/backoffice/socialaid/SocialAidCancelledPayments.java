package fr.misp.backoffice.socialaid;

import fr.misp.backoffice.payment.CancelledPayments;
import fr.misp.backoffice.payment.PaymentOrders.PaymentOrder;
import org.springframework.stereotype.Component;

/**
 * An aid payment cancelled as not due gives its amount back to the agency's endowment (reserved and counted as paid
 * when it was ordered) and, for a loan or an advance, cancels the loan account: nothing was lent, nothing is owed.
 */
@Component
public class SocialAidCancelledPayments implements CancelledPayments {

  /** The aid payment's key is the file's cycle (the reservation's key) followed by this. */
  static final String AID_PAYMENT = ":AID_PAYMENT";

  private final Endowments endowments;
  private final LoanAccounts loans;

  public SocialAidCancelledPayments(Endowments endowments, LoanAccounts loans) {
    this.endowments = endowments;
    this.loans = loans;
  }

  @Override
  public void cancelled(PaymentOrder order) {
    int marker = order.orderKey().indexOf(AID_PAYMENT);
    if (marker < 0) {
      return;
    }
    endowments.release(order.orderKey().substring(0, marker), order.amount());
    loans.cancel(order.businessKey());
  }
}
