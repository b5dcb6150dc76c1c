package fr.misp.backoffice.socialaid;

import static fr.misp.backoffice.platform.engine.Variables.amount;
import static fr.misp.backoffice.platform.engine.Variables.string;
import static fr.misp.backoffice.socialaid.SocialAidVariables.*;

import fr.misp.backoffice.rules.socialaid.SocialAidRules;
import fr.misp.backoffice.rules.socialaid.SocialAidRules.AidType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
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

  static final Set<String> DECISIONS = Set.of("GRANT", "REFUSE", "ADJOURN");

  @Bean
  TaskListener commissionDecisionCheck() {
    return task -> {
      String decision = string(task, COMMISSION_DECISION);
      if (decision == null || !DECISIONS.contains(decision)) {
        throw new BadUserRequestException("Décision requise : accorder, refuser ou ajourner / commissionDecision is required");
      }
      String motivation = string(task, MOTIVATION);
      if (!"ADJOURN".equals(decision) && (motivation == null || motivation.isBlank())) {
        throw new BadUserRequestException("La motivation de la décision est obligatoire / motivation is required");
      }
      if ("GRANT".equals(decision)) {
        AidType type = AidType.valueOf(string(task, AID_TYPE));
        BigDecimal granted = amount(task, GRANTED_AMOUNT);
        Object months = task.getVariable(GRANTED_DURATION_MONTHS);
        List<String> problems = SocialAidRules.decisionProblems(type, granted,
            months == null || months.toString().isBlank() ? null : new BigDecimal(months.toString()).intValue());
        if (!problems.isEmpty()) {
          throw new BadUserRequestException("Décision hors des limites : " + String.join(" ; ", problems));
        }
      }
    };
  }

  @Bean
  TaskListener endowmentDecisionCheck() {
    return task -> {
      String decision = string(task, ENDOWMENT_DECISION);
      if (!"RAISE".equals(decision) && !"ADJOURN".equals(decision)) {
        throw new BadUserRequestException("Arbitrage requis : relever la dotation ou ajourner / endowmentDecision is required");
      }
    };
  }
}
