package fr.misp.backoffice.rules.dailyallowance;

import fr.misp.backoffice.rules.Step;
import java.time.LocalDate;
import java.util.List;

/**
 * When half pay starts, so when AJ may start (R-AJ-6, R-AJ-7), and the last day of the leave rights.
 * Calendar months: a leave from 15 January with 3 months full pay is on half pay from 15 April.
 */
public final class HalfPayCalendar {

  /**
   * @param halfPayDate first day on half pay (first possible day of AJ)
   * @param endDate last day of the leave rights (full + half pay)
   */
  public record Result(LocalDate halfPayDate, LocalDate endDate, List<Step> steps) {}

  public Result calculate(LeaveType type, LocalDate leaveStart) {
    LocalDate halfPay = leaveStart.plusMonths(type.fullPayMonths());
    LocalDate end = leaveStart.plusMonths(type.fullPayMonths() + type.halfPayMonths()).minusDays(1);
    return new Result(halfPay, end, List.of(
        Step.note("R-AJ-7", type.name() + " (" + type.label() + ") : " + type.fullPayMonths() + " mois à plein traitement, puis "
            + type.halfPayMonths() + " mois à demi-traitement"),
        Step.note("R-AJ-6", "Passage à demi-traitement le " + halfPay + " : début possible des AJ"),
        Step.note("R-AJ-7", "Fin des droits à congé le " + end)));
  }
}
