package fr.misp.backoffice.socialaid;

import static fr.misp.backoffice.platform.engine.ProcessVariable.choice;
import static fr.misp.backoffice.platform.engine.ProcessVariable.count;
import static fr.misp.backoffice.platform.engine.ProcessVariable.money;
import static fr.misp.backoffice.platform.engine.ProcessVariable.text;
import static fr.misp.backoffice.platform.engine.ProcessVariable.timerDay;

import fr.misp.backoffice.platform.engine.ProcessVariable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The variables of {@code loanRepayment}, each declared once; the account itself is in {@link LoanAccounts}. */
public final class LoanRepaymentVariables {

  /** The social-aid file of the loan: the key of its account. */
  public static final ProcessVariable<String> LOAN_FILE_KEY = text("loanFileKey");
  public static final ProcessVariable<String> MEMBER_ID = text("memberId");
  public static final ProcessVariable<LocalDate> NEXT_REPAYMENT_CHECK = timerDay("nextRepaymentCheck");
  public static final ProcessVariable<LoanRepaymentElements.LoanStanding> LOAN_STANDING =
      choice("loanStanding", LoanRepaymentElements.LoanStanding.class);
  // Shown to the commission, in words.
  public static final ProcessVariable<String> LOAN_REFERENCE = text("loanReference");
  public static final ProcessVariable<Integer> MISSED_INSTALMENTS = count("missedInstalments");
  public static final ProcessVariable<BigDecimal> OVERDUE_AMOUNT = money("overdueAmount");
  public static final ProcessVariable<BigDecimal> OUTSTANDING_AMOUNT = money("outstandingAmount");
  // decideArrears
  public static final ProcessVariable<LoanRepaymentElements.ArrearsDecision> ARREARS_DECISION =
      choice("arrearsDecision", LoanRepaymentElements.ArrearsDecision.class);
  public static final ProcessVariable<Integer> RESCHEDULE_MONTHS = count("rescheduleMonths");
  public static final ProcessVariable<String> ARREARS_MOTIVATION = text("arrearsMotivation");

  private LoanRepaymentVariables() {}
}
