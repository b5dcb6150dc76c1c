package fr.misp.backoffice.platform.engine;

import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Every user task carries a due date (RULES §9 Decision). A task whose model gives none is due when the
 * process itself first chases it: its first non-interrupting reminder timer (15 days for a social file,
 * 30 days for a notary's deed). No handling time is invented here: a task with neither a due date nor a
 * reminder in its model stays without one.
 */
@Component
public class ReminderDueDates extends AbstractCamundaConfiguration {

  private static final TaskListener DUE_AT_FIRST_REMINDER = ReminderDueDates::dueAtFirstReminder;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, DUE_AT_FIRST_REMINDER);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  static void dueAtFirstReminder(DelegateTask task) {
    UserTask userTask = task.getBpmnModelElementInstance();
    if (task.getDueDate() != null || userTask == null) {
      return;
    }
    userTask.getModelInstance().getModelElementsByType(BoundaryEvent.class).stream()
        .filter(boundary -> boundary.getAttachedTo() == userTask && !boundary.cancelActivity())
        .flatMap(boundary -> boundary.getEventDefinitions().stream())
        .filter(TimerEventDefinition.class::isInstance).map(TimerEventDefinition.class::cast)
        .map(ReminderDueDates::firstDelay).flatMap(Optional::stream)
        .findFirst()
        .ifPresent(delay -> task.setDueDate(Date.from(delay.addTo(ZonedDateTime.ofInstant(
            ClockUtil.getCurrentTime().toInstant(), ProcessVariable.PARIS)).toInstant())));
  }

  /** The delay of a timer written as an ISO 8601 duration ("P15D") or a repetition ("R/P30D"); else empty. */
  static Optional<Delay> firstDelay(TimerEventDefinition timer) {
    String text = timer.getTimeDuration() != null ? timer.getTimeDuration().getTextContent()
        : timer.getTimeCycle() != null ? timer.getTimeCycle().getTextContent() : null;
    if (text == null || text.contains("$") || text.contains("#")) {
      return Optional.empty();
    }
    String iso = text.trim().replaceFirst("^R\\d*/", "");
    try {
      Period period = Period.parse(iso);
      return Optional.of(t -> t.plus(period));
    } catch (DateTimeParseException notAPeriod) {
      try {
        Duration duration = Duration.parse(iso);
        return Optional.of(t -> t.plus(duration));
      } catch (DateTimeParseException notADuration) {
        return Optional.empty();
      }
    }
  }

  interface Delay {
    ZonedDateTime addTo(ZonedDateTime from);
  }
}
