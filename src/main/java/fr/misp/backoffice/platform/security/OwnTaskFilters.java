package fr.misp.backoffice.platform.security;

import fr.misp.backoffice.platform.engine.ClusterStartLock;
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
  private final ClusterStartLock lock;

  public OwnTaskFilters(ProcessEngine engine, IdentityBootstrap bootstrap, ClusterStartLock lock) {
    this.engine = engine;
    this.bootstrap = bootstrap;
    this.lock = lock;
  }

  /** One node at a time, so that two nodes never create the same user's filter twice. */
  @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
  public void createMissing() {
    lock.runExclusively(() -> bootstrap.createOwnTaskFilters(engine.getIdentityService(), engine.getTaskService(),
        engine.getFilterService(), engine.getAuthorizationService()));
  }
}
