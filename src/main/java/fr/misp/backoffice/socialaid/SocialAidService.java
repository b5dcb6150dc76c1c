package fr.misp.backoffice.socialaid;

import static fr.misp.backoffice.socialaid.SocialAidVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import fr.misp.backoffice.rules.socialaid.LoanScheduleCalculator;
import fr.misp.backoffice.rules.socialaid.SocialAidRules.AidType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import fr.misp.backoffice.platform.engine.WaitStates;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/** Starts Action Sociale requests once and tells each user what they may see of them. */
@Service
public class SocialAidService {

  /** What the API answers about a request. */
  public record View(String id, String businessKey, String status, String agencyCode, String aidType, String decision,
      BigDecimal grantedAmount, String motivation, JsonNode schedule) {}

  private final ProcessRequests requests;
  private final MemberDirectory members;
  private final AdvisorAgencies agencies;
  private final ObjectMapper json;
  private final SystemActions system;
  private final RuntimeService runtime;
  private final SocialAidFiles files;
  private final LoanScheduleCalculator loans;
  private final AllowancePayees payees;

  public SocialAidService(ProcessRequests requests, MemberDirectory members, AdvisorAgencies agencies, ObjectMapper json,
      SystemActions system, RuntimeService runtime, SocialAidFiles files, LoanScheduleCalculator loans,
      AllowancePayees payees) {
    this.payees = payees;
    this.system = system;
    this.requests = requests;
    this.members = members;
    this.agencies = agencies;
    this.json = json;
    this.runtime = runtime;
    this.files = files;
    this.loans = loans;
  }

  /**
   * R-CAP-4: the orphan allowance request of a child of a deceased member, opened by the back office
   * from the death claim (no advisor opens it, so no agency rule): recorded and started like any
   * request, once per child of the claim.
   */
  public String openOrphanAllowance(String memberId, String agencyCode, String orphanName, LocalDate orphanBirthDate,
      String legalRepresentative, LocalDate deathDate, String deathClaimKey, int childIndex) {
    String businessKey = "SA-ORPHAN-" + deathClaimKey + "-" + childIndex;
    Map<String, Object> variables = new HashMap<>();
    MEMBER_ID.put(variables, memberId);
    AGENCY_CODE.put(variables, agencyCode);
    SITUATION.put(variables, SocialAidRequest.Situation.FAMILY_EVENT);
    AID_TYPE.put(variables, AidType.ORPHAN_ALLOWANCE);
    ORPHAN_NAME.put(variables, orphanName);
    ORPHAN_BIRTH_DATE.put(variables, orphanBirthDate);
    HOUSEHOLD_SIZE.put(variables, 1);
    DEATH_CLAIM_KEY.put(variables, deathClaimKey);
    // The orphan's age is assessed at the date of death (RULES §6 Decision), not on the day of the check.
    ASSESSMENT_DATE.put(variables, deathDate);
    RECEIVED_DATE.put(variables, LocalDate.now());
    CYCLE.put(variables, 1);
    return requests.startOnce(ProcessKeys.SOCIAL_AID, businessKey, "system", variables,
        () -> {
          files.open(businessKey, memberId, agencyCode, AidType.ORPHAN_ALLOWANCE.name(), null);
          // RULES §6 Decision: the allowance is the orphan's, paid to the orphan or the legal representative.
          files.beneficiary(businessKey, orphanName, orphanBirthDate, legalRepresentative);
        }).processInstanceId();
  }

