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
    return execution.getProcessBusinessKey() + "#" + integer(execution, CYCLE, 1);
  }

  /**
   * Requests started from the Tasklist start form get a business key and a first cycle too, and an
   * advisor may only open a file for an agency they work for (the API checks the same).
   */
  @Bean
  ExecutionListener socialAidStarted(AdvisorAgencies agencies) {
    return execution -> {
      String user = org.camunda.bpm.engine.impl.context.Context.getCommandContext().getAuthenticatedUserId();
      String agency = string(execution, AGENCY_CODE);
      if (user != null && agency != null && !agencies.of(user).contains(agency)
          && isAdvisorOnly(execution, user)) {
        throw new org.camunda.bpm.engine.BadUserRequestException("Vous ne travaillez pas pour l'agence " + agency
            + " / you do not work for this agency");
      }
      if (execution.getProcessBusinessKey() == null) {
        execution.setProcessBusinessKey("SA-" + string(execution, MEMBER_ID) + "-" + string(execution, AID_TYPE) + "-"
            + execution.getProcessInstanceId());
      }
      if (execution.getVariable(CYCLE) == null) {
        execution.setVariable(CYCLE, 1);
      }
      if (execution.getVariable(RECEIVED_DATE) == null) {
        execution.setVariable(RECEIVED_DATE, LocalDate.now().toString());
      }
    };
  }

  /** True when the user is an advisor and nothing more (managers and the back office itself may open any file). */
  private static boolean isAdvisorOnly(DelegateExecution execution, String user) {
    var identity = execution.getProcessEngineServices().getIdentityService();
    var groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    return groups.contains(fr.misp.backoffice.platform.security.Groups.ADVISORS)
        && !groups.contains(fr.misp.backoffice.platform.security.Groups.MANAGERS)
        && !groups.contains(fr.misp.backoffice.platform.security.Groups.ADMINS);
  }

  /** R-AS-2 / R-AS-3 / R-CAP-4, and the "reste à vivre" per consumption unit shown to the commission. */
  @Bean
  JavaDelegate checkSocialAidEligibility(SocialAidFiles files, Parameters parameters) {
    SocialAidRules rules = new SocialAidRules(parameters);
    LoanScheduleCalculator loans = new LoanScheduleCalculator(parameters);
    return execution -> {
      AidType type = AidType.valueOf(string(execution, AID_TYPE));
      String relation = string(execution, CARER_RELATION);
      LocalDate today = LocalDate.now(); // the parameters in force on the day of the check
      SocialAidRules.Eligibility eligibility = rules.check(new SocialAidRules.Request(type, amount(execution, REQUESTED_AMOUNT),
          Variables.integer(execution, DURATION_MONTHS), relation == null || relation.isBlank() ? null : CarerRelation.valueOf(relation),
          Variables.integer(execution, CARER_GIR), date(execution, ORPHAN_BIRTH_DATE), today));
      execution.setVariable(ELIGIBLE, eligibility.eligible());
      files.assessed(execution.getProcessBusinessKey(), eligibility.eligible());
      execution.setVariable(ANNUAL_ALLOWANCE, type.annual());
      // The commission's form shows the limits in force as text; the server checks them (one source).
      execution.setVariable(DECISION_LIMITS, loans.limitsInForce(today));
      execution.setVariable(ELIGIBILITY_REASONS, String.join(" ; ", eligibility.reasons()));
      int household = integer(execution, HOUSEHOLD_SIZE, 1);
      int children = integer(execution, CHILDREN_UNDER_14, 0);
      BigDecimal resources = amount(execution, MONTHLY_RESOURCES);
      BigDecimal charges = amount(execution, MONTHLY_CHARGES);
      execution.setVariable(CONSUMPTION_UNITS, rules.consumptionUnits(household, children, today).doubleValue());
      if (resources != null && charges != null) {
        execution.setVariable(DISPOSABLE_INCOME_PER_UNIT,
            rules.disposableIncomePerUnit(resources, charges, household, children, today).doubleValue());
      }
      if (!eligibility.eligible()) {
        execution.setVariable(MOTIVATION, "Demande non recevable : " + String.join(" ; ", eligibility.reasons()));
      }
    };
  }

  /** R-AS-5: reserve the granted amount on the agency's endowment of the year, atomically. */
  @Bean
  JavaDelegate reserveEndowment(Endowments endowments) {
    return execution -> {
      int year = LocalDate.now().getYear();
      execution.setVariable(BUDGET_YEAR, year);
      execution.setVariable(RESERVED, endowments.reserve(cycleKey(execution), string(execution, AGENCY_CODE), year,
          amount(execution, GRANTED_AMOUNT)));
    };
  }

  /** Orders the payment once, stores the loan schedule, marks the endowment paid. */
  @Bean
  JavaDelegate orderAidPayment(PaymentOrders payments, Endowments endowments, ObjectMapper json, SocialAidFiles files,
      Parameters parameters) {
    LoanScheduleCalculator loans = new LoanScheduleCalculator(parameters);
    return execution -> {
      BigDecimal granted = amount(execution, GRANTED_AMOUNT).setScale(2);
      AidType type = AidType.valueOf(string(execution, AID_TYPE));
      execution.setVariable(DECISION, "GRANTED");
      if (type.loanType() != null) {
        LoanScheduleCalculator.Schedule schedule = loans.schedule(type.loanType(), granted,
            integer(execution, GRANTED_DURATION_MONTHS, 1), LocalDate.now());
        execution.setVariable(SCHEDULE, toJson(json, schedule));
        files.schedule(execution.getProcessBusinessKey(), schedule);
      }
      files.decided(execution.getProcessBusinessKey(), "GRANTED", granted, type.loanType() == null ? null
          : integer(execution, GRANTED_DURATION_MONTHS, 1), string(execution, MOTIVATION));
      boolean ordered = payments.orderOnce(cycleKey(execution) + ":AID_PAYMENT", execution.getProcessBusinessKey(),
          "member:" + string(execution, MEMBER_ID), granted, type.name());
      if (ordered) {
        endowments.markPaid(string(execution, AGENCY_CODE), integer(execution, BUDGET_YEAR, LocalDate.now().getYear()), granted);
      }
    };
  }

  /**
   * Tells the member the decision with its motivation (once per cycle and kind); the element's
   * {@code aidDecision} input, when it has one, is the decision it records.
   */
  @Bean
  JavaDelegate notifyAidDecision(Notifications notifications, SocialAidFiles files) {
    return execution -> {
      notifications.notifyOnce(execution.getProcessBusinessKey(),
          string(execution, "notificationKind") + "#" + integer(execution, CYCLE, 1),
          "member:" + string(execution, MEMBER_ID), string(execution, "notificationMessage"));
      String decision = string(execution, "aidDecision");
      if (decision != null) {
        execution.getProcessInstance().setVariable(DECISION, decision);
      }
      if ("REFUSED".equals(decision)) {
        files.decided(execution.getProcessBusinessKey(), decision, null, null, string(execution, MOTIVATION));
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
