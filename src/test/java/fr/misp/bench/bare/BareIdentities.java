package fr.misp.bench.bare;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * The users the benchmark drives the bare engine with, created when missing once the engine is
 * built (before the web server answers): the same ids and groups as in the back office. Task rights
 * come from the candidate groups (Camunda's default authorization provider); the starter may start
 * and follow the bare model.
 */
@Component
public class BareIdentities extends AbstractCamundaConfiguration {

  public static final String PROCESS_KEY = "barePriorApproval";
  public static final String PASSWORD = "Bench-Passw0rd!1";

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService auth = engine.getAuthorizationService();
    group(identity, "conseillers");
    group(identity, "ima");
    group(identity, "medecins-conseil");
    user(identity, "conseiller", "Agent", "Conseil", "conseillers");
    user(identity, "ima", "Agent", "Zone", "ima");
    user(identity, "medecin", "Docteur", "Avis", "medecins-conseil");
    grant(auth, "conseillers", Resources.PROCESS_DEFINITION, PROCESS_KEY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    grant(auth, "conseillers", Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
  }

  private static void group(IdentityService identity, String id) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      var group = identity.newGroup(id);
      group.setName(id);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private static void user(IdentityService identity, String id, String first, String last, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(first);
      user.setLastName(last);
      user.setEmail(id + "@bench.invalid");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }

  private static void grant(AuthorizationService auth, String group, Resource resource, String resourceId,
      Permission... permissions) {
    if (auth.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(resourceId).count() > 0) {
      return;
    }
    Authorization authorization = auth.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    auth.saveAuthorization(authorization);
  }
}
