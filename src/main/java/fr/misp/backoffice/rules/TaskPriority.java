package fr.misp.backoffice.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The priority of a user task (PROCESSES.md, Decision "Priorité des tâches"): the guide gives none, so
 * the back office ranks what cannot wait. The highest reason wins:
 * <ol>
 *   <li>{@value #DEADLINE_CLOSE} — its due date is at most P-TASK-URGENT-DAYS days away when it is created
 *   (for a prior approval, the due date follows the admission date: urgent care);</li>
 *   <li>{@value #MONEY_BLOCKED} — a payment is held by it (a returned or rejected payment, a bank entry to
 *   reconcile, a granted aid waiting for the agency's endowment);</li>
 *   <li>{@value #CARE} — care or a medical decision waits on it (prior approval of care abroad, medical
 *   assessments);</li>
 *   <li>{@value #NORMAL} — everything else (Camunda's default).</li>
 * </ol>
 */
public final class TaskPriority {

  public static final int DEADLINE_CLOSE = 90;
  public static final int MONEY_BLOCKED = 80;
  public static final int CARE = 70;
  public static final int NORMAL = 50;

  public static final String URGENT_DAYS = "P-TASK-URGENT-DAYS";

  /** Task keys of the models (PROCESSES.md, user tasks). */
  static final Set<String> MONEY_BLOCKED_TASKS =
      Set.of("correctBankDetails", "reviewRejectedPayment", "reconcileBankEntry", "arbitrateEndowment");
  static final Set<String> CARE_TASKS = Set.of("reviewLateRequest", "buildFile", "medicalReview",
      "escalateMedicalReview", "assessPtia", "assessPathology", "assessGir");

  /** The priority and, unless normal, its reason in French (shown in the task's description). */
  public record Result(int priority, String reason) {}

  private TaskPriority() {}

  /**
   * @param today the day the task is created (Paris)
   * @param due its due date, or null
   * @param parameters read at {@code today}
   */
  public static Result of(String taskKey, LocalDate today, LocalDate due, Parameters parameters) {
    if (due != null) {
      long days = ChronoUnit.DAYS.between(today, due);
      int urgent = parameters.integer(URGENT_DAYS, today, "priority");
      if (days <= urgent) {
        return new Result(DEADLINE_CLOSE, days <= 0 ? "échéance aujourd'hui ou dépassée"
            : "échéance dans " + days + (days == 1 ? " jour" : " jours"));
      }
    }
    if (MONEY_BLOCKED_TASKS.contains(taskKey)) {
      return new Result(MONEY_BLOCKED, "paiement bloqué");
    }
    if (CARE_TASKS.contains(taskKey)) {
      return new Result(CARE, "soins ou décision médicale attendus");
    }
    return new Result(NORMAL, null);
  }
}
