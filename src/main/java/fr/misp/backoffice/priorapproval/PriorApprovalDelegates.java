package fr.misp.backoffice.priorapproval;

import static fr.misp.backoffice.platform.engine.Variables.*;
import static fr.misp.backoffice.priorapproval.PriorApprovalVariables.*;

import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.network.Establishment;
import fr.misp.backoffice.network.MedicalNetwork;
import fr.misp.backoffice.platform.engine.FrenchText;
import fr.misp.backoffice.notification.Notifications;
import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.priorapproval.RequestDeadline;
import fr.misp.backoffice.rules.priorapproval.RequestDeadline.CareType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import fr.misp.backoffice.rules.zoning.Zonier;
import fr.misp.backoffice.rules.zoning.Zonier.Territory;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The small delegates of {@code priorApproval}, each one step of the model (named in the BPMN by
 * {@code camunda:delegateExpression}). They read variables, call the rules or a port, and set
 * variables; business refusals are modelled paths, not exceptions.
 */
@Configuration
public class PriorApprovalDelegates {

  /** R-PA-1 / R-PA-2, and the date a still-open medical review is escalated. */
  @Bean
  JavaDelegate checkRequestDeadline(@Value("${misp.prior-approval.maternity-escalation-days:8}") int maternityEscalationDays,
      Parameters parameters) {
    RequestDeadline deadline = new RequestDeadline(parameters);
    return execution -> {
      CareType type = TYPE.get(execution);
      LocalDate received = RECEIVED_DATE.get(execution);
      LocalDate reference = type == CareType.HOSPITALISATION ? ADMISSION_DATE.get(execution) : PREGNANCY_START_DATE.get(execution);
      RequestDeadline.Result result = deadline.check(type, received, reference);
      ON_TIME.set(execution, result.onTime());
      // Shown to the advisor (reviewLateRequest) and to the member (refusal): French dates.
      DEADLINE_EXPLANATION.set(execution, FrenchText.label(result.steps().get(0).label()));
      MEDICAL_ESCALATION_DATE.set(execution,
          deadline.medicalEscalationDate(type, received, reference, maternityEscalationDays));
    };
  }

  /**
   * R-PA-3: IMA or HCS by the member's country of residence, from the zonier — the one source of the
   * routing (the guide's table, checked against the guide by ZonierTest) — and on the file's record.
   */
  @Bean
  JavaDelegate routeToAdministrator(Zonier zonier, PriorApprovalFiles files) {
    return execution -> {
      String administrator = zonier.find(COUNTRY.get(execution)).map(Territory::administrator)
          .orElseThrow(() -> new IllegalStateException("A request abroad has a territory of the zonier")).name();
      ADMINISTRATOR.set(execution, administrator);
      files.routed(execution.getProcessBusinessKey(), administrator);
    };
  }

  /** R-PA-3: in the HCS zone the member must be registered with HCS. */
  @Bean
  JavaDelegate checkHcsRegistration(MemberDirectory members) {
    return execution -> HCS_REGISTERED.set(execution, members.find(MEMBER_ID.get(execution)).map(m -> m.hcsRegistered()).orElse(false));
  }

  /**
   * R-PA-4: only establishments of the MGEN International medical network, in the network on the
   * admission date (a maternity: on the day the request was received) — RULES §9 Decision.
   */
  @Bean
  JavaDelegate checkMedicalNetwork(MedicalNetwork network) {
    return execution -> {
      LocalDate on = Optional.ofNullable(ADMISSION_DATE.get(execution)).orElse(RECEIVED_DATE.get(execution));
      IN_NETWORK.set(execution, network.inNetworkOn(ESTABLISHMENT_ID.get(execution), on));
    };
  }

  /** Ends the request as refused, with the reason of the element (input parameter refusalReason). */
  @Bean
  JavaDelegate refuseRequest(Notifications notifications, MedicalNetwork network, PriorApprovalFiles files) {
    return execution -> {
      // The element names the reason (HORS_DELAI, ETABLISSEMENT_HORS_RESEAU); a médecin's refusal
      // carries none: its non-medical reason is the one the médecin wrote (decisionReason).
      String reason = string(execution, "refusalReason");
      DECISION.setOnProcess(execution, "REFUSED");
      if (reason != null) {
        DECISION_REASON.setOnProcess(execution, reason);
      }
      files.decided(execution.getProcessBusinessKey(), "REFUSED", reason != null ? reason
          : DECISION_REASON.get(execution), null, null);
      String message = reason == null
          ? "Votre demande d'accord préalable est refusée par le médecin-conseil. Motif : " + DECISION_REASON.get(execution)
          : switch (reason) {
            case "HORS_DELAI" -> "Votre demande d'accord préalable est refusée : elle est parvenue hors délai. "
                + DEADLINE_EXPLANATION.get(execution);
            default -> "Votre demande est refusée : l'établissement choisi n'appartient pas au réseau médical MGEN "
                + "International (R-PA-4). Établissements du réseau dans votre pays : "
                + describe(network.inCountry(COUNTRY.get(execution))) + ".";
          };
      notifications.notifyOnce(execution.getProcessBusinessKey(), "PRIOR_APPROVAL_REFUSED", "member:" + MEMBER_ID.get(execution), message);
    };
  }


  /** Closes a file left incomplete after 30 days (registration or documents never came). */
  @Bean
  JavaDelegate closeIncomplete(Notifications notifications, PriorApprovalFiles files) {
    return execution -> {
      DECISION.set(execution, "CLOSED_INCOMPLETE");
      DECISION_REASON.set(execution, string(execution, "closureReason"));
      files.decided(execution.getProcessBusinessKey(), "CLOSED_INCOMPLETE", string(execution, "closureReason"), null, null);
      notifications.notifyOnce(execution.getProcessBusinessKey(), "PRIOR_APPROVAL_CLOSED", "member:" + MEMBER_ID.get(execution),
          "Votre demande d'accord préalable est close : " + string(execution, "closureMessage"));
    };
  }

  static String describe(List<Establishment> establishments) {
    return establishments.isEmpty() ? "aucun établissement n'est encore référencé, contactez votre gestionnaire"
        : establishments.stream().map(e -> e.name() + " (" + e.city() + ")").collect(Collectors.joining(", "));
  }
}
