package fr.misp.backoffice.priorapproval;

import static fr.misp.backoffice.platform.engine.Variables.*;
import static fr.misp.backoffice.priorapproval.PriorApprovalVariables.*;

import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.platform.engine.ProcessKeys;
import fr.misp.backoffice.platform.engine.ProcessRequests;
import fr.misp.backoffice.platform.security.CurrentUser;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.platform.security.SystemActions;
import fr.misp.backoffice.platform.web.ApiError.FieldError;
import fr.misp.backoffice.platform.web.ForbiddenException;
import fr.misp.backoffice.platform.web.InvalidRequestException;
import fr.misp.backoffice.platform.web.NotFoundException;
import fr.misp.backoffice.rules.priorapproval.RequestDeadline.CareType;
import fr.misp.backoffice.rules.zoning.Zonier;
import fr.misp.backoffice.rules.zoning.Zonier.Territory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import fr.misp.backoffice.platform.engine.WaitStates;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/** Starts prior-approval requests once per business request and tells where each one stands. */
@Service
public class PriorApprovalService {

  /** What the API answers about a request. */
  public record View(String id, String businessKey, String status, String administrator, String decision,
      String decisionReason, String agreementNumber, BigDecimal approvedAmount, String previousBusinessKey) {}

  private final MemberDirectory members;
  private final Zonier zonier;
  private final ProcessRequests requests;
  private final SystemActions system;
  private final RuntimeService runtime;
  private final PriorApprovalFiles files;
  private final fr.misp.backoffice.network.MedicalNetwork network;

  public PriorApprovalService(MemberDirectory members, Zonier zonier, ProcessRequests requests, SystemActions system,
      RuntimeService runtime, PriorApprovalFiles files, fr.misp.backoffice.network.MedicalNetwork network) {
    this.network = network;
    this.system = system;
    this.runtime = runtime;
    this.files = files;
    this.members = members;
    this.zonier = zonier;
    this.requests = requests;
  }

  /** @return the view and whether it was started now (false: the same request had already started it). */
  public Map.Entry<View, Boolean> start(PriorApprovalRequest body, CurrentUser user) {
    Territory territory = validate(body, user);
    LocalDate date = body.type() == CareType.HOSPITALISATION ? body.plannedAdmissionDate() : body.pregnancyStartDate();
    String requestKey = "PA-" + body.memberId() + "-" + body.type() + "-" + date + "-" + body.establishmentId();
    // The same request again is the same file, unless that file ended without a decision on the care:
    // then it is filed again, as a new file linked to the earlier one (RULES §9 Decision).
    String businessKey = requestKey;
    String previous = null;
    for (int round = 2; files.byBusinessKey(businessKey).filter(PriorApprovalFiles.File::mayBeFiledAgain).isPresent();
        round++) {
      previous = businessKey;
      businessKey = requestKey + "-" + round;
    }
    String fileKey = businessKey;
    String previousKey = previous;
    Map<String, Object> variables = new HashMap<>();
    MEMBER_ID.put(variables, body.memberId());
    TYPE.put(variables, body.type());
    COUNTRY.put(variables, territory.code());
    RECEIVED_DATE.put(variables, body.receivedDate());
    ADMISSION_DATE.put(variables, body.plannedAdmissionDate());
    PREGNANCY_START_DATE.put(variables, body.pregnancyStartDate());
    ESTABLISHMENT_ID.put(variables, body.establishmentId());
    QUOTE_AMOUNT.put(variables, body.quoteAmount());
    QUOTE_CURRENCY.put(variables, body.quoteCurrency() == null ? "EUR" : body.quoteCurrency());
    ProcessRequests.Started started = requests.startOnce(ProcessKeys.PRIOR_APPROVAL, fileKey, user.id(), variables,
        () -> files.open(fileKey, body, territory.code(), previousKey));
    return Map.entry(view(started.processInstanceId()), started.created());
  }

