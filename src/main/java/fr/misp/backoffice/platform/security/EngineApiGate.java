package fr.misp.backoffice.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one door to the engine's HTTP APIs. On {@code /engine-rest} it signs the caller in with HTTP
 * Basic (Camunda's own provider), the engine list included; on the webapps' {@code /camunda/api} it
 * reads the webapp session. Then it lets through only what {@link EngineApiAllowList} allows, and
 * runs the call as that user so Camunda's authorizations apply. A malformed query string is a 400.
 */
public class EngineApiGate extends OncePerRequestFilter {

  static final String ENGINE_REST = "/engine-rest";
  static final String WEBAPP_API = "/camunda/api";
  private static final String ENGINE_NAME = "default";

  private static final Logger LOG = LoggerFactory.getLogger(EngineApiGate.class);

  private final ProcessEngine engine;
  private final IdentityService identity;
  private final BasicSignIn signIn;

  public EngineApiGate(ProcessEngine engine) {
    this.engine = engine;
    this.identity = engine.getIdentityService();
    this.signIn = new BasicSignIn(engine);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!wellFormedQuery(request.getQueryString())) {
      answer(response, 400, "Paramètres de requête mal encodés / Malformed query string");
      return;
    }
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    String relative = relative(path);
    if (relative == null) {
      answer(response, 404, "Ressource inconnue / Unknown resource");
      return;
    }
    String method = request.getMethod();
    if (path.startsWith(ENGINE_REST)) {
      engineRest(request, response, chain, method, relative);
    } else {
      webapp(request, response, chain, method, relative);
    }
  }

  private void engineRest(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String method,
      String relative) throws IOException, ServletException {
    CurrentUser user = signIn.authenticate(request);
    if (user == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"MISP\", charset=\"UTF-8\"");
      answer(response, 401, "Authentification requise / Authentication required");
      return;
    }
    String userId = user.id();
    List<String> groups = user.groups();
    if (!EngineApiAllowList.allows(EngineApiAllowList.RULES, method, relative, userId, groups)) {
      refused(response, method, relative);
      return;
    }
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
    identity.setAuthentication(userId, groups, tenants);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  private void webapp(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String method,
      String relative) throws IOException, ServletException {
    if (EngineApiAllowList.allows(EngineApiAllowList.PUBLIC, method, relative, null, List.of())) {
      chain.doFilter(request, response);
      return;
    }
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    UserAuthentication user = authentications == null ? null
        : (UserAuthentication) authentications.getAuthenticationForProcessEngine(ENGINE_NAME);
    if (user == null) {
      LOG.debug("Not signed in: {} {}", method, relative);
      answer(response, 401, "Authentification requise / Authentication required");
      return;
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (!EngineApiAllowList.allows(EngineApiAllowList.RULES, method, relative, user.getIdentityId(), groups)) {
      refused(response, method, relative);
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * {@code /engine-rest/task/1} and {@code /engine-rest/engine/default/task/1} → {@code engine:task/1};
   * {@code /camunda/api/engine/engine/default/task/1} → {@code engine:task/1};
   * {@code /camunda/api/cockpit/plugin/…} → {@code cockpit:plugin/…}. Null for another engine.
   */
  static String relative(String path) {
    String rest;
    if (path.startsWith(ENGINE_REST)) {
      rest = trim(path.substring(ENGINE_REST.length()));
      return engineRelative(rest);
    }
    rest = trim(path.substring(WEBAPP_API.length()));
    int slash = rest.indexOf('/');
    String app = slash < 0 ? rest : rest.substring(0, slash);
    String inApp = slash < 0 ? "" : rest.substring(slash + 1);
    if ("engine".equals(app)) {
      return engineRelative(inApp);
    }
    return app + ":" + inApp;
  }

  private static String engineRelative(String rest) {
    if (rest.equals("engine")) {
      return "engine:";
    }
    if (rest.startsWith("engine/")) {
      String named = rest.substring("engine/".length());
      if (named.equals(ENGINE_NAME)) {
        return "engine:";
      }
      if (!named.startsWith(ENGINE_NAME + "/")) {
        return null;
      }
      return "engine:" + named.substring(ENGINE_NAME.length() + 1);
    }
    return "engine:" + rest;
  }

  private static String trim(String path) {
    String trimmed = path;
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.replaceAll("/{2,}", "/");
  }

  static boolean wellFormedQuery(String query) {
    if (query == null) {
      return true;
    }
    try {
      URLDecoder.decode(query, StandardCharsets.UTF_8);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Logged with the method and the path's shape (ids replaced), never a query string or a body. */
  private static void refused(HttpServletResponse response, String method, String relative) throws IOException {
    LOG.info("Refused by the allow-list: {} {}", method, relative.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}"));
    forbidden(response);
  }

  private static void forbidden(HttpServletResponse response) throws IOException {
    answer(response, 403, "Accès refusé : cette action n'est pas ouverte à votre rôle / Forbidden for your role");
  }

  private static void answer(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"type\":\"" + (status == 403 ? "AuthorizationException" : "InvalidRequestException")
        + "\",\"message\":\"" + message + "\"}");
  }
}
