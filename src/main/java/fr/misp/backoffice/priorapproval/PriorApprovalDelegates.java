package fr.misp.backoffice.priorapproval;

import static fr.misp.backoffice.platform.engine.Variables.*;
import static fr.misp.backoffice.priorapproval.PriorApprovalVariables.*;

import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.network.Establishment;
import fr.misp.backoffice.network.MedicalNetwork;
import fr.misp.backoffice.notification.Notifications;
import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.priorapproval.RequestDeadline;
import fr.misp.backoffice.rules.priorapproval.RequestDeadline.CareType;
import java.time.LocalDate;
import java.util.List;
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
      CareType type = CareType.valueOf(string(execution, TYPE));
      LocalDate received = date(execution, RECEIVED_DATE);
      LocalDate reference = type == CareType.HOSPITALISATION ? date(execution, ADMISSION_DATE) : date(execution, PREGNANCY_START_DATE);
      RequestDeadline.Result result = deadline.check(type, received, reference);
      execution.setVariable(ON_TIME, result.onTime());
      execution.setVariable(DEADLINE_EXPLANATION, result.steps().get(0).label());
      execution.setVariable(MEDICAL_ESCALATION_DATE,
          deadline.medicalEscalationDate(type, received, reference, maternityEscalationDays) + "T00:00:00");
    };
  }

  /**
   * R-PA-3: IMA or HCS by the member's country of residence, from the zonier — the one source of the
   * routing (the guide's table, checked against the guide by ZonierTest) — and on the file's record.
   */
  @Bean
  JavaDelegate routeToAdministrator(Zonier zonier, PriorApprovalFiles files) {
    return execution -> {
      String administrator = zonier.find(string(execution, COUNTRY)).map(Territory::administrator)
          .orElseThrow(() -> new IllegalStateException("A request abroad has a territory of the zonier")).name();
      execution.setVariable(ADMINISTRATOR, administrator);
      files.routed(execution.getProcessBusinessKey(), administrator);
    };
  }

  /** R-PA-3: in the HCS zone the member must be registered with HCS. */
  @Bean
  JavaDelegate checkHcsRegistration(MemberDirectory members) {
    return execution -> execution.setVariable(HCS_REGISTERED,
        members.find(string(execution, MEMBER_ID)).map(m -> m.hcsRegistered()).orElse(false));
  }

  /** R-PA-4: only establishments of the MGEN International medical network. */
  @Bean
  JavaDelegate checkMedicalNetwork(MedicalNetwork network) {
    return execution -> execution.setVariable(IN_NETWORK, network.find(string(execution, ESTABLISHMENT_ID)).isPresent());
  }

  /** Ends the request as refused, with the reason of the element (input parameter refusalReason). */
  @Bean
  JavaDelegate refuseRequest(Notifications notifications, MedicalNetwork network, PriorApprovalFiles files) {
    return execution -> {
      // The element names the reason (HORS_DELAI, ETABLISSEMENT_HORS_RESEAU); a médecin's refusal
      // carries none: its non-medical reason is the one the médecin wrote (decisionReason).
      String reason = string(execution, "refusalReason");
      execution.getProcessInstance().setVariable(DECISION, "REFUSED");
      if (reason != null) {
        execution.getProcessInstance().setVariable(DECISION_REASON, reason);
      }
      files.decided(execution.getProcessBusinessKey(), "REFUSED", reason != null ? reason
          : string(execution, DECISION_REASON), null, null);
      String message = reason == null
          ? "Votre demande d'accord préalable est refusée par le médecin-conseil. Motif : " + string(execution, DECISION_REASON)
          : switch (reason) {
            case "HORS_DELAI" -> "Votre demande d'accord préalable est refusée : elle est parvenue hors délai. "
                + string(execution, DEADLINE_EXPLANATION);
            default -> "Votre demande est refusée : l'établissement choisi n'appartient pas au réseau médical MGEN "
                + "International (R-PA-4). Établissements du réseau dans votre pays : "
                + describe(network.inCountry(string(execution, COUNTRY))) + ".";
          };
      notifications.notifyOnce(execution.getProcessBusinessKey(), "PRIOR_APPROVAL_REFUSED", "member:" + string(execution, MEMBER_ID), message);
    };
  }


  /** Closes a file left incomplete after 30 days (registration or documents never came). */
  @Bean
  JavaDelegate closeIncomplete(Notifications notifications, PriorApprovalFiles files) {
    return execution -> {
      execution.setVariable(DECISION, "CLOSED_INCOMPLETE");
      execution.setVariable(DECISION_REASON, string(execution, "closureReason"));
      files.decided(execution.getProcessBusinessKey(), "CLOSED_INCOMPLETE", string(execution, "closureReason"), null, null);
      notifications.notifyOnce(execution.getProcessBusinessKey(), "PRIOR_APPROVAL_CLOSED", "member:" + string(execution, MEMBER_ID),
          "Votre demande d'accord préalable est close : " + string(execution, "closureMessage"));
    };
  }

  static String describe(List<Establishment> establishments) {
    return establishments.isEmpty() ? "aucun établissement n'est encore référencé, contactez votre gestionnaire"
        : establishments.stream().map(e -> e.name() + " (" + e.city() + ")").collect(Collectors.joining(", "));
  }
}
