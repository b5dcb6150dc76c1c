package fr.misp.backoffice.deathcapital;

import static fr.misp.backoffice.deathcapital.DeathClaimVariables.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.misp.backoffice.deathcapital.DeathClaimRequest.Designation;
import fr.misp.backoffice.deathcapital.DeathClaimRequest.Relative;
import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.platform.engine.ProcessKeys;
import fr.misp.backoffice.platform.engine.ProcessRequests;
import fr.misp.backoffice.platform.web.ApiError.FieldError;
import fr.misp.backoffice.platform.web.InvalidRequestException;
import fr.misp.backoffice.platform.web.NotFoundException;
import fr.misp.backoffice.rules.deathcapital.BeneficiaryCascade.Relation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import fr.misp.backoffice.platform.security.SystemActions;
import fr.misp.backoffice.platform.engine.WaitStates;
import org.camunda.bpm.engine.RuntimeService;
import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.socialaid.AllowancePayees;
import org.springframework.stereotype.Service;

/** Opens one claim per member and event, and tells where it stands and who receives what. */
@Service
public class DeathClaimService {

  /** One beneficiary line of the answer. */
  /**
   * One beneficiary line of the answer. {@code bankStatus}: where the payment stands in its lifecycle (ORDERED,
   * APPROVED, SENT, PAID, RETURNED, REJECTED), following an order taken up after a return or a rejection.
   */
  public record BeneficiaryView(String name, String rank, String purpose, BigDecimal share, BigDecimal amount,
      String paymentStatus, String bankStatus) {}

  public record View(String id, String businessKey, String status, BigDecimal capitalAmount, BigDecimal majorationAmount,
      List<BeneficiaryView> beneficiaries) {}

  private final ProcessRequests requests;
  private final MemberDirectory members;
  private final Payees payees;
  private final ObjectMapper json;
  private final DeathClaims claims;
  private final RuntimeService runtime;
  private final SystemActions system;
  private final Parameters parameters;
  private final AllowancePayees allowancePayees;
  private final fr.misp.backoffice.payment.PaymentOrders payments;
  static final String POSTHUMOUS_BIRTH_DAYS = "P-CAP-POSTHUMOUS-BIRTH-DAYS";

  public DeathClaimService(ProcessRequests requests, MemberDirectory members, Payees payees, ObjectMapper json,
      DeathClaims claims, RuntimeService runtime, SystemActions system, Parameters parameters,
      AllowancePayees allowancePayees, fr.misp.backoffice.payment.PaymentOrders payments) {
    this.allowancePayees = allowancePayees;
    this.payments = payments;
    this.parameters = parameters;
    this.requests = requests;
    this.claims = claims;
    this.runtime = runtime;
    this.system = system;
    this.members = members;
    this.payees = payees;
    this.json = json;
  }

