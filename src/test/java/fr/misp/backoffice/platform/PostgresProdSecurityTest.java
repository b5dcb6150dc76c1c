package fr.misp.backoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.platform.security.IdentityBootstrap;
import fr.misp.backoffice.support.EmbeddedPostgresInitializer;
import fr.misp.backoffice.support.PostgresProdAppTest;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The platform contract on a real PostgreSQL, in the prod profile (no demo users, password policy on). */
@PostgresProdAppTest
class PostgresProdSecurityTest extends SecurityContractTests {

  @Autowired DataSource dataSource;

  @Override
  String password() {
    return "Test-Passw0rd!ok";
  }

  @Override
  boolean jobExecutorRuns() {
    return true;
  }

  @Override
  String adminPassword() {
    return EmbeddedPostgresInitializer.ADMIN_PASSWORD;
  }

  @Test
  void runsOnPostgresql() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
  }

  @Test
  void prodHasNoDemoUsersAndEnforcesThePasswordPolicy() {
    IdentityBootstrap.DEMO_USERS.keySet().stream()
        .filter(u -> !u.equals(ADVISOR) && !u.equals(DOCTOR) && !u.equals(MANAGER))
        .forEach(u -> assertThat(engine.getIdentityService().createUserQuery().userId(u).count()).as(u).isZero());
    assertThat(engine.getIdentityService().checkPassword("admin", IdentityBootstrap.DEMO_PASSWORD)).isFalse();
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.isEnablePasswordPolicy()).isTrue();
    assertThat(engine.getIdentityService().checkPasswordAgainstPolicy("demo").isValid()).isFalse();
  }

  @Test
  void businessTablesAreMigratedByFlyway() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        var rs = connection.createStatement().executeQuery(
            "select count(*) from flyway_schema_history where success and version = '1'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }
}
