package fr.misp.backoffice.platform.security;

import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Camunda's form service, with the rules a person is held to: a task form submits only its fields;
 * a start form goes through its process's {@link StartFormGateway} (the same validation as the API,
 * the same business key), and a process without one cannot be started from Tasklist.
 */
class GuardedFormService extends FormServiceImpl {

  private final PersonGuard guard;
  private final ProcessEngineConfigurationImpl engine;
  private final Function<String, StartFormGateway> gateways;

  GuardedFormService(PersonGuard guard, ProcessEngineConfigurationImpl engine,
      Function<String, StartFormGateway> gateways) {
    this.guard = guard;
    this.engine = engine;
    this.gateways = gateways;
  }

  @Override
  public void submitTaskForm(String taskId, Map<String, Object> properties) {
    guard.checkTaskSubmission(taskId, properties);
    super.submitTaskForm(taskId, properties);
  }

  @Override
  public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
      boolean deserializeValues) {
    guard.checkTaskSubmission(taskId, properties);
    return super.submitTaskFormWithVariablesInReturn(taskId, properties, deserializeValues);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public ProcessInstance submitStartFormData(String processDefinitionId, Map<String, String> properties) {
    return submitStartForm(processDefinitionId, null, (Map) properties);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public ProcessInstance submitStartFormData(String processDefinitionId, String businessKey,
      Map<String, String> properties) {
    return submitStartForm(processDefinitionId, businessKey, (Map) properties);
  }

  @Override
  public ProcessInstance submitStartForm(String processDefinitionId, Map<String, Object> properties) {
    return submitStartForm(processDefinitionId, null, properties);
  }

  @Override
  public ProcessInstance submitStartForm(String processDefinitionId, String businessKey,
      Map<String, Object> properties) {
    Authentication person = guard.person();
    if (person == null) {
      return super.submitStartForm(processDefinitionId, businessKey, properties);
    }
    ProcessDefinition definition = guard.asSystem(() -> engine.getRepositoryService()
        .getProcessDefinition(processDefinitionId));
    StartFormGateway gateway = gateways.apply(definition.getKey());
    if (gateway == null) {
      throw new AuthorizationException("Ce dossier s'ouvre par l'API de la MISP, pas par un formulaire de démarrage "
          + "/ This process is not started from Tasklist");
    }
    PersonGuard.refuseIfInvalid(guard.startFormContract(processDefinitionId).check(properties));
    CurrentUser user = new CurrentUser(person.getUserId(),
        person.getGroupIds() == null ? java.util.List.of() : java.util.List.copyOf(person.getGroupIds()));
    String processInstanceId = gateway.start(properties == null ? Map.of() : properties, user);
    return guard.asSystem(() -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult());
  }
}
