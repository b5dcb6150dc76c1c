package fr.misp.backoffice.priorapproval;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Medical secrecy in the engine's history: the value of a medical variable submitted by a form
 * ({@code medicalNotes}) never reaches the history tables (variable instances, details, form
 * fields), so neither Cockpit nor {@code /engine-rest/history} can show it. The value itself is moved
 * to the medical record by {@link MedicalReviewCompletion} before the transaction commits.
 */
@Component
public class MedicalSecrecy extends AbstractCamundaConfiguration {

  /** Variables that carry medical details. */
  public static final Set<String> MEDICAL_VARIABLES = Set.of(PriorApprovalVariables.MEDICAL_NOTES.name(),
      "ptaCondition");

  /** Wraps whatever handler the engine built (database + any custom one), once it is built. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Filter(configuration.getHistoryEventHandler()));
  }

  static boolean isMedical(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return MEDICAL_VARIABLES.contains(variable.getVariableName());
    }
    if (event instanceof HistoricFormPropertyEventEntity property) {
      return MEDICAL_VARIABLES.contains(property.getPropertyId());
    }
    return false;
  }

  /** Drops medical events, hands the rest to the database handler. */
  static final class Filter implements HistoryEventHandler {
    private final HistoryEventHandler delegate;

    Filter(HistoryEventHandler delegate) {
      this.delegate = delegate;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!isMedical(event)) {
        delegate.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
