package fr.misp.backoffice.platform.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Gives users created after the start (in Admin) their "Mes tâches" filter within a minute. */
@Configuration
@EnableScheduling
public class OwnTaskFilters {

  private final ProcessEngine engine;
  private final IdentityBootstrap bootstrap;

  public OwnTaskFilters(ProcessEngine engine, IdentityBootstrap bootstrap) {
    this.engine = engine;
    this.bootstrap = bootstrap;
  }

  @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
  public void createMissing() {
    bootstrap.createOwnTaskFilters(engine.getIdentityService(), engine.getTaskService(), engine.getFilterService(),
        engine.getAuthorizationService());
  }
}
