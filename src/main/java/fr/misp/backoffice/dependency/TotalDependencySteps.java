package fr.misp.backoffice.dependency;

import static fr.misp.backoffice.dependency.TotalDependencyVariables.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.notification.Notifications;
import fr.misp.backoffice.payment.PaymentOrders;
import fr.misp.backoffice.platform.engine.FrenchText;
import fr.misp.backoffice.priorapproval.MedicalRecords;
import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.autonomy.Beneficiary;
import fr.misp.backoffice.rules.autonomy.TotalDependencyCalculator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of {@code total-dependency.bpmn}: the médecin's GIR, the decision, each month and each year paid once. */
@Configuration
public class TotalDependencySteps {

  static final String HOME_MONTHS_REQUIRED = "P-DEP-HOME-MONTHS";
  static final String HOME_FORFAIT = "P-DEP-HOME-FORFAIT";

  /** assessGir: a GIR from 1 to 6; the notes go to the medical record, never into the process or its history. */
  @Bean
  TaskListener girAssessed(DependencyClaims claims, MedicalRecords records) {
    return task -> {
      Integer gir = GIR.submitted(task);
      if (gir == null || gir < 1 || gir > 6) {
        throw new BadUserRequestException("Indiquez le GIR, de 1 à 6 / gir must be 1 to 6");
      }
      claims.gir(task.getExecution().getProcessBusinessKey(), gir);
      // Four eyes: the médecin-conseil who classified the member never approves the payments.
      String assessor = fr.misp.backoffice.platform.engine.EngineContext.actor();
      task.getExecution().setVariable("assessedBy", assessor);
      String notes = MEDICAL_NOTES.get(task);
      if (notes != null && !notes.isBlank()) {
        String author = fr.misp.backoffice.platform.engine.EngineContext.actor();
        records.add(task.getExecution().getProcessBusinessKey(), author, notes);
      }
      task.removeVariable(MEDICAL_NOTES.name());
      task.getExecution().removeVariable(MEDICAL_NOTES.name());
    };
  }

  /** R-DEP-1/2: eligibility (category, GIR, 36 months of membership) and the first payment after 3 continuous months. */
  @Bean
  JavaDelegate computeDependency(DependencyClaims claims, MemberDirectory members, Parameters parameters,
      ObjectMapper json) {
    TotalDependencyCalculator calculator = new TotalDependencyCalculator(parameters);
    return execution -> {
      String key = execution.getProcessBusinessKey();
      DependencyClaims.Claim claim = claims.byBusinessKey(key).orElseThrow();
      Member member = members.find(claim.memberId()).orElseThrow();
      TotalDependencyCalculator.Result result = calculator.calculate(new TotalDependencyCalculator.Input(
          Beneficiary.ofCategory(member.category()), claim.gir(), member.membershipStartDate(), claim.dependencyStart(), 0));
      String explanation = json.writeValueAsString(Map.of("steps", result.steps(), "warnings", result.warnings()));
      ELIGIBLE.set(execution, result.eligible());
      if (!result.eligible()) {
        claims.decided(key, "REFUSED", String.join(" ; ", result.refusalReasons()), explanation, null, null);
        return;
      }
      claims.decided(key, "GRANTED", null, explanation, result.firstPaymentDate(), result.monthlyAnnuity());
      NEXT_MONTH.set(execution, result.firstPaymentDate());
      NEXT_YEAR.set(execution, claim.dependencyStart().plusYears(1));
      FORFAIT_YEAR.set(execution, 1);
    };
  }

  /** Tells the member the decision: the annuity and its first payment, or the reasons. */
  @Bean
  JavaDelegate notifyDependencyDecision(DependencyClaims claims, Notifications notifications) {
    return execution -> {
      String key = execution.getProcessBusinessKey();
      DependencyClaims.Claim claim = claims.byBusinessKey(key).orElseThrow();
      String recipient = "member:" + claim.memberId();
      if (!"GRANTED".equals(claim.decision())) {
        notifications.notifyOnce(key, "DEPENDENCY_REFUSED", recipient, "Votre demande de rente dépendance totale n'est "
            + "pas accordée : " + claim.refusalReasons() + ".");
        return;
      }
      notifications.notifyOnce(key, "DEPENDENCY_GRANTED", recipient, "Votre rente dépendance totale est accordée : "
          + FrenchText.euros(claim.monthlyAnnuity()) + " par mois, premier versement le "
          + FrenchText.date(claim.firstPayment()) + ", tant que dure la dépendance ; un forfait de maintien à domicile "
          + "peut s'y ajouter chaque année.");
    };
  }

