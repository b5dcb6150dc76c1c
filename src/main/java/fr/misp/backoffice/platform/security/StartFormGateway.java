package fr.misp.backoffice.platform.security;

import java.util.Map;

/**
 * The one way a person starts a process from a Tasklist start form: the process's application
 * service validates the form's fields exactly as its {@code /api} start does, and starts the process
 * as the back office. A process without a gateway cannot be started from Tasklist.
 */
public interface StartFormGateway {

  /** The key of the process this gateway starts. */
  String processKey();

  /**
   * Validates and starts (once per business request).
   *
   * @return the id of the process instance
   * @throws org.camunda.bpm.engine.BadUserRequestException with the French field messages when invalid
   */
  String start(Map<String, Object> formValues, CurrentUser user);
}
