package fr.misp.backoffice.platform.security;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One identity everywhere: HTTP Basic against Camunda's users for the engine REST API and for the
 * project's API (and its OpenAPI pages). Only /actuator/health and the webapps' login are open.
 */
@Configuration
public class WebSecurityConfiguration implements WebMvcConfigurer {

  private final GroupAccessInterceptor groupAccess;

  public WebSecurityConfiguration(GroupAccessInterceptor groupAccess) {
    this.groupAccess = groupAccess;
  }

  @Bean
  FilterRegistrationBean<ExpressionGuardFilter> engineRestExpressionGuard() {
    FilterRegistrationBean<ExpressionGuardFilter> bean = new FilterRegistrationBean<>(new ExpressionGuardFilter());
    bean.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return bean;
  }

  /** Camunda's own filter: without it /engine-rest is open to anyone, authorizations or not. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> bean =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    bean.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName()));
    bean.addUrlPatterns("/engine-rest/*");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return bean;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(ProcessEngine engine) {
    FilterRegistrationBean<ApiAuthenticationFilter> bean = new FilterRegistrationBean<>(new ApiAuthenticationFilter(engine));
    bean.addUrlPatterns("/api/*", "/v3/*", "/swagger-ui/*", "/swagger-ui.html");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return bean;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(groupAccess).addPathPatterns("/api/**");
  }
}
