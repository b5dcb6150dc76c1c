package fr.misp.backoffice.priorapproval;

import static fr.misp.backoffice.platform.engine.Variables.*;
import static fr.misp.backoffice.priorapproval.PriorApprovalVariables.*;

import fr.misp.backoffice.notification.Notifications;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issues the agreement of an approved request (R-PA-5): a unique number, the care type, the approved
 * tariff and a validity, then tells the member and the administrator. Issued once per business key:
 * a retried step finds the agreement already there.
 */
@Component("issueAgreement")
public class Agreements implements JavaDelegate {

  /** One issued agreement. */
  public record Agreement(String agreementNumber, String businessKey, String careType, BigDecimal approvedAmount,
      String currency, LocalDate validFrom, LocalDate validUntil) {}

  private final JdbcClient jdbc;
  private final Notifications notifications;
  private final int validityDays;

  public Agreements(JdbcClient jdbc, Notifications notifications,
      @Value("${misp.prior-approval.agreement-validity-days}") int validityDays) {
    this.jdbc = jdbc;
    this.notifications = notifications;
    this.validityDays = validityDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    Agreement agreement = find(businessKey).orElseGet(() -> issue(execution, businessKey));
    execution.setVariable(DECISION, "APPROVED");
    execution.setVariable(AGREEMENT_NUMBER, agreement.agreementNumber());
    execution.setVariable(APPROVED_AMOUNT, agreement.approvedAmount());
    String text = "Accord de prise en charge n° " + agreement.agreementNumber() + " : " + careLabel(agreement.careType())
        + ", tarif accordé " + agreement.approvedAmount() + " " + agreement.currency() + ", valable du "
        + agreement.validFrom() + " au " + agreement.validUntil() + ". Les soins sont facturés directement à MGEN "
        + "(dispense d'avance de frais).";
    notifications.notifyOnce(businessKey, "PRIOR_APPROVAL_AGREEMENT", "member:" + string(execution, MEMBER_ID), text);
    notifications.notifyOnce(businessKey, "PRIOR_APPROVAL_AGREEMENT", "administrator:" + string(execution, ADMINISTRATOR), text);
  }

  private Agreement issue(DelegateExecution execution, String businessKey) {
    LocalDate today = LocalDate.now();
    LocalDate from = Optional.ofNullable(date(execution, ADMISSION_DATE)).filter(d -> d.isAfter(today)).orElse(today);
    BigDecimal amount = amount(execution, APPROVED_AMOUNT);
    String currency = Optional.ofNullable(string(execution, QUOTE_CURRENCY)).orElse("EUR");
    String number = "ACC-" + today.getYear() + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    Agreement agreement = new Agreement(number, businessKey, string(execution, TYPE), amount.setScale(2),
        currency, from, from.plusDays(validityDays));
    jdbc.sql("""
        insert into agreement (agreement_number, business_key, member_id, establishment_id, care_type, approved_amount,
        currency, valid_from, valid_until, issued_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(number, businessKey, string(execution, MEMBER_ID), string(execution, ESTABLISHMENT_ID), agreement.careType(),
            agreement.approvedAmount(), currency, from, agreement.validUntil(), LocalDateTime.now())
        .update();
    return agreement;
  }

  public Optional<Agreement> find(String businessKey) {
    return jdbc.sql("""
        select agreement_number, business_key, care_type, approved_amount, currency, valid_from, valid_until
        from agreement where business_key = ?""").param(businessKey).query(Agreement.class).optional();
  }

  private static String careLabel(String type) {
    return "MATERNITE".equals(type) ? "maternité" : "hospitalisation";
  }
}
