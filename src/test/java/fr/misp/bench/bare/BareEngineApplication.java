package fr.misp.bench.bare;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The baseline of the process benchmark (not part of the back office, not a test): a bare Camunda
 * engine with the starters and the engine settings of the back office, none of its code, serving
 * {@code bench/bare-prior-approval.bpmn} (the happy path of {@code priorApproval} with no-op steps)
 * over the engine REST API behind Camunda's own HTTP Basic filter.
 *
 * <p>Its configuration is {@code bare.yml} ({@code spring.config.name=bare}): the back office's
 * {@code application.yml} never applies, and the scan covers this package only.
 */
@SpringBootApplication(scanBasePackages = "fr.misp.bench.bare")
public class BareEngineApplication {

  public static void main(String[] args) {
    System.setProperty("spring.config.name", "bare");
    SpringApplication.run(BareEngineApplication.class, args);
  }

  /** HTTP Basic on the engine REST API, the way Camunda documents it. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> bean =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    bean.setName("camunda-auth");
    bean.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    bean.addUrlPatterns("/engine-rest/*");
    return bean;
  }

  /** Every service task of the bare model: does nothing. */
  @Bean
  JavaDelegate noopDelegate() {
    return execution -> { };
  }

  /** The completion listeners of the bare model's user tasks: do nothing. */
  @Bean
  TaskListener noopTaskListener() {
    return task -> { };
  }
}
