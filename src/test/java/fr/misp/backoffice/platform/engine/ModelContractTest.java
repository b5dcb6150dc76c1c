package fr.misp.backoffice.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.misp.backoffice.deathcapital.DeathCapitalElements;
import fr.misp.backoffice.priorapproval.MedicalDecision;
import fr.misp.backoffice.priorapproval.PriorApprovalElements;
import fr.misp.backoffice.rules.deathcapital.BeneficiaryCascade;
import fr.misp.backoffice.rules.zoning.Zonier;
import fr.misp.backoffice.socialaid.CommissionDecision;
import fr.misp.backoffice.socialaid.EndowmentDecision;
import fr.misp.backoffice.socialaid.SocialAidElements;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.junit.jupiter.api.Test;

/**
 * One source for each fact between the code, the models and the forms: every element id the code
 * names exists in its model; every decision a form offers, and every decision a gateway tests, is a
 * value of the decision's enum — and every value of the enum is offered and routed.
 */
class ModelContractTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Decision variable → its enum, for the forms and the models. */
  private static final Map<String, Class<? extends Enum<?>>> DECISIONS = Map.ofEntries(
      Map.entry("medicalDecision", MedicalDecision.class),
      Map.entry("commissionDecision", CommissionDecision.class),
      Map.entry("endowmentDecision", EndowmentDecision.class),
      Map.entry("resolutionOutcome", BeneficiaryCascade.Outcome.class),
      Map.entry("administrator", Zonier.Administrator.class),
      Map.entry("event", fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator.Event.class),
      Map.entry("ptiaDecision", fr.misp.backoffice.deathcapital.DeathClaimChoices.PtiaDecision.class),
      Map.entry("beneficiaryCheck", fr.misp.backoffice.deathcapital.DeathClaimChoices.BeneficiaryCheck.class),
      Map.entry("searchOutcome", fr.misp.backoffice.deathcapital.DeathClaimChoices.SearchOutcome.class),
      Map.entry("unfoundShareDecision", fr.misp.backoffice.deathcapital.DeathClaimChoices.UnfoundShareDecision.class),
      Map.entry("exceptionKind", fr.misp.backoffice.payment.PaymentExceptionElements.Kind.class),
      Map.entry("rejectedPaymentDecision",
          fr.misp.backoffice.payment.PaymentExceptionElements.RejectedPaymentDecision.class),
      Map.entry("loanStanding", fr.misp.backoffice.socialaid.LoanRepaymentElements.LoanStanding.class),
      Map.entry("arrearsDecision", fr.misp.backoffice.socialaid.LoanRepaymentElements.ArrearsDecision.class),
      Map.entry("pathologyAssessment",
          fr.misp.backoffice.autonomy.TemporaryAutonomyLossElements.PathologyAssessment.class),
      Map.entry("ptaCondition", fr.misp.backoffice.rules.autonomy.TemporaryAutonomyLossCalculator.Condition.class),
      Map.entry("disabilityOutcome", fr.misp.backoffice.rules.disability.DisabilityCalculator.Outcome.class));

  private static final Map<String, Class<?>> ELEMENTS = Map.ofEntries(
      Map.entry("processes/prior-approval.bpmn", PriorApprovalElements.class),
      Map.entry("processes/social-aid.bpmn", SocialAidElements.class),
      Map.entry("processes/death-capital.bpmn", DeathCapitalElements.class),
      Map.entry("processes/payment-exception.bpmn", fr.misp.backoffice.payment.PaymentExceptionElements.class),
      Map.entry("processes/loan-repayment.bpmn", fr.misp.backoffice.socialaid.LoanRepaymentElements.class),
      Map.entry("processes/temporary-autonomy-loss.bpmn", fr.misp.backoffice.autonomy.TemporaryAutonomyLossElements.class),
      Map.entry("processes/total-dependency.bpmn", fr.misp.backoffice.dependency.TotalDependencyElements.class),
      Map.entry("processes/daily-allowance.bpmn", fr.misp.backoffice.dailyallowance.DailyAllowanceElements.class),
      Map.entry("processes/disability-allowance.bpmn", fr.misp.backoffice.disability.DisabilityElements.class));

  private static final Pattern COMPARISON = Pattern.compile("(\\w+)\\s*(==|!=)\\s*'(\\w+)'");

  @Test
  void everyElementIdTheCodeNamesExistsInItsModel() throws IllegalAccessException {
    for (Map.Entry<String, Class<?>> entry : ELEMENTS.entrySet()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(new File(entry.getKey()));
      for (Field field : entry.getValue().getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
          String id = (String) field.get(null);
          boolean anElement = model.<BaseElement>getModelElementById(id) != null;
          boolean anErrorCode = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Error.class).stream()
              .anyMatch(error -> id.equals(error.getErrorCode()));
          assertThat(anElement || anErrorCode).as(entry.getKey() + " has " + id).isTrue();
        }
      }
    }
  }

  @Test
  void everyDecisionOfAFormIsAValueOfItsEnumAndEveryValueIsOffered() throws IOException {
    Set<String> checked = new HashSet<>();
    for (File form : new File("forms").listFiles((dir, name) -> name.endsWith(".form"))) {
      collect(JSON.readTree(form).path("components"), form.getName(), checked);
    }
    assertThat(checked).containsExactlyInAnyOrder("medicalDecision", "commissionDecision", "endowmentDecision",
        "ptiaDecision", "beneficiaryCheck", "searchOutcome", "unfoundShareDecision", "arrearsDecision",
        "pathologyAssessment", "ptaCondition", "rejectedPaymentDecision");
  }

  private void collect(JsonNode components, String form, Set<String> checked) {
    for (JsonNode component : components) {
      collect(component.path("components"), form, checked);
      String key = component.path("key").asText(null);
      // A disabled field only shows a value (the event on recordEvent): it offers no choice.
      if (key == null || !DECISIONS.containsKey(key) || component.path("disabled").asBoolean(false)) {
        continue;
      }
      Set<String> options = new HashSet<>();
      component.path("values").forEach(v -> options.add(v.path("value").asText()));
      assertThat(options).as(form + " offers the values of " + DECISIONS.get(key).getSimpleName())
          .isEqualTo(names(DECISIONS.get(key)));
      checked.add(key);
    }
  }

  @Test
  void everyDecisionAGatewayTestsIsAValueOfItsEnumAndEveryValueIsRouted() {
    for (String path : ELEMENTS.keySet()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(new File(path));
      Map<String, Set<String>> tested = new java.util.HashMap<>();
      Set<String> withFallback = new HashSet<>();
      for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
        Matcher m = COMPARISON.matcher(condition.getTextContent());
        while (m.find()) {
          tested.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(m.group(3));
          if (m.group(2).equals("!=")) {
            withFallback.add(m.group(1));
          }
        }
      }
      // Models whose gateways read only booleans the steps set (total dependency, AJ) route on no text decision.
      if (!path.contains("total-dependency") && !path.contains("daily-allowance")) {
        assertThat(tested).as(path + " routes on decisions").isNotEmpty();
      }
      tested.forEach((variable, values) -> {
        assertThat(DECISIONS).as(path + ": " + variable + " is compared with text, so it needs an enum")
            .containsKey(variable);
        Set<String> allowed = names(DECISIONS.get(variable));
        assertThat(allowed).as(path + ": values tested on " + variable).containsAll(values);
        if (!withFallback.contains(variable)) {
          assertThat(values).as(path + " routes every value of " + variable).isEqualTo(allowed);
        }
      });
    }
  }

  private static Set<String> names(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toSet());
  }

  private static final Pattern DUE_PARAMETER = Pattern.compile("\\$\\{taskDue\\.inDays\\('([A-Z0-9-]+)'\\)}");

  /** RULES §9 Decision: every user task carries a due date; a parameter it names exists today. */
  @Test
  void everyUserTaskHasADueDateAndItsParameterIsInForce() {
    fr.misp.backoffice.rules.Parameters parameters = fr.misp.backoffice.rules.Parameters.standard();
    for (String file : ELEMENTS.keySet()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(new File(file));
      for (org.camunda.bpm.model.bpmn.instance.UserTask task
          : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)) {
        String due = task.getCamundaDueDate();
        assertThat(due).as(file + " " + task.getId() + " has a due date").isNotBlank();
        Matcher parameter = DUE_PARAMETER.matcher(due);
        if (parameter.matches()) {
          assertThat(parameters.at(parameter.group(1), java.time.LocalDate.now())).as(task.getId() + " " + due).isPresent();
        }
      }
    }
  }
}
