package fr.misp.backoffice.socialaid;

import static fr.misp.backoffice.platform.engine.Variables.amount;
import static fr.misp.backoffice.platform.engine.Variables.string;
import static fr.misp.backoffice.socialaid.SocialAidVariables.*;

import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.socialaid.SocialAidRules;
import fr.misp.backoffice.rules.socialaid.SocialAidRules.AidType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Server-side twins of the forms' rules: a decision outside the limits is refused with a message at
 * completion (the task stays open), never turned into an incident.
 */
@Configuration
public class SocialAidTaskChecks {

  @Bean
  TaskListener commissionDecisionCheck(Parameters parameters) {
    SocialAidRules rules = new SocialAidRules(parameters);
    return task -> {
      CommissionDecision decision = parse(CommissionDecision.class, string(task, COMMISSION_DECISION));
      if (decision == null) {
        throw new BadUserRequestException("Décision requise : accorder, refuser ou ajourner / commissionDecision is required");
      }
      String motivation = string(task, MOTIVATION);
      if (decision != CommissionDecision.ADJOURN && (motivation == null || motivation.isBlank())) {
        throw new BadUserRequestException("La motivation de la décision est obligatoire / motivation is required");
      }
      if (decision == CommissionDecision.GRANT) {
        AidType type = AidType.valueOf(string(task, AID_TYPE));
        BigDecimal granted = amount(task, GRANTED_AMOUNT);
        Object months = task.getVariable(GRANTED_DURATION_MONTHS);
        List<String> problems = rules.decisionProblems(type, granted,
            months == null || months.toString().isBlank() ? null : new BigDecimal(months.toString()).intValue(),
            LocalDate.now()); // the limits in force on the day of the decision
        if (!problems.isEmpty()) {
          throw new BadUserRequestException("Décision hors des limites : " + String.join(" ; ", problems));
        }
      }
    };
  }

  @Bean
  TaskListener endowmentDecisionCheck() {
    return task -> {
      if (parse(EndowmentDecision.class, string(task, ENDOWMENT_DECISION)) == null) {
        throw new BadUserRequestException("Arbitrage requis : relever la dotation ou ajourner / endowmentDecision is required");
      }
    };
  }

  /** The enum value of a submitted choice, or null when absent or not one of the enum's values. */
  static <E extends Enum<E>> E parse(Class<E> type, String value) {
    for (E candidate : type.getEnumConstants()) {
      if (candidate.name().equals(value)) {
        return candidate;
      }
    }
    return null;
  }
}
