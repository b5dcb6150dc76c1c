package fr.misp.backoffice.socialaid;

/** Ids and choices of {@code processes/loan-repayment.bpmn} that the code names; a test checks each exists. */
public final class LoanRepaymentElements {

  public static final String NEXT_REPAYMENT_CHECK = "nextRepaymentCheck";
  public static final String DECIDE_ARREARS = "decideArrears";

  /** Where a loan account stands after a review. */
  public enum LoanStanding { SETTLED, RUNNING, ARREARS }

  /** decideArrears: the commission reschedules what is owed, waits, or writes it off. */
  public enum ArrearsDecision { RESCHEDULE, WAIT, WRITE_OFF }

  private LoanRepaymentElements() {}
}
