package fr.misp.backoffice.priorapproval;

import static fr.misp.backoffice.platform.engine.ProcessVariable.choice;
import static fr.misp.backoffice.platform.engine.ProcessVariable.date;
import static fr.misp.backoffice.platform.engine.ProcessVariable.flag;
import static fr.misp.backoffice.platform.engine.ProcessVariable.money;
import static fr.misp.backoffice.platform.engine.ProcessVariable.text;
import static fr.misp.backoffice.platform.engine.ProcessVariable.timerDay;

import fr.misp.backoffice.platform.engine.ProcessVariable;
import fr.misp.backoffice.rules.priorapproval.RequestDeadline.CareType;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The variables of {@code priorApproval}, each declared once with its type. The process carries
 * what its steps, gateways and forms need; the file's record (request, decision, agreement) lives in
 * {@link PriorApprovalFiles}.
 */
public final class PriorApprovalVariables {

  public static final ProcessVariable<String> MEMBER_ID = text("memberId");
  public static final ProcessVariable<CareType> TYPE = choice("type", CareType.class);
  public static final ProcessVariable<String> COUNTRY = text("countryOfResidence");
  public static final ProcessVariable<LocalDate> RECEIVED_DATE = date("receivedDate");
  public static final ProcessVariable<LocalDate> ADMISSION_DATE = date("plannedAdmissionDate");
  public static final ProcessVariable<LocalDate> PREGNANCY_START_DATE = date("pregnancyStartDate");
  public static final ProcessVariable<String> ESTABLISHMENT_ID = text("establishmentId");
  public static final ProcessVariable<BigDecimal> QUOTE_AMOUNT = money("quoteAmount");
  public static final ProcessVariable<String> QUOTE_CURRENCY = text("quoteCurrency");
  /** IMA or HCS (R-PA-3); buildFile's candidate group is its lower-case name. */
  public static final ProcessVariable<String> ADMINISTRATOR = text("administrator");
  public static final ProcessVariable<Boolean> ON_TIME = flag("onTime");
  public static final ProcessVariable<String> DEADLINE_EXPLANATION = text("deadlineExplanation");
  /** The day the médecin's review is escalated (the escalation timer waits for it). */
  public static final ProcessVariable<LocalDate> MEDICAL_ESCALATION_DATE = timerDay("medicalEscalationDate");
  public static final ProcessVariable<Boolean> HCS_REGISTERED = flag("hcsRegistered");
  public static final ProcessVariable<Boolean> IN_NETWORK = flag("inNetwork");
  // Submitted by the forms (PROCESSES.md task contracts)
  public static final ProcessVariable<Boolean> LATE_ACCEPTED = flag("lateAccepted");
  public static final ProcessVariable<String> LATE_COMMENT = text("lateComment");
  public static final ProcessVariable<Boolean> DOCUMENTS_COMPLETE = flag("documentsComplete");
  public static final ProcessVariable<MedicalDecision> MEDICAL_DECISION = choice("medicalDecision", MedicalDecision.class);
  public static final ProcessVariable<BigDecimal> APPROVED_AMOUNT = money("approvedAmount");
  /** Medical grounds: never a process variable once the task completes (see MedicalSecrecy). */
  public static final ProcessVariable<String> MEDICAL_NOTES = text("medicalNotes");
  // Outcome (PROCESSES.md), also on the file's record
  public static final ProcessVariable<String> DECISION = text("decision");
  public static final ProcessVariable<String> DECISION_REASON = text("decisionReason");
  public static final ProcessVariable<String> AGREEMENT_NUMBER = text("agreementNumber");

  public static final String MESSAGE_HCS_REGISTERED = "HcsRegistrationConfirmed";
  public static final String MESSAGE_DOCUMENTS_RECEIVED = "DocumentsReceived";

  private PriorApprovalVariables() {}
}
