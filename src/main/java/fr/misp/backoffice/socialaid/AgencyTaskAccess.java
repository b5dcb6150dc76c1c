package fr.misp.backoffice.socialaid;

import fr.misp.backoffice.platform.security.Groups;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Advisors see their agency's files, in Tasklist too: {@code buildSocialFile} keeps the contract's
 * candidate group {@code conseillers}, but the right the engine would give that whole group on the
 * task goes to the advisors of the file's agency, by name. Every other task keeps Camunda's rule.
 */
@Component
public class AgencyTaskAccess extends AbstractCamundaConfiguration {

  static final String AGENCY_TASK = "buildSocialFile";

  private final AdvisorAgencies agencies;

  public AgencyTaskAccess(AdvisorAgencies agencies) {
    this.agencies = agencies;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new Provider(agencies));
  }

  /** Camunda's default provider, with the agency rule for the advisors' social-aid files. */
  static final class Provider extends DefaultAuthorizationProvider {
    private final AdvisorAgencies agencies;

    Provider(AdvisorAgencies agencies) {
      this.agencies = agencies;
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
      if (!Groups.ADVISORS.equals(groupId) || !AGENCY_TASK.equals(task.getTaskDefinitionKey())
          || !(task instanceof TaskEntity entity) || SocialAidVariables.AGENCY_CODE.get(entity) == null) {
        return super.newTaskGroupIdentityLink(task, groupId, type);
      }
      List<AuthorizationEntity> grants = new ArrayList<>();
      for (String advisor : agencies.advisorsOf(SocialAidVariables.AGENCY_CODE.get(entity).toString())) {
        AuthorizationEntity[] forAdvisor = super.newTaskUserIdentityLink(task, advisor, type);
        if (forAdvisor != null) {
          grants.addAll(Arrays.asList(forAdvisor));
        }
      }
      return grants.toArray(AuthorizationEntity[]::new);
    }
  }
}
