package fr.misp.backoffice.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API as Camunda configures it, plus two answers: a task completion refused by a
 * business check (a decision outside the limits, a missing motivation) is a 400 with the French
 * message, not the 500 Camunda gives to any exception raised in a task listener; and a database that
 * cannot be reached is a 503 with Retry-After.
 */
@Component
@ApplicationPath("/engine-rest")
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(RefusedCompletionMapper.class);
    register(RefusedSubmissionMapper.class);
    register(UnavailableDatabaseMapper.class);
  }

  static Response refused(Throwable exception) {
    if (DatabaseUnavailable.isCause(exception)) {
      return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
          .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
          .entity(Map.of("type", "DatabaseUnavailable", "message", DatabaseUnavailable.MESSAGE)).build();
    }
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof BadUserRequestException refused) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "InvalidRequestException", "message", refused.getMessage())).build();
      }
    }
    return null;
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
