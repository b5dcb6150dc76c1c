package fr.misp.backoffice.disability;

import static fr.misp.backoffice.disability.DisabilityVariables.MEMBER_ID;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.platform.engine.ProcessKeys;
import fr.misp.backoffice.platform.engine.ProcessRequests;
import fr.misp.backoffice.platform.engine.WaitStates;
import fr.misp.backoffice.platform.security.SystemActions;
import fr.misp.backoffice.platform.web.ApiError.FieldError;
import fr.misp.backoffice.platform.web.InvalidRequestException;
import fr.misp.backoffice.platform.web.NotFoundException;
import fr.misp.backoffice.rules.disability.DisabilityCalculator.Resource;
import fr.misp.backoffice.rules.disability.ResourceType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/** Opens one invalidity claim per member and pension decision, records its end, tells where a claim stands. */
@Service
public class DisabilityClaimService {

  /** One resource of the year (R-INV-5). */
  public record ResourceLine(@NotNull ResourceType type,
      @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal annualAmount) {}

  /** Body of {@code POST /api/disability-claims}: the pension decision (rate or category) and the salary (R-INV-2/3). */
  public record Request(@NotBlank @Size(max = 40) String memberId, @NotNull LocalDate pensionStartDate,
      @PositiveOrZero @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal invalidityRate,
      @Min(1) @Max(3) Integer socialSecurityCategory,
      @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal monthlyBaseSalary,
      @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal monthlyBonuses,
      @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal monthlyCostOfLivingBonus,
      @NotNull @Size(max = 20) List<@Valid @NotNull ResourceLine> resources) {}

  /** Body of {@code POST …/end}: termination, resignation, unpaid contributions or death. */
  public record End(@NotNull LocalDate endDate) {}

  /** What the API answers. */
  public record View(String id, String businessKey, String status, String decision, String category,
      String refusalReason, LocalDate endDate, BigDecimal capitalAmount, List<DisabilityClaims.Year> years,
      List<DisabilityClaims.Paid> payments) {}

  private final ProcessRequests requests;
  private final MemberDirectory members;
  private final DisabilityClaims claims;
  private final RuntimeService runtime;
  private final SystemActions system;
  private final ObjectMapper json;
  private final fr.misp.backoffice.member.MemberBenefits benefits;

  public DisabilityClaimService(ProcessRequests requests, MemberDirectory members, DisabilityClaims claims,
      RuntimeService runtime, SystemActions system, ObjectMapper json, fr.misp.backoffice.member.MemberBenefits benefits) {
    this.benefits = benefits;
    this.requests = requests;
    this.members = members;
    this.claims = claims;
    this.runtime = runtime;
    this.system = system;
    this.json = json;
  }

  public Map.Entry<View, Boolean> start(Request body, String userId) throws Exception {
    List<FieldError> errors = new ArrayList<>();
    if (members.find(body.memberId()).isEmpty()) {
      errors.add(MemberDirectory.UNKNOWN_MEMBER);
    }
    if ((body.invalidityRate() == null) == (body.socialSecurityCategory() == null)) {
      errors.add(new FieldError("invalidityRate", "rate_or_category", "Indiquez le taux d'invalidité ou la catégorie de "
          + "la Sécurité sociale (l'un des deux)", "Give the invalidity rate or the social-security category (one)"));
    }
    if (body.pensionStartDate().isAfter(LocalDate.now())) {
      errors.add(new FieldError("pensionStartDate", "in_future", "Date de la pension dans le futur", "Pension date in the future"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    String businessKey = "INV-" + body.memberId() + "-" + body.pensionStartDate();
    Map<String, Object> variables = new HashMap<>();
    MEMBER_ID.put(variables, body.memberId());
    variables.put("initialResources", json.writeValueAsString(body.resources().stream()
        .map(r -> new Resource(r.type(), r.annualAmount())).toList()));
    ProcessRequests.Started started = requests.startOnce(ProcessKeys.DISABILITY_ALLOWANCE, businessKey, userId,
        variables, () -> {
          claims.open(businessKey, body.memberId(), body.pensionStartDate(), body.invalidityRate(),
              body.socialSecurityCategory(), body.monthlyBaseSalary(), body.monthlyBonuses(),
              body.monthlyCostOfLivingBonus() == null ? BigDecimal.ZERO : body.monthlyCostOfLivingBonus());
          // R-AJ-6: the passage into invalidity ends the daily allowances.
          benefits.end(body.memberId(), body.pensionStartDate(), "INVALIDITY",
              java.util.Set.of(fr.misp.backoffice.member.MemberBenefits.DAILY_ALLOWANCE));
        });
    return Map.entry(view(started.processInstanceId()), started.created());
  }

  public View ended(String id, End body) {
    DisabilityClaims.Claim claim = claim(id);
    if (body.endDate().isBefore(claim.startDate())) {
      throw InvalidRequestException.of("endDate", "before_start", "La fin précède le début de l'allocation",
          "The end is before the start");
    }
    claims.ended(claim.businessKey(), body.endDate());
    return view(id);
  }

  public View view(String id) {
    DisabilityClaims.Claim c = claim(id);
    List<String> waitingAt = system.asSystem(() -> WaitStates.of(runtime, id)).orElse(null);
    String status = waitingAt == null ? "CLOSED"
        : waitingAt.contains(DisabilityElements.DECIDE_CAPITAL) ? "CAPITAL_TO_COMPUTE"
        : waitingAt.contains(DisabilityElements.RECORD_RESOURCES) ? "AWAITING_RESOURCES"
        : waitingAt.contains(DisabilityElements.IN_SERVICE)
            ? (suspended(c) ? "SUSPENDED" : "PAYING") : "IN_PROGRESS";
    return new View(id, c.businessKey(), status, c.decision(), c.category(), c.refusalReason(), c.endDate(),
        c.capitalAmount(), claims.years(c.businessKey()), claims.payments(c.businessKey()));
  }

  /** The latest year computed suspends the benefit (R-INV-9, IPP). */
  private boolean suspended(DisabilityClaims.Claim claim) {
    List<DisabilityClaims.Year> years = claims.years(claim.businessKey());
    return !years.isEmpty() && "SUSPENDED".equals(years.get(years.size() - 1).outcome());
  }

  private DisabilityClaims.Claim claim(String id) {
    return claims.byProcessInstance(id).orElseThrow(() -> new NotFoundException(
        "Demande d'allocation d'invalidité inconnue / Unknown disability claim"));
  }
}
