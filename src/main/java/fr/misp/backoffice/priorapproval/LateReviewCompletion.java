package fr.misp.backoffice.priorapproval;

import static fr.misp.backoffice.priorapproval.PriorApprovalVariables.LATE_COMMENT;
import static fr.misp.backoffice.priorapproval.PriorApprovalVariables.LATE_ACCEPTED;
import static fr.misp.backoffice.platform.engine.Variables.string;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code reviewLateRequest}: the advisor chooses to accept or to refuse (nothing left
 * unticked refuses a file), and always explains it.
 */
@Component("lateReviewCompletion")
public class LateReviewCompletion implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Boolean accepted = LATE_ACCEPTED.answered(task);
    if (accepted == null) {
      throw new BadUserRequestException("Choisissez : accepter la demande malgré le retard, ou la refuser / "
          + "lateAccepted is required");
    }
    LATE_ACCEPTED.set(task.getExecution(), accepted); // a boolean, as the task's contract says
    String comment = LATE_COMMENT.get(task);
    if (comment == null || comment.isBlank()) {
      throw new BadUserRequestException("Un commentaire est obligatoire (urgence invoquée, ou motif du refus) / "
          + "lateComment is required");
    }
  }
}
