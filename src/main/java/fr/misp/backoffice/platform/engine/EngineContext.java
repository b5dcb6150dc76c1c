package fr.misp.backoffice.platform.engine;

import java.time.LocalDate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** What a step knows of the moment it runs in: the day on the engine's clock (Paris), and who acts. */
public final class EngineContext {

  private EngineContext() {}

  /** Today on the engine's clock, in Paris (tests move the clock; timers read it). */
  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ProcessVariable.PARIS).toLocalDate();
  }

  /** The person completing the task or calling the engine; "system" for a job or the back office itself. */
  public static String actor() {
    String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    return user == null ? "system" : user;
  }
}
