package fr.misp.backoffice.platform.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine API of the webapps (/camunda/api/engine, which Tasklist and Cockpit call) with our
 * answers to engine failures, as /engine-rest has them: a refused completion reaches Tasklist as a
 * 400 with the French message only. Camunda's webapp starter registers this servlet under the name
 * "Engine Api" unless one by that name exists: ours is registered first, with Camunda's resources
 * plus our exception mappers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WebappEngineApi implements ServletContextInitializer {

  static final String SERVLET_NAME = "Engine Api";

  private final CamundaBpmProperties camunda;

  public WebappEngineApi(CamundaBpmProperties camunda) {
    this.camunda = camunda;
  }

  @Override
  public void onStartup(ServletContext servletContext) {
    if (servletContext.getServletRegistration(SERVLET_NAME) != null) {
      return;
    }
    ServletRegistration.Dynamic servlet = servletContext.addServlet(SERVLET_NAME, ServletContainer.class);
    servlet.addMapping(camunda.getWebapp().getApplicationPath() + "/api/engine/*");
    servlet.setInitParameters(Map.of("jakarta.ws.rs.Application", WithOurAnswers.class.getName()));
  }

  /** Camunda's engine API application, with our exception mappers. */
  public static class WithOurAnswers extends EngineRestApplication {

    @Override
    public Set<Class<?>> getClasses() {
      Set<Class<?>> classes = new HashSet<>(super.getClasses());
      classes.addAll(EngineRestConfiguration.MAPPERS);
      return classes;
    }
  }
}
