package fr.misp.backoffice.socialaid;

import static fr.misp.backoffice.platform.engine.Variables.amount;
import static fr.misp.backoffice.platform.engine.Variables.string;
import static fr.misp.backoffice.socialaid.SocialAidVariables.*;

import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.socialaid.SocialAidRules;
import fr.misp.backoffice.rules.socialaid.SocialAidRules.AidType;
import fr.misp.backoffice.platform.engine.FrenchText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import fr.misp.backoffice.platform.engine.ProcessVariable;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
      CommissionDecision decision = COMMISSION_DECISION.submitted(task);
      if (decision == null) {
        throw new BadUserRequestException("Décision requise : accorder, refuser ou ajourner / commissionDecision is required");
      }
      String motivation = MOTIVATION.get(task);
      if (decision != CommissionDecision.ADJOURN && (motivation == null || motivation.isBlank())) {
        throw new BadUserRequestException("La motivation de la décision est obligatoire / motivation is required");
      }
      if (decision == CommissionDecision.GRANT) {
        AidType type = AID_TYPE.get(task);
        BigDecimal granted = GRANTED_AMOUNT.submitted(task);
        Integer months;
        try {
          months = GRANTED_DURATION_MONTHS.get(task);
        } catch (ArithmeticException | NumberFormatException notWhole) {
          throw new BadUserRequestException("La durée se compte en mois entiers / grantedDurationMonths is whole months");
        }
        List<String> problems = rules.decisionProblems(type, granted, months,
            LocalDate.now()); // the limits in force on the day of the decision
        if (!problems.isEmpty()) {
          throw new BadUserRequestException("Décision hors des limites : " + String.join(" ; ", problems));
        }
        // Four eyes: the commission member who granted the aid never approves its payment.
        String user = fr.misp.backoffice.platform.engine.EngineContext.actor();
        task.getExecution().setVariable("grantedBy", user);
      }
    };
  }

  /**
   * arbitrateEndowment shows the gestionnaire the agency's endowment of the year as it stands — granted,
   * reserved, paid, left — beside the aid the commission granted, and what a raise must cover at least.
   */
  @Bean
  TaskListener endowmentShown(Endowments endowments) {
    return task -> {
      int year = LocalDate.now().getYear();
      String agency = AGENCY_CODE.get(task);
      BigDecimal granted = GRANTED_AMOUNT.get(task);
      java.util.List<String> lines = new java.util.ArrayList<>();
      lines.add("Aide accordée par la commission : " + FrenchText.euros(granted));
      endowments.find(agency, year).ifPresentOrElse(e -> {
        lines.add("Dotation " + year + " de l'agence " + agency + " : " + FrenchText.euros(e.amount())
            + " — réservé : " + FrenchText.euros(e.reserved())
            + " — déjà ordonné : " + FrenchText.euros(e.paid())
            + " — restant : " + FrenchText.euros(e.remaining()));
        lines.add("Pour accorder l'aide, la dotation doit être relevée à "
            + FrenchText.euros(leastEndowment(endowments, agency, year, granted)) + " au moins.");
      }, () -> lines.add("Aucune dotation " + year + " n'est fixée pour l'agence " + agency
          + " : pour accorder l'aide, fixez-la à " + FrenchText.euros(leastEndowment(endowments, agency, year, granted))
          + " au moins."));
      task.setVariableLocal("fileSummary", FrenchText.summary(lines));
    };
  }

  /** R-AS-5: a raised endowment covers what the year has reserved and the aid granted. */
  static BigDecimal leastEndowment(Endowments endowments, String agency, int year, BigDecimal granted) {
    return endowments.find(agency, year).map(e -> e.reserved().add(granted)).orElse(granted);
  }

  @Bean
  TaskListener endowmentDecisionCheck(Endowments endowments) {
    return task -> {
      EndowmentDecision decision = ENDOWMENT_DECISION.submitted(task);
      if (decision == null) {
        throw new BadUserRequestException("Arbitrage requis : relever la dotation ou ajourner / endowmentDecision is required");
      }
      String motivation = ARBITRATION_MOTIVATION.get(task);
      if (motivation == null || motivation.isBlank()) {
        throw new BadUserRequestException("Le motif de l'arbitrage est obligatoire / arbitrationMotivation is required");
      }
      if (decision == EndowmentDecision.RAISE) {
        BigDecimal amount = NEW_ENDOWMENT_AMOUNT.submitted(task);
        if (amount == null || amount.signum() <= 0) {
          throw new BadUserRequestException("Relever la dotation : indiquez son nouveau montant pour l'année / "
              + "newEndowmentAmount is required to raise");
        }
        BigDecimal needed = leastEndowment(endowments, AGENCY_CODE.get(task), LocalDate.now().getYear(),
            GRANTED_AMOUNT.get(task));
        if (amount.compareTo(needed) < 0) {
          throw new BadUserRequestException("« Nouvelle dotation » : elle doit couvrir ce qui est déjà réservé et l'aide "
              + "accordée (" + FrenchText.euros(needed)
              + ") / the new endowment must cover what is reserved and this aid");
        }
      }
    };
  }
}
