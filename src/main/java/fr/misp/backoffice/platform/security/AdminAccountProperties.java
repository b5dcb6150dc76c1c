package fr.misp.backoffice.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The administrator account; in prod its password comes from MISP_ADMIN_PASSWORD only. */
@ConfigurationProperties(prefix = "misp.admin")
public record AdminAccountProperties(String id, String password) {

  /** Refuses to start without a password: there is no default admin password outside the demo. */
  public void requirePassword() {
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(
          "MISP_ADMIN_PASSWORD is not set: the back office refuses to start without an admin password "
              + "(set the environment variable MISP_ADMIN_PASSWORD).");
    }
  }
}
