package fr.misp.backoffice.disability;

import static fr.misp.backoffice.disability.DisabilityVariables.*;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.notification.Notifications;
import fr.misp.backoffice.notification.OutboxNotifications;
import fr.misp.backoffice.payment.PaymentOrders;
import fr.misp.backoffice.platform.engine.EngineContext;
import fr.misp.backoffice.platform.engine.FrenchText;
import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.disability.DisabilityCalculator;
import fr.misp.backoffice.rules.disability.DisabilityCalculator.Outcome;
import fr.misp.backoffice.rules.disability.DisabilityCalculator.Resource;
import fr.misp.backoffice.rules.disability.ResourceType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
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
 * The steps of {@code disability-allowance.bpmn} (the initial computation, the year recomputed from the evidence
 * recorded, the capital a manager computes with the Règlement MISP) and of {@code disability-payroll.bpmn} (each
 * month paid, each 1 January renewed, for every allowance at once: {@link DisabilityPayroll}).
 */
@Configuration
public class DisabilitySteps {

  private final ObjectMapper json;
  private final DisabilityClaims claims;
  private final MemberDirectory members;
  private final DisabilityCalculator calculator;
  private final DisabilityPayroll payroll;

  public DisabilitySteps(ObjectMapper json, DisabilityClaims claims, MemberDirectory members, Parameters parameters,
      DisabilityPayroll payroll) {
    this.payroll = payroll;
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
    claims.year(key, DisabilityClaims.Year.of(json, year, resources, result));
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
      if (result.outcome() != Outcome.CAPITAL_INSTEAD) {
        // A pension decided late: each 1 January since its start is renewed on the resources given at intake
        // (docs/RULES.md, Decision), then every closed month is paid in arrears.
        LocalDate today = EngineContext.today();
        for (int year = claim.startDate().getYear() + 1; year <= today.getYear() && calculator.renewal(year,
            member.birthDate(), result.category(), false) != DisabilityCalculator.Renewal.END_CAPITAL; year++) {
          compute(execution, year, resources, false);
        }
        OUTCOME.set(execution, result.outcome());
        payroll.payDue(key, YearMonth.from(today).minusMonths(1));
      }
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

  /** The monthly run of the payroll (disabilityPayroll): the month just ended paid for every allowance. */
  @Bean
  JavaDelegate payDisabilityAllowances() {
    return execution -> {
      LocalDate today = EngineContext.today();
      payroll.payMonth(YearMonth.from(today).minusMonths(1));
      execution.setVariable("payrollRenews", today.getMonthValue() == 1);
    };
  }

  /** The 1 January run of the payroll: every allowance renewed, evidence or capital asked where the rules say. */
  @Bean
  JavaDelegate renewDisabilityAllowances() {
    return execution -> payroll.renew(EngineContext.today().getYear());
  }

  /** A reminder to the member while the year's resource evidence is awaited (P-INV-EVIDENCE-REMINDER-DAYS). */
  @Bean
  JavaDelegate remindDisabilityEvidence(Notifications notifications) {
    return execution -> {
      String key = execution.getProcessBusinessKey();
      DisabilityClaims.Claim claim = claims.byBusinessKey(key).orElseThrow();
      notifications.notifyNextRound(key, "DISABILITY_EVIDENCE_REMINDER", "member:" + claim.memberId(), "Rappel : "
          + "les justificatifs de vos ressources de " + claim.evidenceYear() + " sont attendus par votre agence ; "
          + "sans eux, votre allocation d'invalidité de " + claim.evidenceYear() + " ne peut être versée.");
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

  /** The year awaited recomputed from the resources recorded; its months already closed are paid at once. */
  @Bean
  JavaDelegate recomputeDisabilityYear(OutboxNotifications outbox) {
    return execution -> {
      String key = execution.getProcessBusinessKey();
      DisabilityClaims.Claim claim = claims.byBusinessKey(key).orElseThrow();
      List<Resource> resources = new ArrayList<>();
      resources.add(new Resource(ResourceType.INVALIDITY_PENSION, INVALIDITY_PENSION.get(execution)));
      resources.add(new Resource(ResourceType.OLD_AGE_PENSION, OLD_AGE_PENSION.get(execution)));
      resources.add(new Resource(ResourceType.ACTIVITY_INCOME, ACTIVITY_INCOME.get(execution)));
      int year = claim.evidenceYear();
      DisabilityCalculator.Result result = compute(execution, year, resources, false);
      claims.evidenceRecorded(key);
      // Each year's evidence starts blank: this year's amounts are not offered again next year.
      for (var resource : List.of(INVALIDITY_PENSION, OLD_AGE_PENSION, ACTIVITY_INCOME)) {
        execution.removeVariable(resource.name());
      }
      payroll.payDue(key, YearMonth.from(EngineContext.today()).minusMonths(1));
      // One notice per year: its round is the year, which the letter's calculation is read from.
      outbox.queueAll(List.of(new OutboxNotifications.Notice(key, "DISABILITY_YEAR_DECISION", "member:" + claim.memberId(),
          year, result.outcome() == Outcome.SUSPENDED
              ? "Vos ressources de " + year + " dépassent la garantie : votre allocation d'invalidité est suspendue pour "
                  + year + " ; elle sera revue l'an prochain sur vos justificatifs."
              : "Votre allocation d'invalidité de " + year + " est de " + FrenchText.euros(result.annualBenefit())
                  + " par an, soit " + FrenchText.euros(result.monthlyBenefit()) + " par mois, versés à terme échu.")));
    };
  }

  /**
   * decideDisabilityCapital shows the gestionnaire why a capital replaces the allowance (R-INV-7 or R-INV-10),
   * the member and the allowance's last computed year — nothing medical (no rate, no category).
   */
  @Bean
  TaskListener disabilityCapitalShown() {
    return task -> {
      String key = task.getExecution().getProcessBusinessKey();
      List<String> lines = new ArrayList<>();
      lines.add(OUTCOME.get(task) == Outcome.CAPITAL_INSTEAD
          ? "Motif : l'allocation annuelle calculée est inférieure au seuil du guide : un capital la remplace (R-INV-7)."
          : "Motif : le membre atteint l'année de ses 70 ans : l'allocation prend fin, un capital la remplace (R-INV-10).");
      members.find(MEMBER_ID.get(task)).ifPresent(m -> lines.add("Membre : " + m.name() + ", né(e) le "
          + FrenchText.date(m.birthDate())));
      claims.byBusinessKey(key).ifPresent(c -> lines.add("Allocation depuis le " + FrenchText.date(c.startDate())
          + (c.endDate() == null ? "" : ", jusqu'au " + FrenchText.date(c.endDate()))));
      List<DisabilityClaims.Year> years = claims.years(key);
      if (!years.isEmpty()) {
        DisabilityClaims.Year last = years.get(years.size() - 1);
        lines.add("Dernière année calculée : " + last.benefitYear() + " — " + FrenchText.euros(last.annualBenefit())
            + " par an (" + FrenchText.euros(last.monthlyBenefit()) + " par mois)");
      }
      task.setVariableLocal("fileSummary", FrenchText.summary(lines));
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
      String user = EngineContext.actor();
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
