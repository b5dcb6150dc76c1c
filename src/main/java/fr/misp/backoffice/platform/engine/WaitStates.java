package fr.misp.backoffice.platform.engine;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NullValueException;

/**
 * Where a running process instance waits, read as the back office. A process may end between two
 * reads (its last job runs on another thread or node): an instance that has ended is simply not
 * running, never an error.
 */
public final class WaitStates {

  private WaitStates() {}

  /** The active activities of a running instance; empty when it has ended (or never existed). */
  public static Optional<List<String>> of(RuntimeService runtime, String processInstanceId) {
    // Asked first: the engine logs an ERROR for an activity query on an ended instance.
    if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(runtime.getActiveActivityIds(processInstanceId));
    } catch (NullValueException ended) {
      return Optional.empty();
    }
  }
}
