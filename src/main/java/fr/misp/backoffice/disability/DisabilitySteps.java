package fr.misp.backoffice.disability;

import static fr.misp.backoffice.disability.DisabilityVariables.*;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.misp.backoffice.disability.DisabilityElements.MonthRoute;
import fr.misp.backoffice.disability.DisabilityElements.YearRoute;
import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.notification.Notifications;
import fr.misp.backoffice.payment.PaymentOrders;
import fr.misp.backoffice.platform.engine.FrenchText;
import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.disability.DisabilityCalculator;
import fr.misp.backoffice.rules.disability.DisabilityCalculator.Outcome;
import fr.misp.backoffice.rules.disability.DisabilityCalculator.Resource;
import fr.misp.backoffice.rules.disability.ResourceType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of {@code disability-allowance.bpmn}: the initial computation, each month paid in arrears, each
 * 1 January's review (IPT renewed, IPP recalculated from the resources, the capital the year of the 70th
 * birthday) and the capital a manager computes with the Règlement MISP.
 */
@Configuration
public class DisabilitySteps {

  static final String END_AGE = "P-INV-END-AGE";

  private final ObjectMapper json;
  private final DisabilityClaims claims;
  private final MemberDirectory members;
  private final DisabilityCalculator calculator;

  public DisabilitySteps(ObjectMapper json, DisabilityClaims claims, MemberDirectory members, Parameters parameters) {
    this.json = json;
    this.claims = claims;
    this.members = members;
    this.calculator = new DisabilityCalculator(parameters);
  }

  /** Computes a year from its resources, keeps it with its explanation, and sets the outcome for the gateways. */
  DisabilityCalculator.Result compute(DelegateExecution execution, int year, List<Resource> resources, boolean initial)
      throws Exception {
    String key = execution.getProcessBusinessKey();
    DisabilityClaims.Claim claim = claims.byBusinessKey(key).orElseThrow();
    Member member = members.find(claim.memberId()).orElseThrow();
    LocalDate day = initial ? claim.startDate() : LocalDate.of(year, 1, 1);
    DisabilityCalculator.Result result = calculator.calculate(new DisabilityCalculator.Input(day, claim.invalidityRate(),
        claim.ssCategory(), claim.baseSalary(), claim.bonuses(), claim.costOfLiving(), resources, initial,
        member.birthDate(), true));
    claims.year(key, new DisabilityClaims.Year(year, json.writeValueAsString(resources), result.annualGuarantee(),
        result.deductedResources(), result.annualBenefit(), result.monthlyBenefit(), result.outcome().name(),
        json.writeValueAsString(Map.of("steps", result.steps(), "warnings", result.warnings()))));
    OUTCOME.set(execution, result.outcome());
    return result;
  }

  /** R-INV-1 (active members) and the first computation: temporary benefit, capital instead, or suspended. */
  @Bean
  JavaDelegate computeDisability() {
    return execution -> {
      String key = execution.getProcessBusinessKey();
      DisabilityClaims.Claim claim = claims.byBusinessKey(key).orElseThrow();
      Member member = members.find(claim.memberId()).orElseThrow();
      boolean active = "ACTIVE".equals(member.category());
      ELIGIBLE.set(execution, active);
      if (!active) {
        claims.decided(key, "REFUSED", null, "les allocations d'invalidité sont réservées aux membres participants actifs "
            + "(R-INV-1)");
        return;
      }
      List<Resource> resources = json.readValue((String) execution.getVariable("initialResources"),
          new TypeReference<>() {});
      DisabilityCalculator.Result result = compute(execution, claim.startDate().getYear(), resources, true);
      claims.decided(key, result.outcome().name(), result.category().name(), null);
      MONTH.set(execution, claim.startDate().withDayOfMonth(1));
      MONTH_CLOSES.set(execution, claim.startDate().withDayOfMonth(1).plusMonths(1));
    };
  }

  /** Tells the member the decision in words: category, yearly and monthly amount, or the reason. */
  @Bean
  JavaDelegate notifyDisabilityDecision(Notifications notifications) {
    return execution -> {
      String key = execution.getProcessBusinessKey();
      DisabilityClaims.Claim claim = claims.byBusinessKey(key).orElseThrow();
      String recipient = "member:" + claim.memberId();
      if (!ELIGIBLE.get(execution, false)) {
        notifications.notifyOnce(key, "DISABILITY_REFUSED", recipient, "Votre demande d'allocation d'invalidité n'est "
            + "pas accordée : " + claim.refusalReason() + ".");
        return;
      }
      DisabilityClaims.Year year = claims.yearOf(key, claim.startDate().getYear()).orElseThrow();
      notifications.notifyOnce(key, "DISABILITY_DECISION", recipient, switch (Outcome.valueOf(year.outcome())) {
        case TEMPORARY_BENEFIT -> "Votre allocation d'invalidité (" + claim.category() + ") est accordée : "
            + FrenchText.euros(year.annualBenefit()) + " par an, soit " + FrenchText.euros(year.monthlyBenefit())
            + " par mois, versés à terme échu.";
        case SUSPENDED -> "Vos ressources dépassent la garantie : votre allocation d'invalidité est suspendue ; elle "
            + "sera revue chaque année sur vos justificatifs de ressources.";
        case CAPITAL_INSTEAD -> "Votre allocation d'invalidité serait inférieure au minimum annuel : un capital vous "
            + "sera versé à sa place.";
      });
    };
  }

