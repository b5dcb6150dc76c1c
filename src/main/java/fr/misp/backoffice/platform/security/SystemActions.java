package fr.misp.backoffice.platform.security;

import java.util.function.Supplier;
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
    asSystem(() -> {
      action.run();
      return null;
    });
  }

  public <T> T asSystem(Supplier<T> action) {
    return asSystem(identity, action);
  }

  /** The same, for engine code that holds the engine's IdentityService (a delegate) rather than this bean. */
  public static <T> T asSystem(IdentityService identity, Supplier<T> action) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return action.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
