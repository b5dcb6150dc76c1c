package fr.misp.backoffice.dailyallowance;

import static fr.misp.backoffice.dailyallowance.DailyAllowanceVariables.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.notification.Notifications;
import fr.misp.backoffice.payment.PaymentOrders;
import fr.misp.backoffice.platform.engine.FrenchText;
import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.dailyallowance.DailyAllowanceCalculator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of {@code daily-allowance.bpmn}: eligibility, then each month of half pay recorded, computed and paid once. */
@Configuration
public class DailyAllowanceSteps {

  static final DateTimeFormatter MONTH_NAME = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRANCE);

  /** R-AJ-1: active members only. The first month is the month of the half-pay date (R-AJ-6). */
  @Bean
  JavaDelegate checkAjEligibility(DailyAllowanceClaims claims, MemberDirectory members, Notifications notifications) {
    return execution -> {
      String key = execution.getProcessBusinessKey();
      DailyAllowanceClaims.Claim claim = claims.byBusinessKey(key).orElseThrow();
      Member member = members.find(claim.memberId()).orElseThrow();
      boolean active = "ACTIVE".equals(member.category());
      ELIGIBLE.set(execution, active);
      if (!active) {
        String reason = "les allocations journalières sont réservées aux membres participants actifs (R-AJ-1)";
        claims.decided(key, "REFUSED", reason);
        notifications.notifyOnce(key, "AJ_REFUSED", "member:" + claim.memberId(), "Votre demande d'allocations "
            + "journalières n'est pas accordée : " + reason + ".");
        return;
      }
      claims.decided(key, "GRANTED", null);
      LocalDate month = claim.halfPayDate().withDayOfMonth(1);
      MONTH.set(execution, month);
      MONTH_CLOSES.set(execution, month.plusMonths(1));
    };
  }

  /** At the close of a month: the cycle goes on unless it ended before the month began (R-AJ-6). */
  @Bean
  JavaDelegate checkAjCycle(DailyAllowanceClaims claims) {
    return execution -> {
      DailyAllowanceClaims.Claim claim = claims.byBusinessKey(execution.getProcessBusinessKey()).orElseThrow();
      LocalDate month = MONTH.get(execution);
      // The end date is the first day no longer covered: a month is due when it begins before it.
      CYCLE_GOES_ON.set(execution, claim.endDate() == null || claim.endDate().isAfter(month));
      execution.removeVariable(GROSS_PAID.name());
      execution.removeVariable(NET_PAID.name());
    };
  }

  /** recordMonthlyPay shows the month it asks about as a person says it ("octobre 2026"), not as a date. */
  @Bean
  TaskListener monthlyPayShown() {
    return task -> task.setVariableLocal(MONTH_SHOWN, fr.misp.backoffice.platform.engine.FrenchText.month(MONTH.get(task)));
  }

  static final String MONTH_SHOWN = "ajMonthShown";

  /** recordMonthlyPay: the gross and net sums paid for the month, each zero or more. */
  @Bean
  TaskListener monthlyPayRecorded() {
    return task -> {
      BigDecimal gross = GROSS_PAID.submitted(task);
      BigDecimal net = NET_PAID.submitted(task);
      if (gross == null || net == null || gross.signum() < 0 || net.signum() < 0) {
        throw new BadUserRequestException("Indiquez les sommes brutes et nettes versées pour le mois (0 ou plus) / "
            + "grossPaidInMonth and netPaidInMonth are required, zero or more");
      }
      // Four eyes: the advisor who recorded the month's sums never approves its payment.
      String advisor = fr.misp.backoffice.platform.engine.EngineContext.actor();
      task.getExecution().setVariable("recordedBy", advisor);
    };
  }

  /**
   * R-AJ-3..6: the month's allowance from the guarantee and the sums paid, with the non-enrichment cap and, in the
   * month of the half-pay date, the guarantee prorated by calendar days; recorded and paid once, the member told.
   */
  @Bean
  JavaDelegate computeMonthlyAllowance(DailyAllowanceClaims claims, Parameters parameters, PaymentOrders payments,
      Notifications notifications, ObjectMapper json) {
    DailyAllowanceCalculator calculator = new DailyAllowanceCalculator(parameters);
    return execution -> {
      String key = execution.getProcessBusinessKey();
      DailyAllowanceClaims.Claim claim = claims.byBusinessKey(key).orElseThrow();
      LocalDate month = MONTH.get(execution);
      boolean halfPayInMonth = YearMonth.from(claim.halfPayDate()).equals(YearMonth.from(month));
      DailyAllowanceCalculator.Result result = calculator.calculate(new DailyAllowanceCalculator.Input(
          claim.referenceBase(), GROSS_PAID.get(execution), claim.netSalaryBefore(), NET_PAID.get(execution), month, true,
          halfPayInMonth ? claim.halfPayDate() : null,
          claim.endDate() != null && YearMonth.from(claim.endDate()).equals(YearMonth.from(month)) ? claim.endDate() : null));
      String explanation = json.writeValueAsString(Map.of("steps", result.steps(), "warnings", result.warnings()));
      boolean first = claims.month(key, new DailyAllowanceClaims.Month(month, GROSS_PAID.get(execution),
          NET_PAID.get(execution), result.guarantee(), result.monthlyAllowance(), explanation));
      if (first && result.monthlyAllowance().signum() > 0) {
        String period = month.toString().substring(0, 7);
        payments.orderOnce(new PaymentOrders.NewOrder(key + ":" + period, key, "member:" + claim.memberId(),
            result.monthlyAllowance(), "DAILY_ALLOWANCE", null, (String) execution.getVariable("recordedBy"), null));
        notifications.notifyOnce(key, "AJ_MONTH#" + period, "member:" + claim.memberId(), "Allocation journalière de "
            + MONTH_NAME.format(month) + " : " + FrenchText.euros(result.monthlyAllowance()) + " (garantie "
            + FrenchText.euros(result.guarantee()) + ", moins les sommes brutes versées pour le mois).");
      }
      MONTH.set(execution, month.plusMonths(1));
      MONTH_CLOSES.set(execution, month.plusMonths(2));
    };
  }

  /** The Tasklist start form for advisors: the API's start, same checks, same file. */
  @Bean
  fr.misp.backoffice.platform.security.StartFormGateway dailyAllowanceStartForm(DailyAllowanceService service, jakarta.validation.Validator validator,
      com.fasterxml.jackson.databind.ObjectMapper json) {
    return fr.misp.backoffice.platform.security.ApiStartForm.of(fr.misp.backoffice.platform.engine.ProcessKeys.DAILY_ALLOWANCE,
        DailyAllowanceService.Request.class, java.util.Set.of("referenceMonthlyBase", "netSalaryBeforeStoppage"), validator, json, (request, user) -> service.start(request, user.id())
            .getKey().id());
  }
}
