package fr.misp.backoffice.priorapproval;

import static fr.misp.backoffice.platform.engine.Variables.amount;
import static fr.misp.backoffice.platform.engine.Variables.date;
import static fr.misp.backoffice.platform.engine.Variables.string;
import static fr.misp.backoffice.priorapproval.PriorApprovalVariables.*;

import fr.misp.backoffice.notification.Notifications;
import fr.misp.backoffice.priorapproval.AgreementRegister.Agreement;
import fr.misp.backoffice.rules.priorapproval.RequestDeadline.CareType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Issues the agreement of an approved request (R-PA-5): a unique number, the care type, the approved
 * tariff and a validity, then tells the member and the administrator. Issued once per business key:
 * a retried step finds the agreement already there.
 */
@Component("issueAgreement")
public class IssueAgreement implements JavaDelegate {

  /** A pregnancy's expected length in months (RULES §9 Decision: start + 9 months). */
  static final int PREGNANCY_MONTHS = 9;

  private final AgreementRegister register;
  private final PriorApprovalFiles files;
  private final Notifications notifications;
  private final int validityDays;

  public IssueAgreement(AgreementRegister register, PriorApprovalFiles files, Notifications notifications,
      @Value("${misp.prior-approval.agreement-validity-days}") int validityDays) {
    this.register = register;
    this.files = files;
    this.notifications = notifications;
    this.validityDays = validityDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    Agreement agreement = register.find(businessKey).orElseGet(() -> issue(execution, businessKey));
    DECISION.set(execution, "APPROVED");
    AGREEMENT_NUMBER.set(execution, agreement.agreementNumber());
    APPROVED_AMOUNT.set(execution, agreement.approvedAmount());
    files.decided(businessKey, "APPROVED", null, agreement.approvedAmount(), agreement.agreementNumber());
    String text = AgreementNotice.text(agreement);
    notifications.notifyOnce(businessKey, "PRIOR_APPROVAL_AGREEMENT", "member:" + MEMBER_ID.get(execution), text);
    notifications.notifyOnce(businessKey, "PRIOR_APPROVAL_AGREEMENT", "administrator:" + ADMINISTRATOR.get(execution),
        text);
  }

  private Agreement issue(DelegateExecution execution, String businessKey) {
    LocalDate today = LocalDate.now();
    LocalDate from = Optional.ofNullable(ADMISSION_DATE.get(execution)).filter(d -> d.isAfter(today)).orElse(today);
    BigDecimal amount = APPROVED_AMOUNT.get(execution);
    String currency = Optional.ofNullable(QUOTE_CURRENCY.get(execution)).orElse("EUR");
    String number = "ACC-" + today.getYear() + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    // RULES §9 Decision: a hospitalisation's agreement runs from admission for the validity days; a
    // maternity's until the expected end of pregnancy (start + 9 months) plus the validity days.
    LocalDate until = TYPE.get(execution) == CareType.MATERNITE && PREGNANCY_START_DATE.get(execution) != null
        ? PREGNANCY_START_DATE.get(execution).plusMonths(PREGNANCY_MONTHS).plusDays(validityDays)
        : from.plusDays(validityDays);
    Agreement agreement = new Agreement(number, businessKey, TYPE.get(execution).name(), amount.setScale(2), currency, from,
        until);
    register.record(agreement, MEMBER_ID.get(execution), ESTABLISHMENT_ID.get(execution));
    return agreement;
  }
}