  static boolean goesOn(DependencyClaims.Claim claim, LocalDate day) {
    return claim.dependencyEnd() == null || !day.isAfter(claim.dependencyEnd());
  }

  /** Each month while the dependency lasts: the annuity of that month, paid once. */
  @Bean
  JavaDelegate payAnnuity(DependencyClaims claims, PaymentOrders payments) {
    return execution -> {
      String key = execution.getProcessBusinessKey();
      DependencyClaims.Claim claim = claims.byBusinessKey(key).orElseThrow();
      LocalDate month = NEXT_MONTH.get(execution);
      if (!goesOn(claim, month)) {
        ANNUITY_GOES_ON.set(execution, false);
        return;
      }
      String period = month.toString().substring(0, 7);
      if (claims.paid(key, period, claim.monthlyAnnuity())) {
        payments.orderOnce(new PaymentOrders.NewOrder(key + ":" + period, key, "member:" + claim.memberId(),
            claim.monthlyAnnuity(), "DEPENDENCY_ANNUITY", null, (String) execution.getVariable("assessedBy"), null));
      }
      NEXT_MONTH.set(execution, month.plusMonths(1));
      ANNUITY_GOES_ON.set(execution, true);
    };
  }

  /** Each year of dependency: is the member still dependent (the forfait is then asked about)? */
  @Bean
  JavaDelegate checkForfaitYear(DependencyClaims claims) {
    return execution -> {
      // Each year's evidence starts blank: last year's months are not offered again.
      execution.removeVariable(HOME_MONTHS.name());
      FORFAIT_GOES_ON.set(execution, goesOn(claims.byBusinessKey(execution.getProcessBusinessKey()).orElseThrow(),
          NEXT_YEAR.get(execution)));
    };
  }

  /** homeCareEvidence: months at home over the past year, 0 to 12. */
  @Bean
  TaskListener homeMonthsRecorded() {
    return task -> {
      Integer months = HOME_MONTHS.submitted(task);
      if (months == null || months < 0 || months > 12) {
        throw new BadUserRequestException("Nombre de mois à domicile sur l'année écoulée : de 0 à 12 / "
            + "homeMonthsLastYear must be 0 to 12");
      }
      String advisor = fr.misp.backoffice.platform.engine.EngineContext.actor();
      task.getExecution().setVariable("evidenceBy", advisor);
    };
  }

  /** R-DEP-3: the yearly home-care forfait when the member stayed at home long enough, paid once per year. */
  @Bean
  JavaDelegate payHomeForfait(DependencyClaims claims, PaymentOrders payments, Parameters parameters) {
    return execution -> {
      String key = execution.getProcessBusinessKey();
      DependencyClaims.Claim claim = claims.byBusinessKey(key).orElseThrow();
      LocalDate year = NEXT_YEAR.get(execution);
      int required = parameters.require(HOME_MONTHS_REQUIRED, year, "homeMonthsLastYear").value().intValueExact();
      if (HOME_MONTHS.get(execution) >= required) {
        BigDecimal forfait = parameters.require(HOME_FORFAIT, year, "homeMonthsLastYear").value().setScale(2);
        String period = "FORFAIT-" + FORFAIT_YEAR.get(execution);
        if (claims.paid(key, period, forfait)) {
          payments.orderOnce(new PaymentOrders.NewOrder(key + ":" + period, key, "member:" + claim.memberId(), forfait,
              "DEPENDENCY_HOME_FORFAIT", null, (String) execution.getVariable("evidenceBy"), null));
        }
      }
      NEXT_YEAR.set(execution, year.plusYears(1));
      FORFAIT_YEAR.set(execution, FORFAIT_YEAR.get(execution) + 1);
    };
  }

  /** The Tasklist start form for advisors: the API's start, same checks, same file. */
  @Bean
  fr.misp.backoffice.platform.security.StartFormGateway dependencyStartForm(DependencyClaimService service, jakarta.validation.Validator validator,
      com.fasterxml.jackson.databind.ObjectMapper json) {
    return fr.misp.backoffice.platform.security.ApiStartForm.of(fr.misp.backoffice.platform.engine.ProcessKeys.TOTAL_DEPENDENCY,
        DependencyClaimService.Request.class, java.util.Set.of(), validator, json, (request, user) -> service.start(request, user.id())
            .getKey().id());
  }
}
