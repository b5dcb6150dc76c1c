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
    MedicalDecision decision = java.util.Arrays.stream(MedicalDecision.values())
        .filter(d -> d.name().equals(string(task, MEDICAL_DECISION))).findFirst().orElse(null);
    if (decision == null) {
      throw new BadUserRequestException("Décision médicale requise : accord, accord avec tarifs ajustés, refus ou "
          + "demande de compléments / medicalDecision is required");
    }
    BigDecimal quote = amount(task, QUOTE_AMOUNT);
    BigDecimal approved = amount(task, APPROVED_AMOUNT);
    if (decision == MedicalDecision.APPROVE && approved == null) {
      approved = quote;
      task.setVariable(APPROVED_AMOUNT, quote);
    }
    if (decision.approves()) {
      if (approved == null || approved.signum() < 0) {
        throw new BadUserRequestException("Montant accordé requis et positif / approvedAmount is required");
      }
      if (quote != null && approved.compareTo(quote) > 0) {
        throw new BadUserRequestException("Le montant accordé (" + approved + ") dépasse le devis (" + quote + ") / "
            + "approvedAmount is above the quote");
      }
    }
    if (decision == MedicalDecision.REFUSE && (string(task, DECISION_REASON) == null || string(task, DECISION_REASON).isBlank())) {
      throw new BadUserRequestException("Un motif de refus (non médical, communiqué au membre) est requis / "
          + "decisionReason is required to refuse");
    }
    String notes = string(task, MEDICAL_NOTES);
    if (notes != null && !notes.isBlank()) {
      records.add(task.getExecution().getProcessBusinessKey(), author(), notes);
    }
    task.removeVariable(MEDICAL_NOTES);
    task.getExecution().removeVariable(MEDICAL_NOTES);
  }

  private static String author() {
    String user = Context.getCommandContext().getAuthenticatedUserId();
    return user == null ? "system" : user;
  }
}
