package fr.misp.backoffice.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
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
    CurrentUser basic = signIn.authenticate(request);
    return basic != null || request.getHeader("Authorization") != null ? basic : webappSession(request);
  }

  /**
   * A page of the webapps (Admin's "Agences et conseillers") calls /api with the person's webapp
   * session. Only with the session's anti-forgery token in the header, as the webapps' own API asks:
   * another site cannot read it, so it cannot make the person's browser call /api.
   */
  private static CurrentUser webappSession(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null
        || !(authentications.getAuthenticationForProcessEngine("default") instanceof UserAuthentication user)) {
      return null;
    }
    Object token = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    if (!(token instanceof String expected) || sent == null
        || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
      return null;
    }
    return new CurrentUser(user.getIdentityId(), user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()));
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
