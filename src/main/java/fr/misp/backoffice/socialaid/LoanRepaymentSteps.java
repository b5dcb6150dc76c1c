package fr.misp.backoffice.socialaid;

import static fr.misp.backoffice.socialaid.LoanRepaymentVariables.*;

import fr.misp.backoffice.notification.Notifications;
import fr.misp.backoffice.platform.engine.ProcessKeys;
import fr.misp.backoffice.platform.engine.ProcessRequests;
import fr.misp.backoffice.platform.engine.ProcessVariable;
import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.socialaid.LoanRepaymentElements.ArrearsDecision;
import fr.misp.backoffice.socialaid.LoanRepaymentElements.LoanStanding;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/** The steps of {@code loan-repayment.bpmn}, and how a disbursed loan starts its repayment. */
@Configuration
public class LoanRepaymentSteps {

  static final String GRACE_DAYS = "P-AS-REPAYMENT-GRACE-DAYS";
  static final String REMINDER_DAYS = "P-AS-ARREARS-REMINDER-DAYS";
  static final String MISSED_THRESHOLD = "P-AS-LOAN-MISSED-INSTALMENTS";

  static LocalDate today() {
    return fr.misp.backoffice.platform.engine.EngineContext.today();
  }

  static int parameter(Parameters parameters, String id, LocalDate day) {
    return parameters.require(id, day, "loan").value().intValueExact();
  }

  /** Opens the account of a disbursed loan and starts its repayment, once per file. */
  @Component
  public static class Start {
    private final LoanAccounts accounts;
    private final ProcessRequests requests;
    private final Parameters parameters;

    public Start(LoanAccounts accounts, ProcessRequests requests, Parameters parameters) {
      this.accounts = accounts;
      this.requests = requests;
      this.parameters = parameters;
    }

    public void loanDisbursed(String fileKey, String memberId, String agencyCode, BigDecimal principal) {
      LoanAccounts.Account account = accounts.open(fileKey, memberId, agencyCode, principal);
      LocalDate day = today();
      LoanAccounts.Review review = accounts.review(fileKey, day, parameter(parameters, GRACE_DAYS, day),
          parameter(parameters, REMINDER_DAYS, day));
      Map<String, Object> variables = new HashMap<>();
      LOAN_FILE_KEY.put(variables, fileKey);
      MEMBER_ID.put(variables, memberId);
      LOAN_REFERENCE.put(variables, account.reference());
      NEXT_REPAYMENT_CHECK.put(variables, review.nextDueCheck());
      requests.startOnce(ProcessKeys.LOAN_REPAYMENT, "LR-" + fileKey, "system", variables);
    }
  }

  /**
   * After an instalment's due date and grace: settled, running, or in arrears. Each review that finds
   * instalments missed reminds the member (a new notice each time) with what is owed and the reference.
   */
  @Bean
  JavaDelegate reviewRepayments(LoanAccounts accounts, Parameters parameters, Notifications notifications) {
    return execution -> {
      String fileKey = LOAN_FILE_KEY.get(execution);
      LocalDate day = today();
      LoanAccounts.Review review = accounts.review(fileKey, day, parameter(parameters, GRACE_DAYS, day),
          parameter(parameters, REMINDER_DAYS, day));
      LoanAccounts.Account account = accounts.find(fileKey).orElseThrow();
      MISSED_INSTALMENTS.set(execution, review.missed());
      OVERDUE_AMOUNT.set(execution, review.overdue());
      OUTSTANDING_AMOUNT.set(execution, account.outstanding());
      if (review.settled()) {
        LOAN_STANDING.set(execution, LoanStanding.SETTLED);
        return;
      }
      NEXT_REPAYMENT_CHECK.set(execution, review.nextDueCheck());
      if (review.missed() > 0) {
        notifications.notifyNextRound(fileKey, "LOAN_ARREARS_REMINDER", "member:" + MEMBER_ID.get(execution),
            "Votre remboursement est en retard : " + review.missed() + " mensualité(s), "
                + review.overdue().setScale(2).toPlainString().replace('.', ',') + " € restent dus. Merci de les "
                + "virer en indiquant la référence " + account.reference() + ".");
      }
      LOAN_STANDING.set(execution, review.missed() >= parameter(parameters, MISSED_THRESHOLD, day)
          ? LoanStanding.ARREARS : LoanStanding.RUNNING);
    };
  }

  /** decideArrears: reschedule over a number of months, wait for the next reminder, or write off; motivated. */
  @Bean
  TaskListener arrearsDecided(LoanAccounts accounts, Parameters parameters) {
    return task -> {
      ArrearsDecision decision = ARREARS_DECISION.submitted(task);
      if (decision == null) {
        throw new BadUserRequestException("Décision requise : rééchelonner, attendre ou abandonner / arrearsDecision is "
            + "required");
      }
      String motivation = ARREARS_MOTIVATION.get(task);
      if (motivation == null || motivation.isBlank()) {
        throw new BadUserRequestException("Une motivation est requise / arrearsMotivation is required");
      }
      String fileKey = LOAN_FILE_KEY.get(task);
      LocalDate day = today();
      switch (decision) {
        case RESCHEDULE -> {
          Integer months = RESCHEDULE_MONTHS.get(task);
          if (months == null || months < 1 || months > 48) {
            throw new BadUserRequestException("Durée du rééchelonnement : de 1 à 48 mois / rescheduleMonths must be 1 to 48");
          }
          accounts.reschedule(fileKey, months, day);
          NEXT_REPAYMENT_CHECK.set(task.getExecution(), accounts.review(fileKey, day, parameter(parameters, GRACE_DAYS, day),
              parameter(parameters, REMINDER_DAYS, day)).nextDueCheck());
        }
        case WAIT -> NEXT_REPAYMENT_CHECK.set(task.getExecution(), day.plusDays(parameter(parameters, REMINDER_DAYS, day)));
        case WRITE_OFF -> accounts.writeOff(fileKey);
      }
    };
  }
}
