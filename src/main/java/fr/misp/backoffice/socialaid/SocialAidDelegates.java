package fr.misp.backoffice.socialaid;

import static fr.misp.backoffice.platform.engine.Variables.amount;
import static fr.misp.backoffice.platform.engine.Variables.date;
import static fr.misp.backoffice.platform.engine.Variables.string;
import static fr.misp.backoffice.socialaid.SocialAidVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.misp.backoffice.notification.Notifications;
import fr.misp.backoffice.payment.PaymentOrders;
import fr.misp.backoffice.platform.engine.Variables;
import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.socialaid.LoanScheduleCalculator;
import fr.misp.backoffice.rules.socialaid.SocialAidRules;
import fr.misp.backoffice.rules.socialaid.SocialAidRules.AidType;
import fr.misp.backoffice.rules.socialaid.SocialAidRules.CarerRelation;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The small delegates of {@code socialAid}; each is one step of social-aid.bpmn. */
@Configuration
public class SocialAidDelegates {

  static int integer(DelegateExecution execution, String name, int defaultValue) {
    Integer value = Variables.integer(execution, name);
    return value == null ? defaultValue : value;
  }

  static String cycleKey(DelegateExecution execution) {
    return execution.getProcessBusinessKey() + "#" + CYCLE.get(execution, 1);
  }

  /**
   * Every request is opened by {@link SocialAidService} (API, Tasklist start form, orphan requests),
   * which checks who may open it; a request started by the back office itself (a test, a migration)
   * still gets its first cycle and its reception date.
   */
  @Bean
  ExecutionListener socialAidStarted() {
    return execution -> {
      if (CYCLE.get(execution) == null) {
        CYCLE.set(execution, 1);
      }
      if (RECEIVED_DATE.get(execution) == null) {
        RECEIVED_DATE.set(execution, LocalDate.now());
      }
    };
  }

  /** R-AS-2 / R-AS-3 / R-CAP-4, and the "reste à vivre" per consumption unit shown to the commission. */
  @Bean
  JavaDelegate checkSocialAidEligibility(SocialAidFiles files, Parameters parameters) {
    SocialAidRules rules = new SocialAidRules(parameters);
    LoanScheduleCalculator loans = new LoanScheduleCalculator(parameters);
    return execution -> {
      AidType type = AID_TYPE.get(execution);
      // The parameters in force on the day of the check, or at the date the request is assessed at
      // (an orphan request: the date of death).
      LocalDate today = ASSESSMENT_DATE.get(execution, LocalDate.now());
      SocialAidRules.Eligibility eligibility = rules.check(new SocialAidRules.Request(type, REQUESTED_AMOUNT.get(execution),
          DURATION_MONTHS.get(execution), CARER_RELATION.get(execution),
          CARER_GIR.get(execution), ORPHAN_BIRTH_DATE.get(execution), today));
      ELIGIBLE.set(execution, eligibility.eligible());
      files.assessed(execution.getProcessBusinessKey(), eligibility.eligible());
      ANNUAL_ALLOWANCE.set(execution, type.annual());
      // The commission's form shows the limits in force as text; the server checks them (one source).
      DECISION_LIMITS.set(execution, loans.limitsInForce(today));
      ELIGIBILITY_REASONS.set(execution, String.join(" ; ", eligibility.reasons()));
      int household = HOUSEHOLD_SIZE.get(execution, 1);
      int children = CHILDREN_UNDER_14.get(execution, 0);
      BigDecimal resources = MONTHLY_RESOURCES.get(execution);
      BigDecimal charges = MONTHLY_CHARGES.get(execution);
      if (resources != null && charges != null) {
        DISPOSABLE_INCOME_PER_UNIT.set(execution,
            rules.disposableIncomePerUnit(resources, charges, household, children, today));
      }
      if (!eligibility.eligible()) {
        MOTIVATION.set(execution, "Demande non recevable : " + String.join(" ; ", eligibility.reasons()));
      }
    };
  }

  /**
   * RULES §8 Decision: an adjourned file goes on the agenda of the next dated session; with none planned,
   * a manager plans one (a modelled path, not an incident).
   */
  @Bean
  JavaDelegate scheduleNextSession(CommissionSessions sessions) {
    return execution -> {
      LocalDate today = fr.misp.backoffice.platform.engine.EngineContext.today();
      LocalDate next = sessions.nextAfter(today).orElseThrow(() ->
          new org.camunda.bpm.engine.delegate.BpmnError(SocialAidElements.NO_SESSION_SCHEDULED, "No session planned"));
      NEXT_COMMISSION_SESSION.set(execution, next);
    };
  }

