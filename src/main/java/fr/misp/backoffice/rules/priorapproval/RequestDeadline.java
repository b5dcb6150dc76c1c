package fr.misp.backoffice.rules.priorapproval;

import fr.misp.backoffice.rules.RuleViolation;
import fr.misp.backoffice.rules.Step;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Deadlines of a prior-approval request (guide: "Comment bénéficier de mes garanties Santé à
 * l'étranger", R-PA-1 and R-PA-2), exact to the day.
 */
public final class RequestDeadline {

  /** R-PA-1: a scheduled hospitalisation is requested at least 10 days before admission. */
  public static final int HOSPITALISATION_DAYS_BEFORE = 10;
  /** R-PA-2: a pregnancy is declared before the end of the 3rd month. */
  public static final int PREGNANCY_MONTHS = 3;
  /** An undecided medical review is escalated this many days before admission (the rule). */
  public static final int ESCALATION_DAYS_BEFORE_ADMISSION = 2;

  public enum CareType { HOSPITALISATION, MATERNITE }

  /**
   * @param onTime whether the request reached the administrator in time
   * @param lastOnTimeDate the last reception date that is on time
   */
  public record Result(boolean onTime, LocalDate lastOnTimeDate, List<Step> steps) {}

  /**
   * @param referenceDate admission date (hospitalisation) or pregnancy start date (maternité)
   */
  public Result check(CareType type, LocalDate receivedDate, LocalDate referenceDate) {
    if (referenceDate == null) {
      throw RuleViolation.of(type == CareType.HOSPITALISATION ? "plannedAdmissionDate" : "pregnancyStartDate",
          "must_not_be_null", "Date obligatoire pour ce type de demande", "Date required for this request type");
    }
    if (type == CareType.HOSPITALISATION) {
      // admission − received ≥ 10 days: received 1 Dec, admission 11 Dec is on time; 10 Dec is late.
      long days = ChronoUnit.DAYS.between(receivedDate, referenceDate);
      LocalDate last = referenceDate.minusDays(HOSPITALISATION_DAYS_BEFORE);
      boolean onTime = days >= HOSPITALISATION_DAYS_BEFORE;
      return new Result(onTime, last, List.of(Step.note("R-PA-1", "Hospitalisation programmée le " + referenceDate
          + ", demande reçue le " + receivedDate + " : " + days + " jour(s) avant l'admission (10 au moins) — "
          + (onTime ? "dans les délais" : "hors délai"))));
    }
    // received < pregnancyStart + 3 months: the last on-time day is the day before.
    LocalDate endOfThirdMonth = referenceDate.plusMonths(PREGNANCY_MONTHS);
    boolean onTime = receivedDate.isBefore(endOfThirdMonth);
    return new Result(onTime, endOfThirdMonth.minusDays(1), List.of(Step.note("R-PA-2", "Début de grossesse le "
        + referenceDate + ", fin du 3e mois le " + endOfThirdMonth + ", déclaration reçue le " + receivedDate + " — "
        + (onTime ? "dans les délais" : "hors délai"))));
  }

  /**
   * When an undecided medical review goes to gestionnaires: two days before admission; a pregnancy
   * has no admission date, so {@code maternityDays} after reception (configuration: the guide gives none).
   */
  public LocalDate medicalEscalationDate(CareType type, LocalDate receivedDate, LocalDate referenceDate, int maternityDays) {
    return type == CareType.HOSPITALISATION ? referenceDate.minusDays(ESCALATION_DAYS_BEFORE_ADMISSION)
        : receivedDate.plusDays(maternityDays);
  }
}