  /** At the close of each month: the month paid once if the year's benefit runs; then another month, a new year, or the end. */
  @Bean
  JavaDelegate payDisabilityMonth(PaymentOrders payments) {
    return execution -> {
      String key = execution.getProcessBusinessKey();
      DisabilityClaims.Claim claim = claims.byBusinessKey(key).orElseThrow();
      LocalDate month = MONTH.get(execution);
      if (claim.endDate() != null && claim.endDate().isBefore(month)) {
        MONTH_ROUTE.set(execution, MonthRoute.ENDED);
        return;
      }
      DisabilityClaims.Year year = claims.yearOf(key, month.getYear()).orElseThrow();
      String period = month.toString().substring(0, 7);
      if (Outcome.TEMPORARY_BENEFIT.name().equals(year.outcome()) && claims.paid(key, period, year.monthlyBenefit())) {
        payments.orderOnce(new PaymentOrders.NewOrder(key + ":" + period, key, "member:" + claim.memberId(),
            year.monthlyBenefit(), "DISABILITY_MONTH", null, null, null));
      }
      LocalDate next = month.plusMonths(1);
      MONTH.set(execution, next);
      MONTH_CLOSES.set(execution, next.plusMonths(1));
      MONTH_ROUTE.set(execution, next.getYear() != month.getYear() ? MonthRoute.NEW_YEAR : MonthRoute.MONTH);
    };
  }

  /**
   * Each 1 January (R-INV-9/10): the year of the 70th birthday → the end capital; an IPT without the cost-of-living
   * bonus → renewed automatically (recomputed on last year's resources); otherwise the resources are asked for.
   */
  @Bean
  JavaDelegate reviewDisabilityYear(Parameters parameters) {
    return execution -> {
      String key = execution.getProcessBusinessKey();
      DisabilityClaims.Claim claim = claims.byBusinessKey(key).orElseThrow();
      Member member = members.find(claim.memberId()).orElseThrow();
      int year = MONTH.get(execution).getYear();
      int endAge = parameters.require(END_AGE, LocalDate.of(year, 1, 1), "birthDate").value().intValueExact();
      if (year >= member.birthDate().getYear() + endAge) {
        YEAR_ROUTE.set(execution, YearRoute.CAPITAL_END);
        return;
      }
      boolean iptRenewed = "IPT".equals(claim.category()) && claim.costOfLiving().signum() == 0;
      if (iptRenewed) {
        DisabilityClaims.Year last = claims.yearOf(key, year - 1).orElseThrow();
        compute(execution, year, json.readValue(last.resourcesJson(), new TypeReference<>() {}), false);
        YEAR_ROUTE.set(execution, YearRoute.AUTO);
      } else {
        // Each year's evidence starts blank: last year's amounts are not offered again.
        for (var resource : List.of(INVALIDITY_PENSION, OLD_AGE_PENSION, ACTIVITY_INCOME)) {
          execution.removeVariable(resource.name());
        }
        YEAR_ROUTE.set(execution, YearRoute.EVIDENCE);
      }
    };
  }

  /** recordDisabilityResources: the year's resources (amounts 0 or more), then the year is recomputed (IPP: may suspend). */
  @Bean
  TaskListener disabilityResourcesRecorded() {
    return task -> {
      for (var amount : List.of(INVALIDITY_PENSION, OLD_AGE_PENSION, ACTIVITY_INCOME)) {
        BigDecimal value = amount.submitted(task);
        if (value == null || value.signum() < 0) {
          throw new BadUserRequestException("Indiquez chaque ressource annuelle brute (0 ou plus) / " + amount.name()
              + " is required, zero or more");
        }
      }
    };
  }

  @Bean
  JavaDelegate recomputeDisabilityYear() {
    return execution -> {
      List<Resource> resources = new ArrayList<>();
      resources.add(new Resource(ResourceType.INVALIDITY_PENSION, INVALIDITY_PENSION.get(execution)));
      resources.add(new Resource(ResourceType.OLD_AGE_PENSION, OLD_AGE_PENSION.get(execution)));
      resources.add(new Resource(ResourceType.ACTIVITY_INCOME, ACTIVITY_INCOME.get(execution)));
      compute(execution, MONTH.get(execution).getYear(), resources, false);
    };
  }

  /** decideDisabilityCapital: the manager's capital, computed with the Règlement MISP (never invented), and its source. */
  @Bean
  TaskListener disabilityCapitalDecided() {
    return task -> {
      BigDecimal amount = CAPITAL_AMOUNT.submitted(task);
      String source = CAPITAL_SOURCE.get(task);
      if (amount == null || amount.signum() <= 0 || source == null || source.isBlank()) {
        throw new BadUserRequestException("Indiquez le capital calculé et sa référence dans le Règlement MISP / "
            + "capitalAmount and capitalSource are required");
      }
      String user = fr.misp.backoffice.platform.engine.EngineContext.actor();
      task.getExecution().setVariable("capitalDecidedBy", user);
    };
  }

  @Bean
  JavaDelegate payDisabilityCapital(PaymentOrders payments) {
    return execution -> {
      String key = execution.getProcessBusinessKey();
      DisabilityClaims.Claim claim = claims.byBusinessKey(key).orElseThrow();
      BigDecimal amount = CAPITAL_AMOUNT.get(execution).setScale(2);
      claims.capital(key, amount, CAPITAL_SOURCE.get(execution));
      if (claims.paid(key, "CAPITAL", amount)) {
        payments.orderOnce(new PaymentOrders.NewOrder(key + ":CAPITAL", key, "member:" + claim.memberId(), amount,
            "DISABILITY_CAPITAL", null, (String) execution.getVariable("capitalDecidedBy"), null));
      }
    };
  }
}
