package fr.misp.backoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.misp.backoffice.platform.engine.ModelDeployment;
import fr.misp.backoffice.platform.engine.ProcessKeys;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.platform.security.IdentityBootstrap;
import fr.misp.backoffice.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The security and platform contract of the foundation, proved over real HTTP on a random port.
 * Run twice: on H2 (demo profile settings) and on a real PostgreSQL in the prod profile.
 */
abstract class SecurityContractTests {

  static final String ADVISOR = "conseiller";
  static final String DOCTOR = "medecin";
  static final String MANAGER = "gestionnaire";
  static final String NO_RIGHTS = "sansdroit";
  static final String LOCKOUT_PROBE = "sondeverrou";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ModelDeployment modelDeployment;
  Http http;

  /** The password of the test users in this profile. */
  abstract String password();

  /** Whether the job executor runs in this context (the H2 tests run their jobs themselves). */
  abstract boolean jobExecutorRuns();

  /** The admin account and its password in this profile. */
  abstract String adminPassword();

  @BeforeEach
  void users() {
    http = new Http(port);
    ensureUser(ADVISOR, Groups.ADVISORS);
    ensureUser(DOCTOR, Groups.MEDICAL_ADVISERS);
    ensureUser(MANAGER, Groups.MANAGERS);
    ensureUser(NO_RIGHTS, null);
    ensureUser(LOCKOUT_PROBE, null);
  }

