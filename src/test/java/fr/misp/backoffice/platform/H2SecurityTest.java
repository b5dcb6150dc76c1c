package fr.misp.backoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.platform.security.IdentityBootstrap;
import fr.misp.backoffice.support.H2AppTest;
import org.junit.jupiter.api.Test;

/** The platform contract on the embedded H2 database with the demo users. */
@H2AppTest
class H2SecurityTest extends SecurityContractTests {

  @Override
  String password() {
    return IdentityBootstrap.DEMO_PASSWORD;
  }

  @Override
  boolean jobExecutorRuns() {
    return false;
  }

  @Override
  String adminPassword() {
    return IdentityBootstrap.DEMO_PASSWORD;
  }

  @Test
  void demoUsersExistInTheirGroups() {
    IdentityBootstrap.DEMO_USERS.forEach((user, group) ->
        assertThat(engine.getIdentityService().createUserQuery().userId(user).memberOfGroup(group).count())
            .as(user).isEqualTo(1));
  }
}
