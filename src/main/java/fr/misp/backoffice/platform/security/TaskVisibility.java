package fr.misp.backoffice.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who sees and works a task, without one authorization row per task (issue #18, ADR 0001).
 *
 * <p>Camunda's default gives every candidate group a grant on each task it is offered, and checks a
 * task query by joining those rows: the cost grows with open tasks × rows, and every command also
 * reads the distinct groups of the whole authorization table. Here the rights are per process
 * definition ({@code READ_TASK}, {@code TASK_WORK}, given to each group in {@link IdentityBootstrap}),
 * and the engine narrows them to the tasks <em>offered to the person</em>: a candidate group of
 * theirs (a zone, an agency, a team) or assigned to them. The rule is applied at the engine's depth,
 * whatever the entry point:
 * <ul>
 *   <li>every task query (engine REST, Tasklist filters, {@code /api}, Java) gets one more criteria
 *   block, on the engine's own identity-link and assignee columns ({@link Manager});</li>
 *   <li>every command on one task (read, variables, claim, complete, assign…) checks the same rule
 *   after Camunda's own check ({@link Checker}).</li>
 * </ul>
 * Gestionnaires read every task (their right on every task, for Cockpit) but work only those offered
 * to them; administrators are not checked (as in Camunda).
 */
@Component
@Order(1)
public class TaskVisibility extends AbstractCamundaConfiguration {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new NoRowPerTask());
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new ManagerFactory());
    configuration.setCustomSessionFactories(factories);
    configuration.setCommandCheckers(new ArrayList<>(List.of(new TenantCommandChecker(), new Checker())));
  }

  /** Gestionnaires read every task (Cockpit); their team filter still lists only their own. */
  static boolean readsEveryTask(Authentication person) {
    return person.getGroupIds() != null && person.getGroupIds().contains(Groups.MANAGERS);
  }

  /** Offered to the person: assigned to them, or a candidate group (or user) of theirs. */
  public static boolean isOffered(TaskEntity task, Authentication person) {
    String userId = person.getUserId();
    if (userId.equals(task.getAssignee()) || userId.equals(task.getOwner())) {
      return true;
    }
    List<String> groups = person.getGroupIds() == null ? List.of() : person.getGroupIds();
    for (IdentityLinkEntity link : task.getIdentityLinks()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())
          && (userId.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId())))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The criteria block added to a person's task query: a candidate group of theirs (assigned or not:
   * a colleague's claimed task stays visible to the team, as before), or assigned to them. Camunda
   * ANDs an {@code or()} block with the rest of the query.
   */
  static void restrict(TaskQueryImpl query, Authentication person) {
    List<String> groups = person.getGroupIds() == null ? List.of() : person.getGroupIds();
    TaskQueryImpl block = (TaskQueryImpl) query.or();
    if (!groups.isEmpty()) {
      block.taskCandidateGroupIn(groups).includeAssignedTasks();
    }
    block.taskAssignee(person.getUserId());
    block.endOr();
  }

  /** The engine's authorization manager, with the person's task rule added to every task query. */
  public static class Manager extends AuthorizationManager {
    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
      super.configureTaskQuery(query);
      if (checksPerson() && !readsEveryTask(getCurrentAuthentication())) {
        restrict(query, getCurrentAuthentication());
      }
    }

    /** Authorization on, a signed-in person, not an administrator (Camunda's admin groups and users). */
    boolean checksPerson() {
      return isAuthCheckExecuted() && !isCamundaAdmin(getCurrentAuthentication());
    }
  }

  static final class ManagerFactory implements SessionFactory {
    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new Manager();
    }
  }

  /** Camunda's checks on one task, then the person's rule. */
  static final class Checker extends AuthorizationCommandChecker {
    @Override
    public void checkReadTask(TaskEntity task) {
      super.checkReadTask(task);
      requireOffered(task, true, Permissions.READ.getName());
    }

    @Override
    public void checkReadTaskVariable(TaskEntity task) {
      super.checkReadTaskVariable(task);
      requireOffered(task, true, Permissions.READ.getName());
    }

    @Override
    public void checkUpdateTaskVariable(TaskEntity task) {
      super.checkUpdateTaskVariable(task);
      requireOffered(task, false, Permissions.UPDATE.getName());
    }

    /** A gestionnaire hands a task to a member of its candidate groups (PersonGuard checks whom). */
    @Override
    public void checkTaskAssign(TaskEntity task) {
      super.checkTaskAssign(task);
      requireOffered(task, true, Permissions.TASK_ASSIGN.getName());
    }

    @Override
    public void checkTaskWork(TaskEntity task) {
      super.checkTaskWork(task);
      requireOffered(task, false, Permissions.TASK_WORK.getName());
    }

    @Override
    public void checkDeleteTask(TaskEntity task) {
      super.checkDeleteTask(task);
      requireOffered(task, false, Permissions.DELETE.getName());
    }

    private static void requireOffered(TaskEntity task, boolean read, String permission) {
      CommandContext context = Context.getCommandContext();
      if (!(context.getAuthorizationManager() instanceof Manager manager) || !manager.checksPerson()) {
        return;
      }
      Authentication person = context.getAuthentication();
      if (read && readsEveryTask(person)) {
        return;
      }
      if (!isOffered(task, person)) {
        throw new AuthorizationException("Cette tâche n'est pas proposée à votre équipe : un gestionnaire peut vous "
            + "l'attribuer / This task is not offered to your groups (" + permission + ")");
      }
    }
  }

  /**
   * Camunda's default provider, without the rows it writes for each task (candidate groups and users,
   * assignee, owner, and their history twins): the rights are per definition, narrowed by the rule above.
   */
  public static class NoRowPerTask extends DefaultAuthorizationProvider {
    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
      return null;
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
      return null;
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
      return null;
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
      return null;
    }
  }
}
