package fr.misp.backoffice.autonomy;

import static fr.misp.backoffice.autonomy.TemporaryAutonomyLossVariables.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.misp.backoffice.autonomy.TemporaryAutonomyLossElements.PathologyAssessment;
import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.notification.Notifications;
import fr.misp.backoffice.payment.PaymentOrders;
import fr.misp.backoffice.platform.engine.FrenchText;
import fr.misp.backoffice.priorapproval.MedicalRecords;
import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.Step;
import fr.misp.backoffice.rules.autonomy.Beneficiary;
import fr.misp.backoffice.rules.autonomy.TemporaryAutonomyLossCalculator;
import fr.misp.backoffice.rules.autonomy.TemporaryAutonomyLossCalculator.Condition;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of {@code temporary-autonomy-loss.bpmn}: the médecin's answer, the calculation, each quarter paid once. */
@Configuration
public class TemporaryAutonomyLossSteps {

  /**
   * assessPathology (R-PTA-1): recognised with one pathology of the list, or not. The pathology and the notes
   * leave the process: the pathology to the claim's record (for the calculation, never shown by an API), the
   * notes to the medical record; the history never holds them (MedicalSecrecy).
   */
  @Bean
  TaskListener pathologyAssessed(PtaClaims claims, MedicalRecords records) {
    return task -> {
      PathologyAssessment assessment = ASSESSMENT.submitted(task);
      if (assessment == null) {
        throw new BadUserRequestException("Décision requise : pathologie de la liste ou non / pathologyAssessment is required");
      }
      String condition = CONDITION.get(task);
      if (assessment == PathologyAssessment.RECOGNISED) {
        boolean known = condition != null && java.util.Arrays.stream(Condition.values()).anyMatch(c -> c.name().equals(condition));
        if (!known) {
          throw new BadUserRequestException("Choisissez la pathologie de la liste / ptaCondition is required");
        }
        claims.pathology(task.getExecution().getProcessBusinessKey(), condition);
      }
      String notes = MEDICAL_NOTES.get(task);
      String author = fr.misp.backoffice.platform.engine.EngineContext.actor();
      // Four eyes: the médecin-conseil who recognised the claim never approves its payments.
      task.getExecution().setVariable("recognisedBy", author);
      if (notes != null && !notes.isBlank()) {
        records.add(task.getExecution().getProcessBusinessKey(), author, notes);
      }
      for (String medical : List.of(CONDITION.name(), MEDICAL_NOTES.name())) {
        task.removeVariable(medical);
        task.getExecution().removeVariable(medical);
      }
    };
  }

  /**
   * R-PTA-1/2: eligibility and the quarters, counting those already paid to the member for earlier stoppages.
   * The explanation kept on the record drops the step naming the pathology (medical secrecy).
   */
  @Bean
  JavaDelegate computePta(PtaClaims claims, MemberDirectory members, Parameters parameters, ObjectMapper json) {
    TemporaryAutonomyLossCalculator calculator = new TemporaryAutonomyLossCalculator(parameters);
    return execution -> {
      String key = execution.getProcessBusinessKey();
      PtaClaims.Claim claim = claims.byBusinessKey(key).orElseThrow();
      Member member = members.find(claim.memberId()).orElseThrow();
      TemporaryAutonomyLossCalculator.Result result = calculator.calculate(new TemporaryAutonomyLossCalculator.Input(
          Beneficiary.ofCategory(member.category()), member.birthDate(), Condition.valueOf(claims.pathologyOf(key)),
          claim.stoppageStart(),
          claim.stoppageEnd(), claims.quartersPaidBefore(claim.memberId(), key)));
      List<Step> steps = result.steps().stream().filter(s -> !s.label().startsWith("Pathologie")).toList();
      String explanation = json.writeValueAsString(Map.of("steps", steps, "warnings", result.warnings()));
      ELIGIBLE.set(execution, result.eligible());
      if (!result.eligible()) {
        claims.decided(key, "REFUSED", String.join(" ; ", result.refusalReasons()), explanation);
        return;
      }
      claims.decided(key, "GRANTED", null, explanation);
      claims.schedule(key, result.quarters());
      PtaClaims.QuarterLine first = claims.quarters(key).get(0);
      NEXT_QUARTER.set(execution, first.number());
      NEXT_QUARTER_START.set(execution, first.periodFrom());
    };
  }

