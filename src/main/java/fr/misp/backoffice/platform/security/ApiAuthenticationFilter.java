package fr.misp.backoffice.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic against Camunda's identity store for the project's own API. The engine calls made
 * while the request runs are made as that user (IdentityService authentication), so Camunda's
 * authorizations apply to them exactly as in Tasklist.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  private static final String PREFIX = "Basic ";
  private final IdentityService identity;

  public ApiAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CurrentUser user = authenticate(request.getHeader("Authorization"));
    if (user == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"MISP\", charset=\"UTF-8\"");
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"status\":401,\"message\":\"Authentification requise / Authentication required\",\"errors\":[]}");
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

  private CurrentUser authenticate(String header) {
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(PREFIX.length()).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String userId = decoded.substring(0, colon);
    if (!identity.checkPassword(userId, decoded.substring(colon + 1))) {
      return null;
    }
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    return new CurrentUser(userId, groups);
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