  /** scheduleCommissionSession: the manager plans the next session, an upcoming day. */
  @Bean
  org.camunda.bpm.engine.delegate.TaskListener commissionSessionScheduled(CommissionSessions sessions) {
    return task -> {
      LocalDate day = SESSION_DATE.submitted(task);
      LocalDate today = fr.misp.backoffice.platform.engine.EngineContext.today();
      if (day == null || !day.isAfter(today)) {
        throw new org.camunda.bpm.engine.BadUserRequestException("Indiquez la date d'une séance à venir / "
            + "sessionDate must be an upcoming day");
      }
      String user = fr.misp.backoffice.platform.engine.EngineContext.actor();
      sessions.plan(day, user);
    };
  }

  /** R-AS-5: reserve the granted amount on the agency's endowment of the year, atomically. */
  @Bean
  JavaDelegate reserveEndowment(Endowments endowments) {
    return execution -> {
      int year = LocalDate.now().getYear();
      // RULES §8 Decision: a raise decided in the arbitration applies here, atomically with the reservation
      // (one transaction); refused by the database if below what is already reserved.
      BigDecimal raisedTo = NEW_ENDOWMENT_AMOUNT.get(execution);
      if (raisedTo != null) {
        if (!endowments.set(AGENCY_CODE.get(execution), year, raisedTo)) {
          throw new org.camunda.bpm.engine.ProcessEngineException("The raised endowment is below what is reserved");
        }
        execution.removeVariable(NEW_ENDOWMENT_AMOUNT.name());
      }
      BUDGET_YEAR.set(execution, year);
      RESERVED.set(execution, endowments.reserve(cycleKey(execution), AGENCY_CODE.get(execution), year,
          GRANTED_AMOUNT.get(execution)));
    };
  }

  /** Orders the payment once, stores the loan schedule, marks the endowment paid. */
  @Bean
  JavaDelegate orderAidPayment(PaymentOrders payments, Endowments endowments, ObjectMapper json, SocialAidFiles files,
      Parameters parameters, AllowancePayees allowancePayees, LoanRepaymentSteps.Start repayment) {
    LoanScheduleCalculator loans = new LoanScheduleCalculator(parameters);
    return execution -> {
      BigDecimal granted = GRANTED_AMOUNT.get(execution).setScale(2);
      AidType type = AID_TYPE.get(execution);
      DECISION.set(execution, "GRANTED");
      if (type.loanType() != null) {
        LoanScheduleCalculator.Schedule schedule = loans.schedule(type.loanType(), granted,
            GRANTED_DURATION_MONTHS.get(execution, 1), LocalDate.now());
        files.schedule(execution.getProcessBusinessKey(), schedule);
      }
      files.decided(execution.getProcessBusinessKey(), "GRANTED", granted, type.loanType() == null ? null
          : GRANTED_DURATION_MONTHS.get(execution, 1), MOTIVATION.get(execution));
      // An orphan allowance is paid to the orphan, or to the legal representative for a minor (RULES §6).
      AllowancePayees.Addressee addressee = allowancePayees.of(execution.getProcessBusinessKey(), LocalDate.now());
      String grantedBy = (String) execution.getVariable("grantedBy");
      boolean ordered = payments.orderOnce(new PaymentOrders.NewOrder(cycleKey(execution) + SocialAidCancelledPayments.AID_PAYMENT,
          execution.getProcessBusinessKey(), addressee == null ? "member:" + MEMBER_ID.get(execution) : addressee.name(),
          granted, type.name(), addressee == null ? null : addressee.onBehalfOf(), grantedBy, null));
      if (ordered) {
        endowments.markPaid(AGENCY_CODE.get(execution), BUDGET_YEAR.get(execution, LocalDate.now().getYear()), granted);
      }
      if (type.loanType() != null) {
        // R-AS-2: a loan or an advance is repaid; its account follows the schedule (once per file).
        repayment.loanDisbursed(execution.getProcessBusinessKey(), MEMBER_ID.get(execution), AGENCY_CODE.get(execution),
            granted);
      }
    };
  }

  /**
   * Tells the member the decision with its motivation (once per cycle and kind); the element's
   * {@code aidDecision} input, when it has one, is the decision it records.
   */
  @Bean
  JavaDelegate notifyAidDecision(Notifications notifications, SocialAidFiles files, AllowancePayees allowancePayees) {
    return execution -> {
      // The decision goes to the person the aid is for: the member, or the orphan / the legal representative.
      AllowancePayees.Addressee addressee = allowancePayees.of(execution.getProcessBusinessKey(), LocalDate.now());
      notifications.notifyOnce(execution.getProcessBusinessKey(),
          string(execution, "notificationKind") + "#" + CYCLE.get(execution, 1),
          addressee == null ? "member:" + MEMBER_ID.get(execution) : "payee:" + addressee.name(),
          string(execution, "notificationMessage"));
      String decision = string(execution, "aidDecision");
      if (decision != null) {
        DECISION.setOnProcess(execution, decision);
      }
      if ("REFUSED".equals(decision)) {
        files.decided(execution.getProcessBusinessKey(), decision, null, null, MOTIVATION.get(execution));
      }
    };
  }

  private static String toJson(ObjectMapper json, Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
