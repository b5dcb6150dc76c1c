package fr.misp.backoffice.platform.engine;

import java.util.List;

/** The process keys of PROCESSES.md: contracts with other systems, never renamed. */
public final class ProcessKeys {

  public static final String PRIOR_APPROVAL = "priorApproval";
  public static final String SOCIAL_AID = "socialAid";
  public static final String DEATH_CAPITAL = "deathCapital";
  /** A returned payment or an unknown bank entry: the modelled path back to a person (payments). */
  public static final String PAYMENT_EXCEPTION = "paymentException";
  /** The repayment of a social loan or special advance (R-AS-2). */
  public static final String LOAN_REPAYMENT = "loanRepayment";
  /** Temporary loss of autonomy, PTA (R-PTA-*). */
  public static final String TEMPORARY_AUTONOMY_LOSS = "temporaryAutonomyLoss";
  /** Total dependency: annuity and home-care forfait (R-DEP-*). */
  public static final String TOTAL_DEPENDENCY = "totalDependency";
  /** Daily allowances while on half pay (R-AJ-*). */
  public static final String DAILY_ALLOWANCE = "dailyAllowance";
  /** Invalidity allowances (R-INV-*). */
  public static final String DISABILITY_ALLOWANCE = "disabilityAllowance";
  /** The monthly payroll and 1 January renewal of every invalidity allowance at once (R-INV-9/10). */
  public static final String DISABILITY_PAYROLL = "disabilityPayroll";
  public static final List<String> ALL = List.of(PRIOR_APPROVAL, SOCIAL_AID, DEATH_CAPITAL, PAYMENT_EXCEPTION,
      LOAN_REPAYMENT, TEMPORARY_AUTONOMY_LOSS, TOTAL_DEPENDENCY, DAILY_ALLOWANCE, DISABILITY_ALLOWANCE,
      DISABILITY_PAYROLL);

  private ProcessKeys() {}
}
