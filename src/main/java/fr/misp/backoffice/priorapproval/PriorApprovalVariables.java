package fr.misp.backoffice.priorapproval;

/** Process variables of {@code priorApproval}: names in one place (typed reads: platform.engine.Variables). */
public final class PriorApprovalVariables {

  public static final String MEMBER_ID = "memberId";
  public static final String TYPE = "type";
  public static final String COUNTRY = "countryOfResidence";
  public static final String RECEIVED_DATE = "receivedDate";
  public static final String ADMISSION_DATE = "plannedAdmissionDate";
  public static final String PREGNANCY_START_DATE = "pregnancyStartDate";
  public static final String ESTABLISHMENT_ID = "establishmentId";
  public static final String QUOTE_AMOUNT = "quoteAmount";
  public static final String QUOTE_CURRENCY = "quoteCurrency";
  /** Set by the routing DMN: IMA or HCS. */
  public static final String ADMINISTRATOR = "administrator";
  public static final String ON_TIME = "onTime";
  public static final String DEADLINE_EXPLANATION = "deadlineExplanation";
  public static final String MEDICAL_ESCALATION_DATE = "medicalEscalationDate";
  public static final String HCS_REGISTERED = "hcsRegistered";
  public static final String IN_NETWORK = "inNetwork";
  // Submitted by the forms (PROCESSES.md task contracts)
  public static final String LATE_ACCEPTED = "lateAccepted";
  public static final String LATE_COMMENT = "lateComment";
  public static final String DOCUMENTS_COMPLETE = "documentsComplete";
  public static final String MEDICAL_DECISION = "medicalDecision";
  public static final String APPROVED_AMOUNT = "approvedAmount";
  /** Medical grounds: never a process variable once the task completes (see MedicalSecrecy). */
  public static final String MEDICAL_NOTES = "medicalNotes";
  // Outcome
  public static final String DECISION = "decision";
  public static final String DECISION_REASON = "decisionReason";
  public static final String AGREEMENT_NUMBER = "agreementNumber";

  public static final String MESSAGE_HCS_REGISTERED = "HcsRegistrationConfirmed";
  public static final String MESSAGE_DOCUMENTS_RECEIVED = "DocumentsReceived";

  private PriorApprovalVariables() {}
}