  /** Tells the member the decision: the quarters and their dates, or the reasons (never a medical one). */
  @Bean
  JavaDelegate notifyPtaDecision(PtaClaims claims, Notifications notifications) {
    return execution -> {
      String key = execution.getProcessBusinessKey();
      PtaClaims.Claim claim = claims.byBusinessKey(key).orElseThrow();
      String recipient = "member:" + claim.memberId();
      if (!ELIGIBLE.get(execution, false)) {
        String reasons = claim.refusalReasons() != null ? claim.refusalReasons()
            : "la pathologie n'est pas l'une de celles que couvre la garantie (avis du médecin-conseil)";
        claims.decided(key, "REFUSED", reasons, claim.explanation());
        notifications.notifyOnce(key, "PTA_REFUSED", recipient, "Votre demande d'allocation perte temporaire "
            + "d'autonomie n'est pas accordée : " + reasons + ".");
        return;
      }
      List<String> quarters = claims.quarters(key).stream().map(q -> "trimestre " + q.number() + " du "
          + FrenchText.date(q.periodFrom()) + " au " + FrenchText.date(q.periodTo()) + " : " + FrenchText.euros(q.amount()))
          .toList();
      notifications.notifyOnce(key, "PTA_GRANTED", recipient, "Votre allocation perte temporaire d'autonomie est "
          + "accordée, versée au début de chaque trimestre tant que dure votre arrêt de travail : "
          + String.join(" ; ", quarters) + ".");
    };
  }

  /**
   * At the start of each quarter: paid once if the stoppage still lasts (R-PTA-2: a quarter is due only if it
   * starts during the stoppage); otherwise it and the following quarters end unpaid.
   */
  @Bean
  JavaDelegate payPtaQuarter(PtaClaims claims, PaymentOrders payments) {
    return execution -> {
      String key = execution.getProcessBusinessKey();
      PtaClaims.Claim claim = claims.byBusinessKey(key).orElseThrow();
      int number = NEXT_QUARTER.get(execution);
      List<PtaClaims.QuarterLine> quarters = claims.quarters(key);
      PtaClaims.QuarterLine quarter = quarters.stream().filter(q -> q.number() == number).findFirst().orElseThrow();
      boolean stoppageGoesOn = claim.stoppageEnd() == null || !quarter.periodFrom().isAfter(claim.stoppageEnd());
      if (!stoppageGoesOn) {
        quarters.stream().filter(q -> q.number() >= number).forEach(q -> claims.quarterStatus(key, q.number(), "NOT_DUE"));
        MORE_QUARTERS.set(execution, false);
        return;
      }
      payments.orderOnce(new PaymentOrders.NewOrder(key + ":Q" + number, key, "member:" + claim.memberId(),
          quarter.amount(), "PTA_QUARTER", null, (String) execution.getVariable("recognisedBy"), null));
      claims.quarterStatus(key, number, "ORDERED");
      PtaClaims.QuarterLine next = quarters.stream().filter(q -> q.number() > number).findFirst().orElse(null);
      MORE_QUARTERS.set(execution, next != null);
      if (next != null) {
        NEXT_QUARTER.set(execution, next.number());
        NEXT_QUARTER_START.set(execution, next.periodFrom());
      }
    };
  }

  /** The Tasklist start form for advisors: the API's start, same checks, same file. */
  @Bean
  fr.misp.backoffice.platform.security.StartFormGateway ptaStartForm(PtaClaimService service, jakarta.validation.Validator validator,
      com.fasterxml.jackson.databind.ObjectMapper json) {
    return fr.misp.backoffice.platform.security.ApiStartForm.of(fr.misp.backoffice.platform.engine.ProcessKeys.TEMPORARY_AUTONOMY_LOSS,
        PtaClaimService.Request.class, java.util.Set.of(), validator, json, (request, user) -> service.start(request, user.id())
            .getKey().id());
  }
}