  public Map.Entry<View, Boolean> start(DeathClaimRequest body, String userId) {
    List<FieldError> errors = new ArrayList<>();
    Optional<Member> member = members.find(body.memberId());
    if (member.isEmpty()) {
      errors.add(MemberDirectory.UNKNOWN_MEMBER);
    } else if (!body.memberCategory().name().equals(member.get().category())) {
      // RULES §6 Decision: the category is the one on record; a correction of the record is a separate act.
      errors.add(new FieldError("memberCategory", "not_on_record", "La catégorie ne correspond pas à celle de l'annuaire "
          + "des membres (corrigez d'abord la fiche du membre)", "The category differs from the member directory"));
    }
    if (body.eventDate().isAfter(LocalDate.now())) {
      errors.add(new FieldError("eventDate", "in_future", "Date de l'événement dans le futur", "Event date in the future"));
    }
    for (int i = 0; i < body.family().size(); i++) {
      Relative relative = body.family().get(i);
      if (relative.relation() == Relation.SPOUSE && relative.unionType() == null) {
        errors.add(new FieldError("family[" + i + "].unionType", "must_not_be_null",
            "Type d'union obligatoire pour le conjoint (mariage, PACS, concubinage)", "Required for a spouse"));
      }
      // RULES §7 Decision (representation): a grandchild names the member's child, died before the member,
      // it descends from; a grandchild of a living child is not a beneficiary of the standard clause.
      if (relative.relation() == Relation.GRANDCHILD && body.family().stream().noneMatch(parent ->
          parent.relation() == Relation.CHILD && Boolean.FALSE.equals(parent.alive()) && relative.childOf() != null
          && relative.childOf().equals(parent.name()))) {
        errors.add(new FieldError("family[" + i + "].childOf", "unknown_parent", "Pour un petit-enfant, indiquez le nom "
            + "exact de son parent, enfant du membre décédé avant lui", "A grandchild must name a predeceased child of the member"));
      }
      if (relative.relation() != Relation.GRANDCHILD && relative.childOf() != null) {
        errors.add(new FieldError("family[" + i + "].childOf", "not_a_grandchild", "Seul un petit-enfant a un parent à "
            + "indiquer", "Only a grandchild names a parent"));
      }
      // RULES §6/§7 Decisions: a minor is paid and written to through the legal representative on the file.
      if ((relative.relation() == Relation.CHILD || relative.relation() == Relation.GRANDCHILD)
          && Boolean.TRUE.equals(relative.alive()) && relative.birthDate() != null
          && allowancePayees.minor(relative.birthDate(), LocalDate.now())
          && (relative.legalRepresentative() == null || relative.legalRepresentative().isBlank())) {
        errors.add(new FieldError("family[" + i + "].legalRepresentative", "required_for_minor", "Enfant mineur : "
            + "indiquez son représentant légal (parent survivant ou tuteur), qui recevra ses paiements et ses courriers",
            "Required for a minor"));
      }
      // RULES §6 Decision: a child born alive within P-CAP-POSTHUMOUS-BIRTH-DAYS after the death counts.
      int posthumousDays = parameters.require(POSTHUMOUS_BIRTH_DAYS, body.eventDate(), "eventDate").value().intValue();
      boolean posthumousChild = relative.relation() == Relation.CHILD && relative.birthDate() != null
          && !relative.birthDate().isAfter(body.eventDate().plusDays(posthumousDays));
      if (relative.birthDate() != null && relative.birthDate().isAfter(body.eventDate()) && !posthumousChild) {
        errors.add(new FieldError("family[" + i + "].birthDate", "after_event", "Naissance postérieure à l'événement (seul "
            + "un enfant né dans les " + posthumousDays + " jours qui suivent le décès compte)", "Born after the event"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    String businessKey = "DC-" + body.memberId() + "-" + body.event();
    Map<String, Object> variables = new HashMap<>();
    MEMBER_ID.put(variables, body.memberId());
    MEMBER_NAME.put(variables, member.get().name());
    EVENT.put(variables, body.event());
    EVENT_DATE.put(variables, body.eventDate());
    MEMBER_CATEGORY.put(variables, body.memberCategory());
    CONTRIBUTION_BASE.put(variables, body.annualContributionBase());
    FAMILY.put(variables, write(body.family()));
    DESIGNATION.put(variables, write(body.designation() == null ? new Designation(Designation.Type.STANDARD, List.of())
        : body.designation()));
    ProcessRequests.Started started = requests.startOnce(ProcessKeys.DEATH_CAPITAL, businessKey, userId, variables,
        () -> claims.open(businessKey, body));
    return Map.entry(view(started.processInstanceId()), started.created());
  }

  /** Read from the claim's record and its payees (they outlive the engine's history), and from where it waits. */
  public View view(String id) {
    DeathClaims.Claim claim = claims.byProcessInstance(id).orElseThrow(() -> new NotFoundException(
        "Dossier de capital décès inconnu / Unknown death claim"));
    List<String> waitingAt = system.asSystem(() -> WaitStates.of(runtime, id)).orElse(null);
    String status = waitingAt != null ? status(waitingAt)
        : claims.decisionOf(claim.businessKey()).orElse("CLOSED");
    List<fr.misp.backoffice.payment.PaymentOrders.PaymentOrder> orders = payments.of(claim.businessKey());
    List<BeneficiaryView> lines = payees.of(claim.businessKey()).stream().map(p -> new BeneficiaryView(p.name(), p.rank(),
        p.purpose(), p.share().setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros(), p.amount().setScale(2),
        p.paymentStatus(), bankStatus(orders, claim.businessKey() + ":" + p.position()))).toList();
    return new View(id, claim.businessKey(), status, money(claim.capitalAmount()), money(claim.majorationAmount()), lines);
  }

  /** The payee's order, or the order that took it up after a return or a rejection (the one still running). */
  static String bankStatus(List<fr.misp.backoffice.payment.PaymentOrders.PaymentOrder> orders, String key) {
    List<fr.misp.backoffice.payment.PaymentOrders.PaymentOrder> mine = orders.stream()
        .filter(o -> o.orderKey().equals(key) || o.orderKey().startsWith(key + ":REPRISE-")).toList();
    return mine.stream().filter(o -> !"RETURNED".equals(o.status()) && !"REJECTED".equals(o.status()))
        .map(fr.misp.backoffice.payment.PaymentOrders.PaymentOrder::status).findFirst()
        .orElse(mine.isEmpty() ? null : mine.get(mine.size() - 1).status());
  }

  static String status(List<String> active) {
    if (active.contains(DeathCapitalElements.RECORD_EVENT)) {
      return "RECORDING";
    }
    if (active.contains(DeathCapitalElements.CLARIFY_DESIGNATION)) {
      return "DESIGNATION_TO_CLARIFY";
    }
    if (active.contains(DeathCapitalElements.NOTARY_DEED)) {
      return "AWAITING_NOTARY_DEED";
    }
    if (active.contains(DeathCapitalElements.ADD_MISSING_PARAMETER)) {
      return "AWAITING_PARAMETER";
    }
    if (active.contains(DeathCapitalElements.ASSESS_PTIA)) {
      return "MEDICAL_ASSESSMENT";
    }
    if (active.contains(DeathCapitalElements.CHECK_BENEFICIARY) || active.contains(DeathCapitalElements.SEARCH_BENEFICIARY)
        || active.contains(DeathCapitalElements.DECIDE_UNFOUND_SHARE)) {
      return "PAYING";
    }
    return "IN_PROGRESS";
  }

  private static BigDecimal money(Object value) {
    return value == null ? null : new BigDecimal(value.toString()).setScale(2);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
