package fr.misp.backoffice.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** The user of an /api request, authenticated against Camunda's identity store. */
public record CurrentUser(String id, List<String> groups) {

  static final String ATTRIBUTE = CurrentUser.class.getName();

  public boolean isMemberOfAny(String... candidates) {
    for (String candidate : candidates) {
      if (groups.contains(candidate)) {
        return true;
      }
    }
    return false;
  }

  public static CurrentUser of(HttpServletRequest request) {
    Object user = request.getAttribute(ATTRIBUTE);
    if (user == null) {
      throw new IllegalStateException("No authenticated user on this request");
    }
    return (CurrentUser) user;
  }
}
