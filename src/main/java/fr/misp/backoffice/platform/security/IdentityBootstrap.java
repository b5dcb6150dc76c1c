package fr.misp.backoffice.platform.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import fr.misp.backoffice.platform.engine.ProcessKeys;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, when missing, the groups of PROCESSES.md with the rights their work needs and no more,
 * the admin account, the shared Tasklist filters and (demo profile only) the demo users.
 * Runs at every start and only adds what is missing, so rights changed in Admin are kept.
 */
@Component
@Order(10)
public class IdentityBootstrap extends AbstractCamundaConfiguration {

  /** Each role's first filter: the work offered to its team, most urgent first. */
  public static final String TEAM_FILTER = "À traiter";
  public static final String MY_TASKS_FILTER = "Mes tâches";
  /** The team filter's name in earlier versions, renamed at start. */
  static final String FORMER_TEAM_FILTER = "Tâches de mon équipe";
  /** Tasklist opens the filter of lowest priority and lists them in that order: "À traiter", then "Mes tâches". */
  public static final int TEAM_FILTER_PRIORITY = -20;
  public static final int MY_TASKS_FILTER_PRIORITY = -10;
  public static final String DEMO_PASSWORD = "demo";

  /** Demo user → group; created only when misp.security.demo-users is true (demo profile). */
  public static final Map<String, String> DEMO_USERS = Map.of(
      "conseiller", Groups.ADVISORS,
      "medecin", Groups.MEDICAL_ADVISERS,
      "commission", Groups.SOCIAL_AID_COMMISSION,
      "gestionnaire", Groups.MANAGERS,
      "ima", Groups.IMA,
      "hcs", Groups.HCS);

  private static final String MY_TASKS_DESCRIPTION = "Les tâches que vous avez prises, la plus urgente d'abord";

