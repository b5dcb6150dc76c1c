package fr.misp.backoffice.platform.security;

import fr.misp.backoffice.platform.web.ApiResponseHeaders;
import org.camunda.bpm.engine.ProcessEngine;
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

  /** Engine REST and the webapps' engine API: sign-in, allow-list per role, calls run as the user. */
  @Bean
  FilterRegistrationBean<EngineApiGate> engineApiGate(ProcessEngine engine) {
    FilterRegistrationBean<EngineApiGate> bean = new FilterRegistrationBean<>(new EngineApiGate(engine));
    bean.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return bean;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(ProcessEngine engine) {
    FilterRegistrationBean<ApiAuthenticationFilter> bean = new FilterRegistrationBean<>(new ApiAuthenticationFilter(engine));
    bean.addUrlPatterns("/api/*", "/v3/*", "/swagger-ui/*", "/swagger-ui.html", "/actuator/prometheus");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return bean;
  }

  /** Security headers and path limits on every API answer, before anything else runs. */
  @Bean
  FilterRegistrationBean<ApiResponseHeaders> apiResponseHeaders() {
    FilterRegistrationBean<ApiResponseHeaders> bean = new FilterRegistrationBean<>(new ApiResponseHeaders());
    bean.addUrlPatterns("/api/*", "/engine-rest/*", "/v3/*");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return bean;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(groupAccess).addPathPatterns("/api/**");
  }
}
