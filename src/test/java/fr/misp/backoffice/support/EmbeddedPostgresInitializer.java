package fr.misp.backoffice.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts one real PostgreSQL server (binaries from Maven Central) for the whole test JVM and
 * points the prod profile at it through the same variables production uses.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /** Satisfies the prod password policy; known to tests only. */
  public static final String ADMIN_PASSWORD = "Adm1n-Test-Passw0rd!";

  private static EmbeddedPostgres postgres;

  public static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
      }
    }
    return postgres;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    EmbeddedPostgres pg = postgres();
    TestPropertyValues.of(
        "MISP_DB_URL=" + pg.getJdbcUrl("postgres", "postgres"),
        "MISP_DB_USER=postgres",
        "MISP_DB_PASSWORD=postgres",
        "MISP_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
        // As on H2 (application-test.yml): the process tests complete files without uploading documents.
        "misp.documents.completeness-check=false").applyTo(context);
    // Stop the server when the context closes, after the engine and the pool are gone: a JVM
    // shutdown hook would race the engine's last metrics flush and hang the fork for 30 s.
    DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
    DisposableBean lifecycle = EmbeddedPostgresInitializer::stop;
    beans.registerSingleton("embeddedPostgresLifecycle", lifecycle);
    beans.registerDisposableBean("embeddedPostgresLifecycle", lifecycle);
    context.addBeanFactoryPostProcessor(factory -> factory.getBeanDefinition("dataSource").setDependsOn("embeddedPostgresLifecycle"));
  }

  private static synchronized void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
  }
}
