package fr.misp.backoffice.priorapproval;

import static fr.misp.backoffice.priorapproval.PriorApprovalVariables.LATE_COMMENT;
import static fr.misp.backoffice.platform.engine.Variables.string;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code reviewLateRequest}: accepting or refusing a late request is always explained. */
@Component("lateReviewCompletion")
public class LateReviewCompletion implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String comment = LATE_COMMENT.get(task);
    if (comment == null || comment.isBlank()) {
      throw new BadUserRequestException("Un commentaire est obligatoire (urgence invoquée, ou motif du refus) / "
          + "lateComment is required");
    }
  }
}
