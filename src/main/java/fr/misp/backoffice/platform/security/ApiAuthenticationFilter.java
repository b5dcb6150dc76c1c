package fr.misp.backoffice.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic against Camunda's identity store for the project's own API. The engine calls made
 * while the request runs are made as that user (IdentityService authentication), so Camunda's
 * authorizations apply to them exactly as in Tasklist.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  private final ProcessEngine engine;
  private final IdentityService identity;
  /** Camunda's own HTTP Basic check, the one /engine-rest uses: one way to read the credentials. */
  private final BasicSignIn signIn;

  public ApiAuthenticationFilter(ProcessEngine engine) {
    this.engine = engine;
    this.identity = engine.getIdentityService();
    this.signIn = new BasicSignIn(engine);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CurrentUser user = authenticate(request);
    if (user == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"MISP\", charset=\"UTF-8\"");
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"status\":401,\"message\":\"Authentification requise / Authentication required\",\"errors\":[]}");
      return;
    }
    if (request.getRequestURI().startsWith(request.getContextPath() + "/actuator/")
        && !user.isMemberOfAny(Groups.MONITORING, Groups.ADMINS)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"status\":403,\"message\":\"Métriques réservées à la supervision / Metrics are for "
          + "the monitoring group\",\"errors\":[]}");
      return;
    }
    request.setAttribute(CurrentUser.ATTRIBUTE, user);
    identity.setAuthentication(user.id(), user.groups());
    try {
      chain.doFilter(new AuthenticatedRequest(request, user), response);
    } finally {
      identity.clearAuthentication();
    }
  }

  private CurrentUser authenticate(HttpServletRequest request) {
    return signIn.authenticate(request);
  }


  /** Exposes the user to Spring MVC (getUserPrincipal, isUserInRole). */
  private static final class AuthenticatedRequest extends HttpServletRequestWrapper {
    private final CurrentUser user;

    AuthenticatedRequest(HttpServletRequest request, CurrentUser user) {
      super(request);
      this.user = user;
    }

    @Override
    public Principal getUserPrincipal() {
      return user::id;
    }

    @Override
    public String getRemoteUser() {
      return user.id();
    }

    @Override
    public boolean isUserInRole(String role) {
      return user.groups().contains(role);
    }
  }
}
