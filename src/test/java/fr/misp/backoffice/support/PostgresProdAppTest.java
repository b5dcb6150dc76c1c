package fr.misp.backoffice.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.junit.jupiter.api.Order;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs after every H2 test class (see the order): the engine REST API finds its engine by the
 * name "default" in a JVM-wide registry, so two live contexts must not take turns.
 *
 * <p>The whole app in the prod profile (no demo users, password policy on) over a real PostgreSQL
 * that the test suite starts itself (see EmbeddedPostgresInitializer). One shared context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Import(ProcessEngineCoverageConfiguration.class)
@Order(Integer.MAX_VALUE - 100)
public @interface PostgresProdAppTest {}
