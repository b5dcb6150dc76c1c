package fr.misp.backoffice.platform.security;

import fr.misp.backoffice.platform.web.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Enforces {@link AllowedGroups} on /api handlers: 403 for a user of no allowed group. */
@Component
public class GroupAccessInterceptor implements HandlerInterceptor {

  private final ObjectMapper json;

  public GroupAccessInterceptor(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    if (!(handler instanceof HandlerMethod method) || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return true;
    }
    AllowedGroups allowed = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), AllowedGroups.class);
    if (allowed == null) {
      allowed = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), AllowedGroups.class);
    }
    CurrentUser user = CurrentUser.of(request);
    if (allowed != null && user.isMemberOfAny(allowed.value())) {
      return true;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), ApiError.of(403,
        "Accès refusé : votre groupe n'a pas ce droit / Forbidden: your group has no right to this resource"));
    return false;
  }
}
