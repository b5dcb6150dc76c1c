package fr.misp.backoffice.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * One way to read HTTP Basic credentials, for the engine REST API and the project's API alike:
 * Camunda's own provider (its checks, its delays after wrong passwords), then the user's groups.
 */
final class BasicSignIn {

  private final ProcessEngine engine;
  private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

  BasicSignIn(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The signed-in user, or null when the credentials are missing or wrong. */
  CurrentUser authenticate(HttpServletRequest request) {
    AuthenticationResult result = basic.extractAuthenticatedUser(request, engine);
    if (!result.isAuthenticated()) {
      return null;
    }
    String userId = result.getAuthenticatedUser();
    return new CurrentUser(userId, engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList());
  }
}
