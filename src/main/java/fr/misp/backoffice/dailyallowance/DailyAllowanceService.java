package fr.misp.backoffice.dailyallowance;

import static fr.misp.backoffice.dailyallowance.DailyAllowanceVariables.MEMBER_ID;

import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.platform.engine.ProcessKeys;
import fr.misp.backoffice.platform.engine.ProcessRequests;
import fr.misp.backoffice.platform.engine.WaitStates;
import fr.misp.backoffice.platform.security.SystemActions;
import fr.misp.backoffice.platform.web.ApiError.FieldError;
import fr.misp.backoffice.platform.web.InvalidRequestException;
import fr.misp.backoffice.platform.web.NotFoundException;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/** Opens one AJ claim per member and half-pay date, records the end of the cycle, tells where a claim stands. */
@Service
public class DailyAllowanceService {

  /** Body of {@code POST /api/daily-allowance-claims} (R-AJ-2: the reference base from the contribution history). */
  public record Request(@NotBlank @Size(max = 40) String memberId, @NotNull LocalDate halfPayDate,
      @NotNull @Positive @Digits(integer = 9, fraction = 2) BigDecimal referenceMonthlyBase,
      @NotNull @Positive @Digits(integer = 9, fraction = 2) BigDecimal netSalaryBeforeStoppage) {}

  /** Body of {@code POST …/end} (R-AJ-6). */
  public record End(@NotNull LocalDate endDate, @NotNull DailyAllowanceElements.EndReason reason) {}

  /** What the API answers. */
  public record View(String id, String businessKey, String status, String decision, String refusalReason,
      LocalDate halfPayDate, LocalDate endDate, String endReason, List<DailyAllowanceClaims.Month> months) {}

  private final ProcessRequests requests;
  private final MemberDirectory members;
  private final DailyAllowanceClaims claims;
  private final RuntimeService runtime;
  private final SystemActions system;

  public DailyAllowanceService(ProcessRequests requests, MemberDirectory members, DailyAllowanceClaims claims,
      RuntimeService runtime, SystemActions system) {
    this.requests = requests;
    this.members = members;
    this.claims = claims;
    this.runtime = runtime;
    this.system = system;
  }

  public Map.Entry<View, Boolean> start(Request body, String userId) {
    List<FieldError> errors = new ArrayList<>();
    if (members.find(body.memberId()).isEmpty()) {
      errors.add(MemberDirectory.UNKNOWN_MEMBER);
    }
    if (body.halfPayDate().isAfter(LocalDate.now().plusMonths(1))) {
      errors.add(new FieldError("halfPayDate", "too_far", "Passage à demi-traitement à plus d'un mois",
          "Half-pay date more than a month ahead"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    String businessKey = "AJ-" + body.memberId() + "-" + body.halfPayDate();
    Map<String, Object> variables = new HashMap<>();
    MEMBER_ID.put(variables, body.memberId());
    ProcessRequests.Started started = requests.startOnce(ProcessKeys.DAILY_ALLOWANCE, businessKey, userId, variables,
        () -> claims.open(businessKey, body.memberId(), body.halfPayDate(), body.referenceMonthlyBase(),
            body.netSalaryBeforeStoppage()));
    return Map.entry(view(started.processInstanceId()), started.created());
  }

  public View ended(String id, End body) {
    DailyAllowanceClaims.Claim claim = claim(id);
    if (body.endDate().isBefore(claim.halfPayDate())) {
      throw InvalidRequestException.of("endDate", "before_start", "La fin précède le passage à demi-traitement",
          "The end is before the half-pay date");
    }
    claims.ended(claim.businessKey(), body.endDate(), body.reason().name());
    return view(id);
  }

  public View view(String id) {
    DailyAllowanceClaims.Claim c = claim(id);
    List<String> waitingAt = system.asSystem(() -> WaitStates.of(runtime, id)).orElse(null);
    String status = waitingAt == null ? "CLOSED"
        : waitingAt.contains(DailyAllowanceElements.RECORD_MONTHLY_PAY) ? "AWAITING_MONTHLY_PAY"
        : waitingAt.contains(DailyAllowanceElements.MONTH_CLOSES) ? "RUNNING" : "IN_PROGRESS";
    return new View(id, c.businessKey(), status, c.decision(), c.refusalReason(), c.halfPayDate(), c.endDate(),
        c.endReason(), claims.months(c.businessKey()));
  }

  private DailyAllowanceClaims.Claim claim(String id) {
    return claims.byProcessInstance(id).orElseThrow(() -> new NotFoundException(
        "Demande d'allocations journalières inconnue / Unknown daily-allowance claim"));
  }
}