  private void ensureUser(String id, String group) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(password());
      identity.saveUser(user);
      if (group != null) {
        identity.createMembership(id, group);
      }
    }
  }

  @Test
  void healthIsOpenAndShowsEngineAndJobExecutor() {
    Http.Response health = http.get("/actuator/health", null, null);
    assertThat(health.status()).isEqualTo(200);
    JsonNode components = health.json().get("components");
    assertThat(components.get("processEngine").get("status").asText()).isEqualTo("UP");
    if (jobExecutorRuns()) {
      assertThat(components.get("jobExecutor").get("status").asText()).isEqualTo("UP");
    }
    assertThat(http.get("/actuator/health/readiness", null, null).status()).isEqualTo(200);
    assertThat(http.get("/actuator/health/liveness", null, null).status()).isEqualTo(200);
    assertThat(http.get("/actuator/env", null, null).status()).isEqualTo(404);
    assertThat(http.get("/actuator/beans", null, null).status()).isEqualTo(404);
  }

  @Test
  void engineRestRequiresAuthentication() {
    assertThat(http.get("/engine-rest/process-definition", null, null).status()).isEqualTo(401);
    assertThat(http.get("/engine-rest/process-definition", ADVISOR, password()).status()).isEqualTo(200);
  }

  @Test
  void wrongPasswordIsRefused() {
    assertThat(http.get("/engine-rest/process-definition", LOCKOUT_PROBE, "wrong").status()).isEqualTo(401);
    assertThat(http.get("/api/me", LOCKOUT_PROBE, "wrong").status()).isEqualTo(401);
  }

  @Test
  void engineRestAppliesCamundaAuthorizations() {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ProcessKeys.SOCIAL_AID).latestVersion().singleResult().getId();
    assertThat(http.get("/engine-rest/process-definition/" + definitionId + "/xml", DOCTOR, password()).status())
        .isEqualTo(403);
    assertThat(http.get("/engine-rest/process-definition/" + definitionId + "/xml", MANAGER, password()).status())
        .isEqualTo(200);
    String start = "/engine-rest/process-definition/" + definitionId + "/start";
    // Processes start through /api only: the generic start is refused to every role.
    assertThat(http.post(start, DOCTOR, password(), "{}").status()).isEqualTo(403);
    assertThat(http.post(start, MANAGER, password(), "{}").status()).isEqualTo(403);
    assertThat(http.post(start, ADVISOR, password(), "{\"businessKey\":\"rest-" + System.nanoTime() + "\"}").status())
        .isEqualTo(403);
    assertThat(http.post(start, "admin", adminPassword(), "{}").status()).isEqualTo(403);
    String deploymentId = engine.getRepositoryService().createDeploymentQuery()
        .deploymentName(ModelDeployment.DEPLOYMENT_NAME).list().get(0).getId();
    assertThat(http.get("/engine-rest/deployment/" + deploymentId, "admin", adminPassword()).status()).isEqualTo(200);
    // Not readable: the engine hides it rather than confirming it exists.
    assertThat(http.get("/engine-rest/deployment/" + deploymentId, ADVISOR, password()).status()).isEqualTo(404);
  }

  /** Admin's group query is a POST body: allowed to administrators, refused to every other group. */
  @Test
  void onlyAdministratorsQueryGroupsWithABody() {
    assertThat(http.post("/engine-rest/group", ADVISOR, password(), "{\"member\": \"" + ADVISOR + "\"}").status())
        .isEqualTo(403);
    assertThat(http.post("/engine-rest/group/count", MANAGER, password(), "{}").status()).isEqualTo(403);
    Http.Response admin = http.post("/engine-rest/group", "admin", adminPassword(), "{\"member\": \"" + ADVISOR + "\"}");
    assertThat(admin.status()).as(admin.body()).isEqualTo(200);
    assertThat(admin.body()).contains(Groups.ADVISORS);
  }

  @Test
  void projectApiRequiresAuthenticationAndAGroupWithTheRight() {
    assertThat(http.get("/api/me", null, null).status()).isEqualTo(401);
    Http.Response forbidden = http.get("/api/me", NO_RIGHTS, password());
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.json().get("message").asText()).contains("Accès refusé");
    Http.Response me = http.get("/api/me", ADVISOR, password());
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("groups").get(0).asText()).isEqualTo(Groups.ADVISORS);
  }

  @Test
  void openApiDescriptionRequiresAuthentication() {
    assertThat(http.get("/v3/api-docs", null, null).status()).isEqualTo(401);
    assertThat(http.get("/v3/api-docs", ADVISOR, password()).status()).isEqualTo(200);
  }

  @Test
  void loginPagesAreOpen() {
    assertThat(http.get("/camunda/app/tasklist/default/", null, null).status()).isEqualTo(200);
  }

  @Test
  void apiEngineCallsRunAsTheCallerSoTaskRightsApply() {
    String key = "sec-" + System.nanoTime();
    List<String> started = new ArrayList<>();
    for (String process : List.of(ProcessKeys.SOCIAL_AID, ProcessKeys.DEATH_CAPITAL)) {
      started.add(engine.getRuntimeService().startProcessInstanceByKey(process, key + "-" + process).getId());
    }
    try {
      List<String> advisorTasks = taskKeys(http.get("/api/me/tasks", ADVISOR, password()).json(), started);
      List<String> doctorTasks = taskKeys(http.get("/api/me/tasks", DOCTOR, password()).json(), started);
      List<String> noRightTasks = taskKeys(http.get("/engine-rest/task", NO_RIGHTS, password()).json(), started);
      assertThat(advisorTasks).containsExactlyInAnyOrder("buildSocialFile", "recordEvent");
      assertThat(doctorTasks).isEmpty();
      assertThat(noRightTasks).isEmpty();
    } finally {
      started.forEach(id -> engine.getRuntimeService().deleteProcessInstance(id, "test"));
    }
  }

  private static List<String> taskKeys(JsonNode tasks, List<String> instances) {
    List<String> keys = new ArrayList<>();
    tasks.forEach(t -> {
      if (instances.contains(t.get("processInstanceId").asText())) {
        keys.add(t.get("taskDefinitionKey").asText());
      }
    });
    return keys;
  }

  @Test
  void expressionsInQueriesAreRefusedBeforeTheEngine() {
    assertThat(http.get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D", ADVISOR, password()).status())
        .isEqualTo(400);
    String orQuery = "{\"orQueries\":[{\"assigneeExpression\":\"${execution}\"}]}";
    assertThat(http.post("/engine-rest/task", ADVISOR, password(), orQuery).status()).isEqualTo(400);
    String escaped = "{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{1+1}\"}]}";
    assertThat(http.post("/engine-rest/task", ADVISOR, password(), escaped).status()).isEqualTo(400);
    assertThat(http.post("/engine-rest/task", ADVISOR, password(), "{\"orQueries\":[{\"assignee\":\"x\"}]}").status())
        .isEqualTo(200);
  }

  @Test
  void theEngineItselfForbidsExpressionsInQueries() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.isEnableExpressionsInAdhocQueries()).isFalse();
    assertThat(config.isEnableExpressionsInStoredQueries()).isFalse();
    assertThatThrownBy(() -> engine.getTaskService().createTaskQuery().taskAssigneeExpression("${'x'}").list())
        .isInstanceOf(BadUserRequestException.class);
  }

  @Test
  void groupsExistWithTheirApplicationsAndNoMore() {
    AuthorizationService auth = engine.getAuthorizationService();
    for (String[] group : Groups.ALL) {
      assertThat(engine.getIdentityService().createGroupQuery().groupId(group[0]).count()).isEqualTo(1);
    }
    for (String group : Groups.TASK_GROUPS) {
      assertThat(auth.isUserAuthorized("x", List.of(group), Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
      assertThat(auth.isUserAuthorized("x", List.of(group), Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();
    }
    assertThat(auth.isUserAuthorized("x", List.of(Groups.MANAGERS), Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(auth.isUserAuthorized("x", List.of(Groups.ADVISORS), Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
    assertThat(auth.isUserAuthorized("x", List.of(Groups.MEDICAL_ADVISERS), Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
    assertThat(auth.isUserAuthorized("x", List.of(Groups.ADMINS), Permissions.ACCESS, Resources.APPLICATION, "admin")).isTrue();
    assertThat(auth.isUserAuthorized("x", List.of(Groups.MANAGERS), HistoricProcessInstancePermissions.READ, Resources.HISTORIC_PROCESS_INSTANCE, "any")).isTrue();
    assertThat(auth.isUserAuthorized("x", List.of(Groups.ADVISORS), HistoricProcessInstancePermissions.READ, Resources.HISTORIC_PROCESS_INSTANCE, "any")).isFalse();
  }

  /**
   * Task rights are per definition (TaskVisibility): every group a model offers a task to holds
   * READ_TASK and TASK_WORK on that model, or its people would not see their own tasks.
   */
  @Test
  void everyCandidateGroupOfAModelHoldsTheTaskRightsOnIt() {
    AuthorizationService auth = engine.getAuthorizationService();
    int checked = 0;
    for (ProcessDefinition definition : engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()) {
      for (org.camunda.bpm.model.bpmn.instance.UserTask task : engine.getRepositoryService()
          .getBpmnModelInstance(definition.getId()).getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)) {
        String groups = task.getCamundaCandidateGroups();
        List<String> literal = groups == null ? List.of()
            : groups.contains("${") ? List.of(Groups.IMA, Groups.HCS) : List.of(groups.split(","));
        for (String group : literal) {
          for (org.camunda.bpm.engine.authorization.Permission permission : List.of(
              org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK,
              org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.TASK_WORK)) {
            assertThat(auth.isUserAuthorized("x", List.of(group.trim()), permission, Resources.PROCESS_DEFINITION,
                definition.getKey())).as(group + " " + permission.getName() + " on " + definition.getKey() + " ("
                + task.getId() + ")").isTrue();
            checked++;
          }
        }
      }
    }
    assertThat(checked).isPositive();
  }

  @Test
  void managersReadEveryInstanceAndItsHistoryOverRest() {
    String id = engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.DEATH_CAPITAL, "hist-" + System.nanoTime()).getId();
    try {
      assertThat(http.get("/engine-rest/process-instance/" + id, MANAGER, password()).status()).isEqualTo(200);
      assertThat(http.get("/engine-rest/history/process-instance/" + id, MANAGER, password()).status()).isEqualTo(200);
      assertThat(http.get("/engine-rest/process-instance/" + id, DOCTOR, password()).status()).isEqualTo(404);
      assertThat(http.get("/engine-rest/history/process-instance/" + id, DOCTOR, password()).status()).isEqualTo(404);
      assertThat(http.get("/engine-rest/history/process-instance/" + id, ADVISOR, password()).status()).isEqualTo(200);
    } finally {
      engine.getRuntimeService().deleteProcessInstance(id, "test");
    }
  }

  @Test
  void tasklistHasTheSharedFilters() {
    engine.getIdentityService().setAuthentication(ADVISOR, List.of(Groups.ADVISORS));
    try {
      List<String> names = engine.getFilterService().createFilterQuery().list().stream().map(f -> f.getName()).toList();
      assertThat(names).contains(IdentityBootstrap.TEAM_FILTER);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Autowired fr.misp.backoffice.platform.security.OwnTaskFilters ownTaskFilters;

  @Test
  void aUserCreatedLaterGetsTheirOwnTaskFilter() {
    String id = "later" + (System.nanoTime() % 100000);
    engine.getIdentityService().saveUser(engine.getIdentityService().newUser(id));
    engine.getIdentityService().createMembership(id, Groups.ADVISORS);
    ownTaskFilters.createMissing();
    ownTaskFilters.createMissing();
    assertThat(engine.getFilterService().createFilterQuery().filterOwner(id).filterName(IdentityBootstrap.MY_TASKS_FILTER).count())
        .isEqualTo(1);
    engine.getIdentityService().setAuthentication(id, List.of(Groups.ADVISORS));
    try {
      assertThat(engine.getFilterService().createFilterQuery().list()).extracting(f -> f.getName() + "/" + f.getOwner())
          .contains(IdentityBootstrap.MY_TASKS_FILTER + "/" + id)
          .doesNotContain(IdentityBootstrap.MY_TASKS_FILTER + "/conseiller");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void historyIsFullWithATimeToLiveAndANightlyCleanupWindow() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);
    assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    List<ProcessDefinition> definitions = engine.getRepositoryService().createProcessDefinitionQuery().list();
    assertThat(definitions).isNotEmpty();
    assertThat(definitions).allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isNotNull().isPositive());
  }

  @Test
  void redeployingTheModelsCreatesNoNewVersion() {
    Map<String, Integer> before = versions();
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();
    modelDeployment.deploy(engine);
    assertThat(versions()).isEqualTo(before);
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(before).containsKeys(ProcessKeys.ALL.toArray(String[]::new));
  }

  private Map<String, Integer> versions() {
    Map<String, Integer> versions = new java.util.TreeMap<>();
    engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()
        .forEach(d -> versions.put(d.getKey(), d.getVersion()));
    return versions;
  }
}
