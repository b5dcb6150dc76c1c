package fr.misp.backoffice.platform.web;

import fr.misp.backoffice.platform.security.MispSecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints, once started, where people log in. */
@Component
public class LoginAddresses {

  private static final Logger LOG = LoggerFactory.getLogger(LoginAddresses.class);
  private final MispSecurityProperties security;

  public LoginAddresses(MispSecurityProperties security) {
    this.security = security;
  }

  @EventListener
  public void onStarted(WebServerInitializedEvent event) {
    String base = "http://localhost:" + event.getWebServer().getPort();
    LOG.info("""

        MISP back office started — log in at:
          Tasklist  {}/camunda/app/tasklist/default/
          Cockpit   {}/camunda/app/cockpit/default/
          Admin     {}/camunda/app/admin/default/
          API       {}/swagger-ui.html (HTTP Basic)
        {}""", base, base, base, base,
        security.demoUsers() ? "  Demo users (password 'demo'): conseiller, medecin, commission, gestionnaire, ima, hcs, admin"
            : "  Users: those of Camunda's identity store (admin password from MISP_ADMIN_PASSWORD)");
  }
}