  private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);

  /** The process definitions whose tasks each group works (candidate groups of the models). */
  static final Map<String, List<String>> TASK_DEFINITIONS = Map.of(
      Groups.ADVISORS, ProcessKeys.ALL,
      Groups.IMA, List.of(ProcessKeys.PRIOR_APPROVAL),
      Groups.HCS, List.of(ProcessKeys.PRIOR_APPROVAL),
      Groups.MEDICAL_ADVISERS, List.of(ProcessKeys.PRIOR_APPROVAL, ProcessKeys.DEATH_CAPITAL,
          ProcessKeys.TEMPORARY_AUTONOMY_LOSS, ProcessKeys.TOTAL_DEPENDENCY),
      Groups.SOCIAL_AID_COMMISSION, List.of(ProcessKeys.SOCIAL_AID, ProcessKeys.LOAN_REPAYMENT),
      Groups.MANAGERS, List.of("*"));

  /** The processes advisors open from a Tasklist start form (each through its StartFormGateway). */
  static final List<String> ADVISOR_START_FORMS = List.of(ProcessKeys.SOCIAL_AID, ProcessKeys.DAILY_ALLOWANCE,
      ProcessKeys.DISABILITY_ALLOWANCE, ProcessKeys.TEMPORARY_AUTONOMY_LOSS, ProcessKeys.TOTAL_DEPENDENCY);

  private final MispSecurityProperties security;
  private final AdminAccountProperties admin;

  public IdentityBootstrap(MispSecurityProperties security, AdminAccountProperties admin) {
    admin.requirePassword();
    this.security = security;
    this.admin = admin;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (String[] group : Groups.ALL) {
      createGroup(identity, group[0], group[1]);
    }
    grantRights(authorizations);
    removeRightsPerTask(engine);
    createUser(identity, admin.id(), admin.password(), "Administrateur", "MISP", Groups.ADMINS);
    if (security.demoUsers()) {
      DEMO_USERS.forEach((id, group) -> createUser(identity, id, DEMO_PASSWORD, id, "(démo)", group));
      LOG.warn("Demo users created (password '{}'): {} — demo profile only", DEMO_PASSWORD, DEMO_USERS.keySet());
    }
    createSharedFilters(identity, engine.getTaskService(), engine.getFilterService(), authorizations);
  }

  /**
   * Earlier versions let Camunda write one right per task and candidate (and its history twin); the
   * rights are now per definition (TaskVisibility). Removes those rows, once: later starts find none.
   */
  private static void removeRightsPerTask(ProcessEngine engine) {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    int removed = config.getCommandExecutorTxRequired().execute(context -> {
      try (PreparedStatement delete = context.getDbSqlSession().getSqlSession().getConnection().prepareStatement(
          "delete from " + config.getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ in (?, ?) "
              + "and RESOURCE_ID_ <> '*'")) {
        delete.setInt(1, Resources.TASK.resourceType());
        delete.setInt(2, Resources.HISTORIC_TASK.resourceType());
        return delete.executeUpdate();
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot remove the rights per task", e);
      }
    });
    if (removed > 0) {
      LOG.info("Removed {} rights written per task by earlier versions (now per process definition)", removed);
    }
  }

  private void grantRights(AuthorizationService auth) {
    for (String group : Groups.TASK_GROUPS) {
      grant(auth, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }
    // Processes start through /api, which checks the caller and starts as the back office: no one
    // holds CREATE_INSTANCE (it would also let them restart a finished file from its last variables),
    // but advisors on the processes they open from a Tasklist start form (ADVISOR_START_FORMS), which goes
    // through the same validation (StartFormGateway) and which Tasklist lists only when the right is there.
    for (String group : new String[] {Groups.ADVISORS, Groups.IMA, Groups.HCS}) {
      for (String key : ProcessKeys.ALL) {
        revoke(auth, group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.CREATE_INSTANCE);
      }
      revoke(auth, group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }
    // Advisors follow prior approvals and death claims; social-aid files are read through the API,
    // by agency.
    for (String key : ProcessKeys.ALL) {
      grant(auth, Groups.ADVISORS, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ);
    }
    for (String key : ADVISOR_START_FORMS) {
      grant(auth, Groups.ADVISORS, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.CREATE_INSTANCE);
    }
    grant(auth, Groups.ADVISORS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    for (String key : new String[] {ProcessKeys.PRIOR_APPROVAL, ProcessKeys.DEATH_CAPITAL}) {
      grant(auth, Groups.ADVISORS, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY);
    }
    // The claims administrators work their zone's tasks (rights given per task to the candidate group)
    // and follow their zone's files through the API; no right on every instance of the definition,
    // which would show them the other zone's files.
    for (String administrator : new String[] {Groups.IMA, Groups.HCS}) {
      revoke(auth, administrator, Resources.PROCESS_DEFINITION, ProcessKeys.PRIOR_APPROVAL,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
      grant(auth, administrator, Resources.PROCESS_DEFINITION, ProcessKeys.PRIOR_APPROVAL,
          ProcessDefinitionPermissions.READ);
    }
    // The commission submits Tasklist forms of socialAid (the engine checks READ on the definition);
    // which files it may read is decided by the API (files submitted to it).
    grant(auth, Groups.SOCIAL_AID_COMMISSION, Resources.PROCESS_DEFINITION, ProcessKeys.SOCIAL_AID,
        ProcessDefinitionPermissions.READ);
    grant(auth, Groups.SOCIAL_AID_COMMISSION, Resources.PROCESS_DEFINITION, ProcessKeys.LOAN_REPAYMENT,
        ProcessDefinitionPermissions.READ);
    // Médecins-conseil follow the requests they decide (medical details are not in the engine).
    grant(auth, Groups.MEDICAL_ADVISERS, Resources.PROCESS_DEFINITION, ProcessKeys.PRIOR_APPROVAL,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    // ...and submit the PTIA assessment of a death-capital claim (RULES §6): the task only, no right on
    // every claim of the definition.
    grant(auth, Groups.MEDICAL_ADVISERS, Resources.PROCESS_DEFINITION, ProcessKeys.DEATH_CAPITAL,
        ProcessDefinitionPermissions.READ);
    grant(auth, Groups.MEDICAL_ADVISERS, Resources.PROCESS_DEFINITION, ProcessKeys.TEMPORARY_AUTONOMY_LOSS,
        ProcessDefinitionPermissions.READ);
    grant(auth, Groups.MEDICAL_ADVISERS, Resources.PROCESS_DEFINITION, ProcessKeys.TOTAL_DEPENDENCY,
        ProcessDefinitionPermissions.READ);

    // Task rights: per process definition, for the groups that work its tasks; the engine narrows them
    // to the tasks offered to the person (TaskVisibility): no right is written per task (issue #18).
    for (Map.Entry<String, List<String>> entry : TASK_DEFINITIONS.entrySet()) {
      for (String key : entry.getValue()) {
        grant(auth, entry.getKey(), Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ_TASK,
            ProcessDefinitionPermissions.TASK_WORK);
      }
    }

    // Managers watch everything in Cockpit: definitions, instances, tasks and their history...
    grant(auth, Groups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(auth, Groups.MANAGERS, Resources.PROCESS_DEFINITION, "*",
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
    grant(auth, Groups.MANAGERS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    // ...and put a failed step back to work (retry a job after an incident): it runs the modelled
    // step again, nothing else.
    grant(auth, Groups.MANAGERS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.RETRY_JOB);
    grant(auth, Groups.MANAGERS, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.RETRY_JOB);
    // ...and hand a task to someone of its candidate groups (PersonGuard checks whom): a file of an
    // agency with no advisor, a task whose holder is away.
    grant(auth, Groups.MANAGERS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.TASK_ASSIGN);
    // Tasklist checks the person a task is handed to by reading their profile.
    grant(auth, Groups.MANAGERS, Resources.USER, "*", Permissions.READ);
    grant(auth, Groups.MANAGERS, Resources.TASK, "*", Permissions.READ);
    grant(auth, Groups.MANAGERS, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
    grant(auth, Groups.MANAGERS, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
    grant(auth, Groups.MANAGERS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
    grant(auth, Groups.MANAGERS, Resources.DEPLOYMENT, "*", Permissions.READ);

    // Administrators: everything, on every resource (as Camunda's own first-admin setup does), but
    // the Tasklist filters: each user's own "Mes tâches" would otherwise crowd the admin's list.
    for (Resource resource : Resources.values()) {
      if (resource != Resources.FILTER) {
        grant(auth, Groups.ADMINS, resource, "*", Permissions.ALL);
      }
    }
  }

  private void createSharedFilters(IdentityService identity, TaskService engineTasks, FilterService filters,
      AuthorizationService auth) {
    // Team tasks: one filter per group, on the tasks offered to that group only, so that a group
    // given a broad read right (gestionnaires) does not find other groups' tasks — medical ones
    // included — in its list. Readable by that group and the administrators.
    for (String[] group : Groups.ALL) {
      if (!Groups.TASK_GROUPS.contains(group[0])) {
        continue;
      }
      TaskQuery wanted = teamQuery(engineTasks, group[0]);
      String description = "Le travail de votre équipe (" + group[1] + "), le plus urgent d'abord";
      Filter former = filters.createFilterQuery().filterName(FORMER_TEAM_FILTER).filterOwner(teamFilterOwner(group[0]))
          .singleResult();
      if (former != null) {
        filters.saveFilter(former.setName(TEAM_FILTER).setProperties(properties(TEAM_FILTER_PRIORITY, description)));
      }
      Filter team = createFilter(filters, TEAM_FILTER, teamFilterOwner(group[0]), TEAM_FILTER_PRIORITY, description,
          wanted);
      // Filters of earlier versions: advisors' without their agencies' files, none sorted by due date.
      if (!sameQuery(team, wanted)) {
        filters.saveFilter(team.setQuery(wanted));
      }
      grant(auth, group[0], Resources.FILTER, team.getId(), Permissions.READ);
      grant(auth, Groups.ADMINS, Resources.FILTER, team.getId(), Permissions.READ);
    }
    // The one shared filter of earlier versions (no criteria) goes.
    Filter shared = filters.createFilterQuery().filterName(TEAM_FILTER).filterOwner(admin.id()).singleResult();
    if (shared != null) {
      filters.deleteFilter(shared.getId());
    }
    createOwnTaskFilters(identity, engineTasks, filters, auth);
  }

  /**
   * Tasks offered to the group; for advisors, also those offered to an agency (the engine shows each
   * advisor only their own agencies': TaskVisibility).
   */
  static TaskQuery teamQuery(TaskService engineTasks, String group) {
    TaskQuery query = engineTasks.createTaskQuery();
    if (Groups.ADVISORS.equals(group)) {
      query = query.or().taskCandidateGroup(group).taskCandidateGroupLike(Groups.AGENCY_PREFIX + "%").endOr();
    } else {
      query = query.taskCandidateGroup(group);
    }
    return mostUrgentFirst(query);
  }

  /**
   * Due date first (the nearest on top), then priority (TaskPriorities): the engine applies a filter's
   * order before the one Tasklist adds (creation date).
   */
  static TaskQuery mostUrgentFirst(TaskQuery query) {
    return query.orderByDueDate().asc().orderByTaskPriority().desc();
  }

  private static boolean sameQuery(Filter filter, TaskQuery query) {
    TaskQueryImpl stored = filter.getQuery();
    TaskQueryImpl wanted = (TaskQueryImpl) query;
    return stored.getQueries().size() == wanted.getQueries().size()
        && Objects.equals(stored.getCandidateGroup(), wanted.getCandidateGroup())
        && Objects.equals(stored.getAssignee(), wanted.getAssignee())
        && stored.getOrderingProperties().size() == wanted.getOrderingProperties().size();
  }

  private static Map<String, Object> properties(int priority, String description) {
    return Map.of("priority", priority, "description", description, "refresh", true);
  }

  /** The team filter of a group is owned by a technical owner named after it, so each group has one. */
  static String teamFilterOwner(String group) {
    return "equipe-" + group;
  }

  private void revoke(AuthorizationService auth, String group, Resource resource, String resourceId,
      Permission... permissions) {
    for (Authorization authorization : auth.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
        .resourceId(resourceId).list()) {
      if (authorization.getAuthorizationType() != AUTH_TYPE_GRANT) {
        continue;
      }
      boolean changed = false;
      for (Permission permission : permissions) {
        if (authorization.isPermissionGranted(permission)) {
          authorization.removePermission(permission);
          changed = true;
        }
      }
      if (changed) {
        auth.saveAuthorization(authorization);
      }
    }
  }

  /**
   * Own tasks: expressions are forbidden in stored queries (no ${currentUser()}), so each user gets a
   * filter naming them literally, readable by them alone. Runs at start and every minute (see
   * OwnTaskFilters), so a user created in Admin finds it at their first Tasklist login.
   */
  public void createOwnTaskFilters(IdentityService identity, TaskService engineTasks, FilterService filters,
      AuthorizationService auth) {
    for (User user : identity.createUserQuery().list()) {
      Filter existing = filters.createFilterQuery().filterName(MY_TASKS_FILTER).filterOwner(user.getId()).singleResult();
      if (existing != null) {
        // Earlier versions put "Mes tâches" first and unsorted: second now, most urgent first.
        if (!Integer.valueOf(MY_TASKS_FILTER_PRIORITY).equals(existing.getProperties().get("priority"))
            || existing.getQuery() instanceof TaskQueryImpl stored && stored.getOrderingProperties().isEmpty()) {
          filters.saveFilter(existing.setProperties(properties(MY_TASKS_FILTER_PRIORITY, MY_TASKS_DESCRIPTION))
              .setQuery(mostUrgentFirst(engineTasks.createTaskQuery().taskAssignee(user.getId()))));
        }
        continue;
      }
      Filter mine = createFilter(filters, MY_TASKS_FILTER, user.getId(), MY_TASKS_FILTER_PRIORITY, MY_TASKS_DESCRIPTION,
          mostUrgentFirst(engineTasks.createTaskQuery().taskAssignee(user.getId())));
      grantUser(auth, user.getId(), Resources.FILTER, mine.getId(), Permissions.READ);
    }
  }

  private Filter createFilter(FilterService filters, String name, String owner, int priority,
      String description, TaskQuery query) {
    Filter filter = filters.createFilterQuery().filterName(name).filterOwner(owner).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name)
          .setOwner(owner)
          .setProperties(properties(priority, description))
          .setQuery(query);
      filters.saveFilter(filter);
    }
    return filter;
  }

  private void grantUser(AuthorizationService auth, String userId, Resource resource, String resourceId,
      Permission permission) {
    if (auth.createAuthorizationQuery().userIdIn(userId).resourceType(resource).resourceId(resourceId).count() == 0) {
      Authorization authorization = auth.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setUserId(userId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      authorization.addPermission(permission);
      auth.saveAuthorization(authorization);
    }
  }

  private void createGroup(IdentityService identity, String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void createUser(IdentityService identity, String id, String password, String first, String last,
      String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(password);
      user.setFirstName(first);
      user.setLastName(last);
      user.setEmail(id + "@misp.invalid");
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
      identity.createMembership(id, group);
    }
  }

  private void grant(AuthorizationService auth, String group, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization existing = auth.createAuthorizationQuery()
        .groupIdIn(group).resourceType(resource).resourceId(resourceId).list().stream()
        .filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT)
        .findFirst().orElse(null);
    Authorization authorization = existing != null ? existing : auth.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      auth.saveAuthorization(authorization);
    }
  }
}
