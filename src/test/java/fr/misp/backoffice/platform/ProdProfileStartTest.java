package fr.misp.backoffice.platform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.misp.backoffice.MispApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;

/** The prod profile refuses to start without an admin password: no default password outside the demo. */
class ProdProfileStartTest {

  @Test
  void prodRefusesToStartWithoutAdminPassword() {
    SpringApplicationBuilder app = new SpringApplicationBuilder(MispApplication.class)
        .profiles("prod")
        .web(WebApplicationType.NONE)
        .properties("MISP_DB_URL=jdbc:postgresql://127.0.0.1:1/none", "MISP_DB_USER=x", "MISP_DB_PASSWORD=x",
            "MISP_ADMIN_PASSWORD=", "spring.flyway.enabled=false", "camunda.bpm.enabled=true");
    assertThatThrownBy(app::run).rootCause().hasMessageContaining("MISP_ADMIN_PASSWORD");
  }
}
