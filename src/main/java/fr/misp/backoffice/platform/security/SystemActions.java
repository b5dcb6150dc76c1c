package fr.misp.backoffice.platform.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs an engine call as the back office itself, after the API has checked the caller's right to
 * ask for it. Used for business events (a member registered, documents arrived) that Camunda can
 * only authorize with a broad UPDATE right, which the calling groups must not have.
 */
@Component
public class SystemActions {

  private final IdentityService identity;

  public SystemActions(IdentityService identity) {
    this.identity = identity;
  }

  public void asSystem(Runnable action) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      action.run();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller.getUserId(), caller.getGroupIds() == null ? List.of() : caller.getGroupIds(),
            caller.getTenantIds());
      }
    }
  }
}
