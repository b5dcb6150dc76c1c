package fr.misp.backoffice.dependency;

import static fr.misp.backoffice.dependency.TotalDependencyVariables.MEMBER_ID;

import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.platform.engine.ProcessKeys;
import fr.misp.backoffice.platform.engine.ProcessRequests;
import fr.misp.backoffice.platform.engine.WaitStates;
import fr.misp.backoffice.platform.security.SystemActions;
import fr.misp.backoffice.platform.web.ApiError.FieldError;
import fr.misp.backoffice.platform.web.InvalidRequestException;
import fr.misp.backoffice.platform.web.NotFoundException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/** Opens one total-dependency claim per member and dependency, records its end, tells where a claim stands. */
@Service
public class DependencyClaimService {

  /** Body of {@code POST /api/total-dependency-claims}. */
  public record Request(@NotBlank @Size(max = 40) String memberId, @NotNull LocalDate dependencyStartDate) {}

  /** Body of {@code POST …/dependency-end}: death, recovery or leaving the cover. */
  public record End(@NotNull LocalDate dependencyEndDate) {}

  /** What the API answers (no medical notes). */
  public record View(String id, String businessKey, String status, String decision, String refusalReasons,
      LocalDate dependencyStartDate, LocalDate dependencyEndDate, LocalDate firstPaymentDate, BigDecimal monthlyAnnuity,
      List<DependencyClaims.Paid> payments) {}

  private final ProcessRequests requests;
  private final MemberDirectory members;
  private final DependencyClaims claims;
  private final RuntimeService runtime;
  private final SystemActions system;

  public DependencyClaimService(ProcessRequests requests, MemberDirectory members, DependencyClaims claims,
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
    if (body.dependencyStartDate().isAfter(LocalDate.now())) {
      errors.add(new FieldError("dependencyStartDate", "in_future", "Début de dépendance dans le futur",
          "Dependency start in the future"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    String businessKey = "DEP-" + body.memberId() + "-" + body.dependencyStartDate();
    Map<String, Object> variables = new HashMap<>();
    MEMBER_ID.put(variables, body.memberId());
    ProcessRequests.Started started = requests.startOnce(ProcessKeys.TOTAL_DEPENDENCY, businessKey, userId, variables,
        () -> claims.open(businessKey, body.memberId(), body.dependencyStartDate()));
    return Map.entry(view(started.processInstanceId()), started.created());
  }

  public View ended(String id, End body) {
    DependencyClaims.Claim claim = claim(id);
    if (body.dependencyEndDate().isBefore(claim.dependencyStart())) {
      throw InvalidRequestException.of("dependencyEndDate", "before_start", "La fin précède le début de la dépendance",
          "The end is before the start");
    }
    claims.ended(claim.businessKey(), body.dependencyEndDate());
    return view(id);
  }

  public View view(String id) {
    DependencyClaims.Claim c = claim(id);
    List<String> waitingAt = system.asSystem(() -> WaitStates.of(runtime, id)).orElse(null);
    String status = waitingAt == null ? "CLOSED"
        : waitingAt.contains(TotalDependencyElements.ASSESS_GIR) ? "MEDICAL_ASSESSMENT"
        : waitingAt.contains(TotalDependencyElements.HOME_CARE_EVIDENCE) ? "AWAITING_HOME_CARE_EVIDENCE"
        : waitingAt.contains(TotalDependencyElements.MONTH_DUE) ? "PAYING" : "IN_PROGRESS";
    return new View(id, c.businessKey(), status, c.decision(), c.refusalReasons(), c.dependencyStart(), c.dependencyEnd(),
        c.firstPayment(), c.monthlyAnnuity(), claims.payments(c.businessKey()));
  }

  private DependencyClaims.Claim claim(String id) {
    return claims.byProcessInstance(id).orElseThrow(() -> new NotFoundException(
        "Demande de rente dépendance inconnue / Unknown dependency claim"));
  }
}
