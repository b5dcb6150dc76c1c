package fr.misp.backoffice.priorapproval;

import static fr.misp.backoffice.platform.engine.Variables.*;
import static fr.misp.backoffice.priorapproval.PriorApprovalVariables.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code buildFile}: a complete file has a quote (the form's rule, checked server-side too). */
@Component("buildFileCompletion")
public class BuildFileCompletion implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (DOCUMENTS_COMPLETE.get(task, false)) {
      BigDecimal quote = QUOTE_AMOUNT.get(task);
      if (quote == null || quote.signum() < 0) {
        throw new BadUserRequestException("Un dossier complet comporte le montant du devis (positif) / "
            + "a complete file needs a non-negative quoteAmount");
      }
    }
  }
}
