package fr.misp.backoffice.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Port: money a member sends us (a credit of the bank's notification that settles none of our orders),
 * offered to whoever recognises its remittance text — a loan's repayment account, for one.
 */
public interface IncomingTransfers {

  /** @return true when the transfer was recognised and applied; false leaves it to a person. */
  boolean receive(String remittance, BigDecimal amount, LocalDate day);

  /** Whether this reference names something a transfer can be applied to (a gestionnaire's reconciliation). */
  default boolean knows(String reference) {
    return false;
  }
}
