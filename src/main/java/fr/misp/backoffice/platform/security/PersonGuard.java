package fr.misp.backoffice.platform.security;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The checks the engine applies when a <em>person</em> (an authenticated user, whatever the entry
 * point: engine REST, Tasklist, Java) acts on tasks and forms. The back office itself (delegates,
 * application services, no authentication) is not a person and is trusted.
 */
final class PersonGuard {

  private final ProcessEngineConfigurationImpl engine;
  /** Form contracts by process definition and element: models and forms are deployed together. */
  private final Map<String, FormContract> contracts = new ConcurrentHashMap<>();

  PersonGuard(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  /** The person acting now, or null for the back office. */
  Authentication person() {
    return identity().getCurrentAuthentication();
  }

  boolean isPerson() {
    return person() != null;
  }

  /** Refuses what no person may do through the engine API, whatever their group. */
  void refuse(String what) {
    if (isPerson()) {
      throw new AuthorizationException("Action réservée au déroulement du processus : " + what
          + " / Only the modelled process may do this");
    }
  }

  /** A task accepts exactly its form's editable fields, each with a value of its type. */
  void checkTaskSubmission(String taskId, Map<String, ?> variables) {
    if (!isPerson() || variables == null || variables.isEmpty()) {
      return;
    }
    Task task = task(taskId);
    if (task == null) {
      return; // unknown or not visible: the engine answers as it does for any task
    }
    FormContract contract = contracts.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
        k -> asSystem(() -> task.getCamundaFormRef() == null ? FormContract.none()
            : FormContract.parse(engine.getFormService().getDeployedTaskForm(taskId))));
    refuseIfInvalid(contract.check(variables));
  }

  FormContract startFormContract(String processDefinitionId) {
    return contracts.computeIfAbsent(processDefinitionId + "/start", k -> asSystem(() -> {
      try {
        InputStream form = engine.getFormService().getDeployedStartForm(processDefinitionId);
        return FormContract.parse(form);
      } catch (BadUserRequestException noForm) {
        return FormContract.none();
      }
    }));
  }

  static void refuseIfInvalid(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(String.join(" ; ", problems));
    }
  }

  /**
   * A person claims or is assigned a task for themself. Only a gestionnaire may hand a task to
   * someone else, and only to a member of one of the task's candidate groups: an assignment never
   * gives a task to someone whose group it is not for. A social file offered to an agency may go to
   * any advisor (one of another agency stands in for an agency that has none).
   */
  void checkAssignment(String taskId, String userId) {
    Authentication person = person();
    if (person == null || userId == null || userId.equals(person.getUserId())) {
      return;
    }
    if (person.getGroupIds() == null || !person.getGroupIds().contains(Groups.MANAGERS)) {
      throw new AuthorizationException("Une tâche ne peut être prise que pour soi-même / A task may only be claimed "
          + "for oneself");
    }
    boolean candidate = asSystem(() -> {
      for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(taskId)) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
            && (member(userId, link.getGroupId())
                // an agency's file goes to any advisor: the agency may have none of its own yet
                || link.getGroupId().startsWith(Groups.AGENCY_PREFIX) && member(userId, Groups.ADVISORS))) {
          return true;
        }
      }
      return false;
    });
    if (!candidate) {
      throw new AuthorizationException("Cette personne n'appartient à aucun groupe de la tâche / This user is not in a "
          + "candidate group of the task");
    }
  }

  private boolean member(String userId, String groupId) {
    return identity().createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
  }

  /** Comments and attachments would carry medical details out of secrecy: none on a medical task. */
  void checkNotMedical(String taskId, String what) {
    if (!isPerson()) {
      return;
    }
    if (taskId == null) {
      throw new BadUserRequestException(what + " : uniquement sur une tâche / only on a task");
    }
    Task task = task(taskId);
    if (task != null && MedicalTasks.isMedical(task.getTaskDefinitionKey())) {
      throw new BadUserRequestException(what + " impossible sur une tâche médicale : les éléments médicaux se "
          + "saisissent dans le formulaire (secret médical) / not allowed on a medical task");
    }
  }

  private Task task(String taskId) {
    return asSystem(() -> engine.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
  }

  <T> T asSystem(Supplier<T> action) {
    return SystemActions.asSystem(identity(), action);
  }

  private IdentityService identity() {
    return engine.getIdentityService();
  }
}
