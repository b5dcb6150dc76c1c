package fr.misp.backoffice.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine REST API as Camunda configures it, plus two answers: a task completion refused by a
 * business check (a decision outside the limits, a missing motivation) is a 400 with the French
 * message only (see {@link BusinessRefusal}), not the 500 Camunda gives to any exception raised in a
 * task listener; and a database that cannot be reached is a 503 with Retry-After. The same answers
 * hold on the webapps' own engine API, the one Tasklist calls ({@link WebappEngineApi}).
 */
@Component
@ApplicationPath("/engine-rest")
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestConfiguration.class);

  /** Our answers to engine failures, on /engine-rest and on the webapps' engine API. */
  static final Set<Class<?>> MAPPERS = Set.of(RefusedCompletionMapper.class, RefusedSubmissionMapper.class,
      UnavailableDatabaseMapper.class);

  @Override
  protected void registerAdditionalResources() {
    registerClasses(MAPPERS);
  }

  static Response refused(Throwable exception) {
    if (DatabaseUnavailable.isCause(exception)) {
      return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
          .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
          .entity(Map.of("type", "DatabaseUnavailable", "message", DatabaseUnavailable.MESSAGE)).build();
    }
    return BusinessRefusal.in(exception).map(EngineRestConfiguration::badRequest).orElse(null);
  }

  /** A business refusal is a person's input to correct: 400, logged as such, without stack trace or value. */
  private static Response badRequest(BusinessRefusal refusal) {
    LOG.info("Saisie refusée par une règle métier{}", refusal.field() == null ? "" : " (champ " + refusal.field() + ")");
    Map<String, String> body = new LinkedHashMap<>();
    body.put("type", "InvalidRequestException");
    body.put("message", refusal.message());
    if (refusal.field() != null) {
      body.put("field", refusal.field());
    }
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /** Task form submissions wrap the engine's exception in a RestException (500): unwrap a refusal to 400. */
  @Provider
  @Priority(1)
  public static class RefusedSubmissionMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      Response refused = refused(exception);
      return refused != null ? refused : camunda.toResponse(exception);
    }
  }

  /** 400 for a BadUserRequestException wrapped by the engine; Camunda's own answer for anything else. */
  @Provider
  @Priority(1)
  public static class RefusedCompletionMapper implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      Response refused = refused(exception);
      return refused != null ? refused : camunda.toResponse(exception);
    }
  }

  /** Spring's transaction and JDBC failures (the database is down) reach Jersey as plain exceptions. */
  @Provider
  @Priority(1)
  public static class UnavailableDatabaseMapper implements ExceptionMapper<org.springframework.core.NestedRuntimeException> {

    private final org.camunda.bpm.engine.rest.exception.ExceptionHandler camunda =
        new org.camunda.bpm.engine.rest.exception.ExceptionHandler();

    @Override
    public Response toResponse(org.springframework.core.NestedRuntimeException exception) {
      Response refused = refused(exception);
      return refused != null ? refused : camunda.toResponse(exception);
    }
  }
}
