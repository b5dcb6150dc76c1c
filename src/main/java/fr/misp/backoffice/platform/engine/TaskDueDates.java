package fr.misp.backoffice.platform.engine;

import fr.misp.backoffice.rules.Parameters;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Due dates the models give user tasks that have no dated fact of their own (RULES §9 Decision: every
 * user task carries a due date): {@code camunda:dueDate="${taskDue.inDays('P-TASK-HANDLING-DAYS')}"}.
 * The number of days is an effective-dated parameter, read on the day the task is created.
 */
@Component("taskDue")
public class TaskDueDates {

  private final Parameters parameters;

  public TaskDueDates(Parameters parameters) {
    this.parameters = parameters;
  }

  /** Now, on the engine's clock, plus the parameter's number of calendar days (Paris time). */
  public Date inDays(String parameterId) {
    ZonedDateTime now = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ProcessVariable.PARIS);
    int days = parameters.require(parameterId, now.toLocalDate(), "dueDate").value().intValueExact();
    return Date.from(now.plusDays(days).toInstant());
  }

  /**
   * A reminder cycle for a timer, every parameter's number of days from now:
   * {@code <timeCycle>${taskDue.every('P-…-REMINDER-DAYS')}</timeCycle>} gives {@code R/P15D}.
   */
  public String every(String parameterId) {
    ZonedDateTime now = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ProcessVariable.PARIS);
    int days = parameters.require(parameterId, now.toLocalDate(), "timeCycle").value().intValueExact();
    return "R/P" + days + "D";
  }
}
