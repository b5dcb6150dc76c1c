package fr.misp.backoffice.documents;

import fr.misp.backoffice.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/** The person signed in to the webapps (Tasklist's session), for the back office's own pages. */
final class WebappSignIn {

  private static final String ENGINE = "default";

  private WebappSignIn() {}

  static Optional<CurrentUser> of(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    UserAuthentication user = authentications == null ? null
        : (UserAuthentication) authentications.getAuthenticationForProcessEngine(ENGINE);
    if (user == null) {
      return Optional.empty();
    }
    return Optional.of(new CurrentUser(user.getIdentityId(), user.getGroupIds() == null ? List.of()
        : List.copyOf(user.getGroupIds())));
  }
}
