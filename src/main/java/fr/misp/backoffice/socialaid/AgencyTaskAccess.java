package fr.misp.backoffice.socialaid;

import fr.misp.backoffice.platform.engine.ClusterStartLock;
import fr.misp.backoffice.platform.security.Groups;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Advisors see their agency's files, in Tasklist too. {@code buildSocialFile} is modelled for the
 * group {@code conseillers}; when the task is created for a file of a known agency, it is offered to
 * that agency's group ({@code agence-<code>}, its advisors: {@link AdvisorAgencies}) instead, so the
 * engine's rule "a task is seen by the groups it is offered to" keeps the other agencies' advisors
 * out — without a right per task (issue #18). A file with no agency keeps the model's group.
 */
@Component
@Order(20)
public class AgencyTaskAccess extends AbstractCamundaConfiguration {

  static final String AGENCY_TASK = "buildSocialFile";

  private final AdvisorAgencies agencies;
  private final ObjectProvider<ClusterStartLock> lock;
  private volatile ProcessEngine engine;

  public AgencyTaskAccess(AdvisorAgencies agencies, ObjectProvider<ClusterStartLock> lock) {
    this.agencies = agencies;
    this.lock = lock;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new OfferToTheAgency(agencies));
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    this.engine = engine;
    agencies.syncGroups(engine.getIdentityService());
    agencies.routeOpenFiles(engine);
  }

  /**
   * An advisor created in Admin after their agency was recorded joins its group within a minute; an
   * agency whose last advisor's account was deleted has its open files offered to the gestionnaires.
   */
  @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
  public void syncGroups() {
    if (engine != null) {
      lock.getObject().runExclusively(() -> {
        agencies.syncGroups(engine.getIdentityService());
        agencies.routeOpenFiles(engine);
      });
    }
  }

  /** Replaces the model's candidate group of {@code buildSocialFile} by {@link OfferedGroup}. */
  static final class OfferToTheAgency extends AbstractBpmnParseListener {
    private final AdvisorAgencies agencies;

    OfferToTheAgency(AdvisorAgencies agencies) {
      this.agencies = agencies;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (AGENCY_TASK.equals(activity.getId()) && activity.getActivityBehavior() instanceof UserTaskActivityBehavior task) {
        Set<Expression> groups = task.getTaskDefinition().getCandidateGroupIdExpressions();
        if (groups.removeIf(group -> group.isLiteralText() && Groups.ADVISORS.equals(group.getExpressionText()))) {
          groups.add(new OfferedGroup(agencies));
        }
      }
    }
  }

  /**
   * The file's agency group when the file names an agency (and the gestionnaires' too while that agency
   * has no advisor: someone must hand the file to an advisor), else the model's {@code conseillers}.
   */
  static final class OfferedGroup implements Expression {
    private final AdvisorAgencies agencies;

    OfferedGroup(AdvisorAgencies agencies) {
      this.agencies = agencies;
    }

    @Override
    public Object getValue(VariableScope scope) {
      String agency = SocialAidVariables.AGENCY_CODE.get(scope);
      if (agency == null || agency.isBlank()) {
        return Groups.ADVISORS;
      }
      return agencies.hasAdvisor(agency) ? AdvisorAgencies.groupOf(agency)
          : AdvisorAgencies.groupOf(agency) + "," + Groups.MANAGERS;
    }

    @Override
    public void setValue(Object value, VariableScope scope) {
      throw new UnsupportedOperationException("read-only");
    }

    @Override
    public String getExpressionText() {
      return Groups.AGENCY_PREFIX + "${agencyCode} (" + Groups.ADVISORS + " without an agency)";
    }

    @Override
    public boolean isLiteralText() {
      return false;
    }
  }
}
