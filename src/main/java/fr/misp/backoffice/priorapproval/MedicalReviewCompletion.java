package fr.misp.backoffice.priorapproval;

import static fr.misp.backoffice.platform.engine.Variables.*;
import static fr.misp.backoffice.priorapproval.PriorApprovalVariables.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code medicalReview}: checks the decision against the quote (the same rule as the
 * form, server-side, so a bad submission is refused with a message, never an incident) and moves the
 * medical grounds out of the process into the medical record, readable by médecins-conseil only.
 */
@Component("medicalReviewCompletion")
public class MedicalReviewCompletion implements TaskListener {

  private final MedicalRecords records;

  public MedicalReviewCompletion(MedicalRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    MedicalDecision decision = decision(task);
    if (decision == null) {
      throw new BadUserRequestException("Décision médicale requise : accord, accord avec tarifs ajustés, refus ou "
          + "demande de compléments / medicalDecision is required");
    }
    BigDecimal quote = QUOTE_AMOUNT.get(task);
    BigDecimal approved = APPROVED_AMOUNT.get(task);
    if (decision == MedicalDecision.APPROVE && approved == null) {
      approved = quote;
      APPROVED_AMOUNT.set(task, quote);
    }
    if (decision.approves()) {
      if (approved == null || approved.signum() < 0) {
        throw new BadUserRequestException("Montant accordé requis et positif / approvedAmount is required");
      }
      if (quote != null && approved.compareTo(quote) > 0) {
        // The quote is the file's; what the person typed is not repeated.
        throw new BadUserRequestException("Le montant accordé dépasse le devis ("
            + fr.misp.backoffice.platform.engine.FrenchText.money(quote, QUOTE_CURRENCY.get(task)) + ") / "
            + "approvedAmount is above the quote");
      }
    }
    if (decision == MedicalDecision.REFUSE && (DECISION_REASON.get(task) == null || DECISION_REASON.get(task).isBlank())) {
      throw new BadUserRequestException("Un motif de refus (non médical, communiqué au membre) est requis / "
          + "decisionReason is required to refuse");
    }
    String notes = MEDICAL_NOTES.get(task);
    if (notes != null && !notes.isBlank()) {
      records.add(task.getExecution().getProcessBusinessKey(), author(), notes);
    }
    task.removeVariable(MEDICAL_NOTES.name());
    task.getExecution().removeVariable(MEDICAL_NOTES.name());
  }

  private static String author() {
    return fr.misp.backoffice.platform.engine.EngineContext.actor();
  }

  /** The decision submitted, or null when none or not one of the decisions. */
  private static MedicalDecision decision(DelegateTask task) {
    try {
      return MEDICAL_DECISION.get(task);
    } catch (IllegalArgumentException notADecision) {
      return null;
    }
  }
}
