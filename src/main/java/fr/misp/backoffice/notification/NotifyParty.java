package fr.misp.backoffice.notification;

import static fr.misp.backoffice.platform.engine.Variables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The notification step of any model: the element's input parameters name the kind, the recipient
 * role ({@code member}, or {@code administrator} for the claims administrator of the file) and the
 * French message; it is queued once per business key, kind and recipient.
 */
@Component("notifyParty")
public class NotifyParty implements JavaDelegate {

  private final Notifications notifications;

  public NotifyParty(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String recipient = "administrator".equals(string(execution, "recipientRole"))
        ? "administrator:" + string(execution, "administrator") : "member:" + string(execution, "memberId");
    notifications.notifyOnce(execution.getProcessBusinessKey(), string(execution, "notificationKind"), recipient,
        string(execution, "notificationMessage"));
  }
}
