package fr.misp.backoffice.priorapproval;

import static fr.misp.backoffice.platform.engine.Variables.*;
import static fr.misp.backoffice.priorapproval.PriorApprovalVariables.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code buildFile}: a complete file has a quote in a currency (the form's rules, checked
 * server-side too), and the file's record keeps that quote — the one the médecin-conseil and the managers
 * then read, in its currency.
 */
@Component("buildFileCompletion")
public class BuildFileCompletion implements TaskListener {

  private final PriorApprovalFiles files;

  public BuildFileCompletion(PriorApprovalFiles files) {
    this.files = files;
  }

  @Override
  public void notify(DelegateTask task) {
    if (DOCUMENTS_COMPLETE.get(task, false)) {
      BigDecimal quote = QUOTE_AMOUNT.get(task);
      if (quote == null || quote.signum() < 0) {
        throw new BadUserRequestException("Un dossier complet comporte le montant du devis (positif) / "
            + "a complete file needs a non-negative quoteAmount");
      }
      String currency = QUOTE_CURRENCY.get(task);
      if (currency == null || currency.isBlank()) {
        currency = "EUR";
        QUOTE_CURRENCY.set(task.getExecution(), currency);
      } else if (!currency.matches(fr.misp.backoffice.rules.ExchangeRate.CURRENCY_CODE)) {
        throw new BadUserRequestException("« Devise » : code ISO de trois lettres majuscules attendu (EUR, USD…) / "
            + "quoteCurrency must be an ISO 4217 code");
      }
      files.quoted(task.getExecution().getProcessBusinessKey(), quote, currency);
    }
  }
}