  private Territory validate(PriorApprovalRequest body, CurrentUser user) {
    List<FieldError> errors = new ArrayList<>();
    Optional<Territory> territory = zonier.find(body.countryOfResidence());
    if (territory.isEmpty()) {
      errors.add(new FieldError("countryOfResidence", "unknown_territory", "Territoire inconnu du zonier",
          "Unknown territory"));
    } else if (!territory.get().abroad()) {
      errors.add(new FieldError("countryOfResidence", "not_abroad",
          "France métropolitaine et DROM : les soins sont pris en charge en France, sans accord préalable international",
          "Metropolitan France and the DROM are not abroad: no international prior approval"));
    } else if (!mayFollow(user, territory.get().administrator().name())) {
      errors.add(new FieldError("countryOfResidence", "not_your_zone",
          "Ce territoire relève de l'autre gestionnaire de zone", "This territory belongs to the other administrator"));
    }
    if (members.find(body.memberId()).isEmpty()) {
      errors.add(MemberDirectory.UNKNOWN_MEMBER);
    }
    // A typo is not a refusal: an id no establishment has is a field to correct; an establishment that
    // exists but is not in the network on the admission date is the modelled refusal (R-PA-4).
    if (network.find(body.establishmentId()).isEmpty()) {
      errors.add(new FieldError("establishmentId", "unknown_establishment", "Établissement inconnu : vérifiez "
          + "l'identifiant (liste : /api/network-establishments)", "Unknown establishment id"));
    }
    if (body.type() == CareType.HOSPITALISATION) {
      if (body.plannedAdmissionDate() == null) {
        errors.add(new FieldError("plannedAdmissionDate", "must_not_be_null", "Date d'admission prévue obligatoire pour "
            + "une hospitalisation", "Required for a hospitalisation"));
      } else if (body.plannedAdmissionDate().isBefore(body.receivedDate())) {
        errors.add(new FieldError("plannedAdmissionDate", "before_received", "L'admission précède la réception de la "
            + "demande", "Admission is before the request was received"));
      }
    }
    if (body.type() == CareType.MATERNITE) {
      if (body.pregnancyStartDate() == null) {
        errors.add(new FieldError("pregnancyStartDate", "must_not_be_null", "Date de début de grossesse obligatoire "
            + "pour une maternité", "Required for a maternity"));
      } else if (body.pregnancyStartDate().isAfter(body.receivedDate())) {
        errors.add(new FieldError("pregnancyStartDate", "after_received", "Le début de grossesse suit la réception de "
            + "la déclaration", "Pregnancy start is after the declaration was received"));
      }
    }
    if (body.receivedDate().isAfter(LocalDate.now())) {
      errors.add(new FieldError("receivedDate", "in_future", "Date de réception dans le futur", "Received date in the future"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return territory.get();
  }

  /**
   * The request as {@code user} may see it: IMA and HCS their own zone's files only; advisors,
   * médecins-conseil and gestionnaires every file.
   */
  public View view(String processInstanceId, CurrentUser user) {
    View view = view(processInstanceId);
    if (!mayFollow(user, view.administrator())) {
      throw new ForbiddenException("Ce dossier relève de l'autre gestionnaire de zone / This file belongs to the other "
          + "administrator");
    }
    return view;
  }

  /** The member registered with HCS: the file waiting for it resumes (the member's record says so too). */
  public View hcsRegistered(String id, CurrentUser user) {
    requireStatus(view(id, user), "AWAITING_REGISTRATION");
    String memberId = system.asSystem(() -> MEMBER_ID.fromEngine(runtime.getVariable(id, MEMBER_ID.name())));
    members.setHcsRegistered(memberId, true);
    system.asSystem(() -> runtime.createMessageCorrelation(MESSAGE_HCS_REGISTERED).processInstanceId(id).correlate());
    return view(id);
  }

  /** The missing documents arrived: the claims administrator takes the file up again. */
  public View documentsReceived(String id, CurrentUser user) {
    requireStatus(view(id, user), "AWAITING_DOCUMENTS");
    system.asSystem(() -> runtime.createMessageCorrelation(MESSAGE_DOCUMENTS_RECEIVED).processInstanceId(id).correlate());
    return view(id);
  }

  private static void requireStatus(View view, String status) {
    if (!status.equals(view.status())) {
      throw InvalidRequestException.of("status", "wrong_status", "La demande n'est pas au statut " + status
          + " (statut actuel : " + view.status() + ")", "The request is not in status " + status);
    }
  }

  /** IMA and HCS staff follow their own zone; every other group of the API follows all. */
  static boolean mayFollow(CurrentUser user, String administrator) {
    if (user.isMemberOfAny(Groups.ADVISORS, Groups.MEDICAL_ADVISERS, Groups.MANAGERS, Groups.ADMINS)) {
      return true;
    }
    return administrator != null && user.isMemberOfAny(administrator.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Read from the file's record (the decision, the amounts: they outlive the engine's history) and,
   * while the process runs, from where it waits. As the back office: the zone rule of
   * {@link #view(String, CurrentUser)} is finer than Camunda's.
   */
  View view(String processInstanceId) {
    PriorApprovalFiles.File file = files.byProcessInstance(processInstanceId).orElseThrow(() ->
        new NotFoundException("Demande d'accord préalable inconnue / Unknown prior-approval request"));
    List<String> waitingAt = system.asSystem(() -> WaitStates.of(runtime, processInstanceId)).orElse(null);
    String status = waitingAt != null ? status(waitingAt)
        : file.decision() == null ? "CLOSED_INCOMPLETE" : file.decision();
    return new View(processInstanceId, file.businessKey(), status, file.administrator(), file.decision(),
        file.decisionReason(), file.agreementNumber(),
        file.approvedAmount() == null ? null : file.approvedAmount().setScale(2), file.previousBusinessKey());
  }

  static String status(List<String> activeActivities) {
    if (activeActivities.contains(PriorApprovalElements.REVIEW_LATE_REQUEST)) {
      return "LATE_REVIEW";
    }
    if (activeActivities.contains(PriorApprovalElements.WAIT_HCS_REGISTRATION)) {
      return "AWAITING_REGISTRATION";
    }
    if (activeActivities.contains(PriorApprovalElements.BUILD_FILE)
        || activeActivities.contains(PriorApprovalElements.WAIT_DOCUMENTS)) {
      return "AWAITING_DOCUMENTS";
    }
    if (activeActivities.contains(PriorApprovalElements.MEDICAL_REVIEW)) {
      return "MEDICAL_REVIEW";
    }
    return "RECEIVED";
  }

  private static String str(Object value) {
    return value == null ? null : value.toString();
  }
}
