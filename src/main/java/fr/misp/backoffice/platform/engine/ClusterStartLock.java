package fr.misp.backoffice.platform.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Nodes starting together on one PostgreSQL take turns to migrate the business tables (Flyway) and to
 * build the engine: creating Camunda's
 * schema, deploying the models and bootstrapping groups, rights and filters are done by one node
 * at a time, under a session-level advisory lock held from the engine's first plugin step to its
 * last. The second node then finds the schema, the deployment (duplicate filtering: no new version)
 * and the rights in place. Camunda's own schema creation and our bootstrap are not safe when two
 * nodes race on an empty database (duplicate type names, duplicate authorizations).
 *
 * <p>The lock is PostgreSQL's; on H2 (a single demo node) nothing is locked.
 */
@Component
public class ClusterStartLock {

  /** The advisory lock key of the MISP back office's start ("MISPSTRT"). */
  public static final long LOCK_KEY = 0x4D49535053545254L;

  private static final Logger LOG = LoggerFactory.getLogger(ClusterStartLock.class);

  private final DataSource dataSource;
  private Connection held;

  public ClusterStartLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Flyway's migration of the business tables, one node at a time: two nodes on an empty database
   * would both create Flyway's history table, and the second fails ("exists, and is empty").
   */
  @Bean
  static FlywayMigrationStrategy oneNodeAtATime(ClusterStartLock lock) {
    return flyway -> lock.runExclusively(flyway::migrate);
  }

  /** Runs first among the engine's plugins: waits for the lock. */
  @Component
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public static class Acquire extends AbstractCamundaConfiguration {
    private final ClusterStartLock lock;

    public Acquire(ClusterStartLock lock) {
      this.lock = lock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      lock.acquire();
    }
  }

  /** Runs last: the models are deployed and the identities bootstrapped; the next node may go. */
  @Component
  @Order(Ordered.LOWEST_PRECEDENCE)
  public static class Release extends AbstractCamundaConfiguration {
    private final ClusterStartLock lock;

    public Release(ClusterStartLock lock) {
      this.lock = lock;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
      lock.release();
    }
  }

  /** Runs a bootstrap step on one node at a time (e.g. the filters of users created in Admin). */
  public void runExclusively(Runnable step) {
    acquire();
    try {
      step.run();
    } finally {
      release();
    }
  }

  synchronized void acquire() {
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      long start = System.nanoTime();
      try (Statement statement = connection.createStatement()) {
        statement.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
      }
      held = connection;
      LOG.info("Start lock taken after {} ms", (System.nanoTime() - start) / 1_000_000);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the start lock on the database", e);
    }
  }

  synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held; Statement statement = connection.createStatement()) {
      statement.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
    } catch (SQLException e) {
      // Closing the session releases the lock anyway.
      LOG.warn("Start lock released by closing its session ({})", e.getClass().getSimpleName());
    } finally {
      held = null;
    }
  }
}
