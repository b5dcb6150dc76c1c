package fr.misp.backoffice.autonomy;

import static fr.misp.backoffice.autonomy.TemporaryAutonomyLossVariables.MEMBER_ID;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/** Opens one PTA claim per member and stoppage, records the end of the stoppage, tells where a claim stands. */
@Service
public class PtaClaimService {

  /** Body of {@code POST /api/temporary-autonomy-claims}: the work stoppage; the pathology is the médecin's to record. */
  public record Request(@NotBlank @Size(max = 40) String memberId, @NotNull LocalDate stoppageStartDate,
      LocalDate stoppageEndDate) {}

  /** Body of {@code POST …/stoppage-end}. */
  public record StoppageEnd(@NotNull LocalDate stoppageEndDate) {}

  /** What the API answers: never the pathology. */
  public record View(String id, String businessKey, String status, String decision, String refusalReasons,
      LocalDate stoppageStartDate, LocalDate stoppageEndDate, List<PtaClaims.QuarterLine> quarters) {}

  private final ProcessRequests requests;
  private final MemberDirectory members;
  private final PtaClaims claims;
  private final RuntimeService runtime;
  private final SystemActions system;

  public PtaClaimService(ProcessRequests requests, MemberDirectory members, PtaClaims claims, RuntimeService runtime,
      SystemActions system) {
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
    if (body.stoppageStartDate().isAfter(LocalDate.now())) {
      errors.add(new FieldError("stoppageStartDate", "in_future", "Début d'arrêt dans le futur", "Stoppage start in the future"));
    }
    if (body.stoppageEndDate() != null && body.stoppageEndDate().isBefore(body.stoppageStartDate())) {
      errors.add(new FieldError("stoppageEndDate", "before_start", "La fin de l'arrêt précède son début",
          "The stoppage ends before it starts"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    // One claim per stoppage: a stoppage the member's open claim already covers is that claim.
    java.util.Optional<String> covering = claims.openClaimCovering(body.memberId(), body.stoppageStartDate());
    if (covering.isPresent()) {
      return Map.entry(view(covering.get()), false);
    }
    String businessKey = "PTA-" + body.memberId() + "-" + body.stoppageStartDate();
    Map<String, Object> variables = new HashMap<>();
    MEMBER_ID.put(variables, body.memberId());
    ProcessRequests.Started started = requests.startOnce(ProcessKeys.TEMPORARY_AUTONOMY_LOSS, businessKey, userId,
        variables, () -> claims.open(businessKey, body.memberId(), body.stoppageStartDate(), body.stoppageEndDate()));
    return Map.entry(view(started.processInstanceId()), started.created());
  }

  /** The return to work: quarters that start after it are not due. */
  public View stoppageEnded(String id, StoppageEnd body) {
    PtaClaims.Claim claim = claim(id);
    if (body.stoppageEndDate().isBefore(claim.stoppageStart())) {
      throw InvalidRequestException.of("stoppageEndDate", "before_start", "La fin de l'arrêt précède son début",
          "The stoppage ends before it starts");
    }
    claims.stoppageEnded(claim.businessKey(), body.stoppageEndDate());
    return view(id);
  }

  public View view(String id) {
    PtaClaims.Claim claim = claim(id);
    List<String> waitingAt = system.asSystem(() -> WaitStates.of(runtime, id)).orElse(null);
    String status = waitingAt == null ? "CLOSED"
        : waitingAt.contains(TemporaryAutonomyLossElements.ASSESS_PATHOLOGY) ? "MEDICAL_ASSESSMENT"
        : waitingAt.contains(TemporaryAutonomyLossElements.QUARTER_STARTS) ? "PAYING" : "IN_PROGRESS";
    return new View(id, claim.businessKey(), status, claim.decision(), claim.refusalReasons(), claim.stoppageStart(),
        claim.stoppageEnd(), claims.quarters(claim.businessKey()));
  }

  private PtaClaims.Claim claim(String id) {
    return claims.byProcessInstance(id).orElseThrow(() -> new NotFoundException("Demande PTA inconnue / Unknown PTA claim"));
  }
}
