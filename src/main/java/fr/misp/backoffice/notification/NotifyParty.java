package fr.misp.backoffice.notification;

import static fr.misp.backoffice.platform.engine.Variables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The notification step of any model: the element's input parameters name the kind, the recipient
 * role ({@code member}; {@code administrator}, the claims administrator of the file; {@code advisors},
 * the advisors of the file's agency) and the French message; each time the step runs is a new round
 * of that notice, queued once.
 */
@Component("notifyParty")
public class NotifyParty implements JavaDelegate {

  private final Notifications notifications;

  public NotifyParty(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String role = string(execution, "recipientRole");
    String recipient = switch (role == null ? "member" : role) {
      case "administrator" -> "administrator:" + string(execution, "administrator");
      // The advisors of the file's agency (a reminder about a file they are building).
      case "advisors" -> "advisors:" + string(execution, "agencyCode");
      default -> "member:" + string(execution, "memberId");
    };
    // Each time the model reaches this step is a round: a second request is a second notice.
    notifications.notifyNextRound(execution.getProcessBusinessKey(), string(execution, "notificationKind"), recipient,
        string(execution, "notificationMessage"));
  }
}
