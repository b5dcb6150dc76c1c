package fr.misp.backoffice.letters;

import fr.misp.backoffice.deathcapital.DeathClaimService;
import fr.misp.backoffice.platform.engine.ProcessKeys;
import fr.misp.backoffice.platform.security.CurrentUser;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.platform.web.ForbiddenException;
import fr.misp.backoffice.platform.web.NotFoundException;
import fr.misp.backoffice.priorapproval.PriorApprovalService;
import fr.misp.backoffice.socialaid.SocialAidService;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may read a file's letters and documents: whoever may read the file's own view — its groups
 * (its controller's {@code @AllowedGroups}), then the view itself (IMA and HCS their zone, advisors
 * their agency, the commission the files submitted to it), which answers 404 or 403 as it does.
 */
@Component
public class FileAccess {

  /** The groups of each process's view. */
  static final Map<String, List<String>> VIEW_GROUPS = Map.of(
      ProcessKeys.PRIOR_APPROVAL, List.of(Groups.ADVISORS, Groups.IMA, Groups.HCS, Groups.MEDICAL_ADVISERS, Groups.MANAGERS),
      ProcessKeys.SOCIAL_AID, List.of(Groups.ADVISORS, Groups.SOCIAL_AID_COMMISSION, Groups.MANAGERS),
      ProcessKeys.DEATH_CAPITAL, List.of(Groups.ADVISORS, Groups.MANAGERS));

  private final JdbcClient jdbc;
  private final PriorApprovalService priorApprovals;
  private final SocialAidService socialAid;
  private final DeathClaimService deathClaims;

  public FileAccess(JdbcClient jdbc, PriorApprovalService priorApprovals, SocialAidService socialAid,
      DeathClaimService deathClaims) {
    this.jdbc = jdbc;
    this.priorApprovals = priorApprovals;
    this.socialAid = socialAid;
    this.deathClaims = deathClaims;
  }

  /** The file's business key, once its own view has let this user in. */
  public String readable(String id, CurrentUser user) {
    String processKey = jdbc.sql("select process_key from process_request where process_instance_id = ?").param(id)
        .query(String.class).optional().orElseThrow(() -> new NotFoundException("Dossier inconnu / Unknown file"));
    if (VIEW_GROUPS.getOrDefault(processKey, List.of()).stream().noneMatch(user::isMemberOfAny)) {
      throw new ForbiddenException("Ce dossier n'est pas visible pour vous / This file is not visible to you");
    }
    return switch (processKey) {
      case ProcessKeys.PRIOR_APPROVAL -> priorApprovals.view(id, user).businessKey();
      case ProcessKeys.SOCIAL_AID -> socialAid.view(id, user).businessKey();
      case ProcessKeys.DEATH_CAPITAL -> deathClaims.view(id).businessKey();
      default -> throw new NotFoundException("Dossier inconnu / Unknown file");
    };
  }
}