  public Map.Entry<View, Boolean> start(SocialAidRequest body, CurrentUser user) {
    List<FieldError> errors = new ArrayList<>();
    if (members.find(body.memberId()).isEmpty()) {
      errors.add(MemberDirectory.UNKNOWN_MEMBER);
    }
    List<String> mine = agencies.of(user.id());
    if (mine.isEmpty()) {
      errors.add(new FieldError("agencyCode", "no_agency", "Vous n'êtes rattaché à aucune agence : demandez à un "
          + "administrateur de vous rattacher à la vôtre (Admin, « Agences et conseillers »)",
          "You work for no agency yet: an administrator must assign you to yours"));
    } else if (!mine.contains(body.agencyCode())) {
      errors.add(new FieldError("agencyCode", "not_your_agency", "Vous ne travaillez pas pour cette agence",
          "You do not work for this agency"));
    }
    AidType type = body.aidType();
    if (type.loanType() != null) {
      if (body.durationMonths() == null) {
        errors.add(new FieldError("durationMonths", "must_not_be_null", "Durée obligatoire pour un prêt ou une avance",
            "Required for a loan or an advance"));
      } else {
        loans.check(type.loanType(), body.requestedAmount(), body.durationMonths(), LocalDate.now())
            .forEach(p -> errors.add(new FieldError(p.field().equals("amount") ? "requestedAmount" : p.field(), p.code(),
                p.message(), p.messageEn())));
      }
    }
    if (type == AidType.CARER_ALLOWANCE && (body.carerRelation() == null || body.carerGir() == null)) {
      errors.add(new FieldError("carerRelation", "must_not_be_null", "Lien et GIR de la personne aidée obligatoires",
          "carerRelation and carerGir are required"));
    }
    if (type == AidType.ORPHAN_ALLOWANCE && body.orphanBirthDate() == null) {
      errors.add(new FieldError("orphanBirthDate", "must_not_be_null", "Date de naissance de l'orphelin obligatoire",
          "Required for an orphan allowance"));
    }
    if (type == AidType.ORPHAN_ALLOWANCE && (body.orphanName() == null || body.orphanName().isBlank())) {
      errors.add(new FieldError("orphanName", "must_not_be_null", "Nom de l'orphelin obligatoire : l'allocation est la "
          + "sienne", "Required for an orphan allowance"));
    }
    if (type == AidType.ORPHAN_ALLOWANCE && body.orphanBirthDate() != null
        && payees.minor(body.orphanBirthDate(), LocalDate.now())
        && (body.legalRepresentative() == null || body.legalRepresentative().isBlank())) {
      errors.add(new FieldError("legalRepresentative", "required_for_minor", "Orphelin mineur : indiquez son représentant "
          + "légal (parent survivant ou tuteur), qui recevra l'allocation", "Required for a minor orphan"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    LocalDate today = LocalDate.now();
    String businessKey = "SA-" + body.memberId() + "-" + type + "-" + body.agencyCode() + "-" + today + "-"
        + body.requestedAmount().setScale(2).toPlainString();
    Map<String, Object> variables = new HashMap<>();
    MEMBER_ID.put(variables, body.memberId());
    AGENCY_CODE.put(variables, body.agencyCode());
    SITUATION.put(variables, body.situation());
    AID_TYPE.put(variables, type);
    REQUESTED_AMOUNT.put(variables, body.requestedAmount());
    DURATION_MONTHS.put(variables, body.durationMonths());
    MONTHLY_RESOURCES.put(variables, body.monthlyResources());
    MONTHLY_CHARGES.put(variables, body.monthlyCharges());
    HOUSEHOLD_SIZE.put(variables, body.householdSize());
    CHILDREN_UNDER_14.put(variables, body.childrenUnder14() == null ? 0 : body.childrenUnder14());
    CARER_RELATION.put(variables, body.carerRelation());
    CARER_GIR.put(variables, body.carerGir());
    ORPHAN_BIRTH_DATE.put(variables, body.orphanBirthDate());
    RECEIVED_DATE.put(variables, today);
    CYCLE.put(variables, 1);
    if (type == AidType.ORPHAN_ALLOWANCE) {
      ORPHAN_NAME.put(variables, body.orphanName().strip());
    }
    ProcessRequests.Started started = requests.startOnce(ProcessKeys.SOCIAL_AID, businessKey, user.id(), variables,
        () -> {
          files.open(businessKey, body.memberId(), body.agencyCode(), type.name(), body.requestedAmount());
          if (type == AidType.ORPHAN_ALLOWANCE) {
            files.beneficiary(businessKey, body.orphanName().strip(), body.orphanBirthDate(),
                body.legalRepresentative() == null || body.legalRepresentative().isBlank() ? null
                    : body.legalRepresentative().strip());
          }
        });
    return Map.entry(view(started.processInstanceId(), user), started.created());
  }

  /**
   * The request as {@code user} may see it: gestionnaires all; advisors their agency's files;
   * commission members the files submitted to the commission.
   */
  public View view(String id, CurrentUser user) {
    // Read as the back office: the agency rule below is finer than Camunda's per-definition rights.
    SocialAidFiles.File file = files.byProcessInstance(id).orElseThrow(() ->
        new NotFoundException("Demande d'aide inconnue / Unknown social-aid request"));
    boolean mayRead = user.isMemberOfAny(Groups.MANAGERS)
        || (user.isMemberOfAny(Groups.ADVISORS) && agencies.of(user.id()).contains(file.agencyCode()))
        || (user.isMemberOfAny(Groups.SOCIAL_AID_COMMISSION) && Boolean.TRUE.equals(file.eligible()));
    if (!mayRead) {
      throw new ForbiddenException("Ce dossier n'est pas visible pour vous (autre agence, ou pas encore soumis à la "
          + "commission) / This file is not visible to you");
    }
    List<String> waitingAt = system.asSystem(() -> WaitStates.of(runtime, id)).orElse(null);
    String status = waitingAt != null ? status(waitingAt) : file.decision() == null ? "CLOSED" : file.decision();
    JsonNode schedule = files.scheduleOf(file.businessKey()).<JsonNode>map(json::valueToTree).orElse(null);
    return new View(id, file.businessKey(), status, file.agencyCode(), file.aidType(), file.decision(),
        file.grantedAmount() == null ? null : file.grantedAmount().setScale(2), file.motivation(), schedule);
  }

  static String status(List<String> active) {
    if (active.contains(SocialAidElements.BUILD_SOCIAL_FILE)) {
      return "FILE_IN_PROGRESS";
    }
    if (active.contains(SocialAidElements.COMMISSION_DECISION)) {
      return "COMMISSION";
    }
    if (active.contains(SocialAidElements.NEXT_SESSION_TIMER)
        || active.contains(SocialAidElements.SCHEDULE_COMMISSION_SESSION)) {
      return "ADJOURNED_TO_NEXT_SESSION";
    }
    if (active.contains(SocialAidElements.ARBITRATE_ENDOWMENT)) {
      return "ENDOWMENT_ARBITRATION";
    }
    if (active.contains(SocialAidElements.ANNUAL_REVIEW_TIMER)) {
      return "GRANTED_ANNUAL_REVIEW_PENDING";
    }
    return "RECEIVED";
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (Exception e) {
      return null;
    }
  }
}
