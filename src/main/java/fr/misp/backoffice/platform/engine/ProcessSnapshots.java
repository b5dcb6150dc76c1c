package fr.misp.backoffice.platform.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Where a process instance stands, running or ended, read the same way for every process API:
 * its business key, its active activities (none once ended) and its variables (from history once
 * ended). The engine's authorizations of the current user apply.
 */
@Component
public class ProcessSnapshots {

  /** One instance as the APIs need it. */
  public record Snapshot(String id, String businessKey, boolean ended, List<String> activeActivities,
      Map<String, Object> variables) {

    public Object variable(String name) {
      return variables.get(name);
    }
  }

  private final RuntimeService runtime;
  private final HistoryService history;

  public ProcessSnapshots(RuntimeService runtime, HistoryService history) {
    this.runtime = runtime;
    this.history = history;
  }

  public Optional<Snapshot> find(String processKey, String id) {
    var running = runtime.createProcessInstanceQuery().processInstanceId(id).processDefinitionKey(processKey).singleResult();
    if (running != null) {
      return Optional.of(new Snapshot(id, running.getBusinessKey(), false, runtime.getActiveActivityIds(id),
          runtime.getVariables(id)));
    }
    var ended = history.createHistoricProcessInstanceQuery().processInstanceId(id).processDefinitionKey(processKey)
        .singleResult();
    if (ended == null) {
      return Optional.empty();
    }
    Map<String, Object> variables = new HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(id).list()
        .forEach(v -> variables.put(v.getName(), v.getValue()));
    return Optional.of(new Snapshot(id, ended.getBusinessKey(), true, List.of(), variables));
  }
}
