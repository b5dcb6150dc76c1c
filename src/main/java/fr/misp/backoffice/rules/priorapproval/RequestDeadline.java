package fr.misp.backoffice.rules.priorapproval;

import fr.misp.backoffice.rules.FrenchFormat;
import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.RuleViolation;
import fr.misp.backoffice.rules.Step;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Deadlines of a prior-approval request (guide: "Comment bénéficier de mes garanties Santé à
 * l'étranger", R-PA-1 and R-PA-2), exact to the day. The delays are the parameters in force on the
 * day the request reaches the administrator.
 */
public final class RequestDeadline {

  // Parameter ids (values and sources in rules/parameters.csv).
  /** R-PA-1: a scheduled hospitalisation is requested at least this many days before admission (10). */
  public static final String HOSPITALISATION_DAYS_BEFORE = "P-PA-HOSPITALISATION-DAYS";
  /** R-PA-2: a pregnancy is declared before the end of this month (the 3rd). */
  public static final String PREGNANCY_MONTHS = "P-PA-PREGNANCY-MONTHS";
  /** An undecided medical review is escalated this many days before admission (2; RULES.md §9, not the guide). */
  public static final String ESCALATION_DAYS_BEFORE_ADMISSION = "P-PA-ESCALATION-DAYS";

  private final Parameters parameters;

  public RequestDeadline(Parameters parameters) {
    this.parameters = parameters;
  }

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
    // Parameters at the reference date of the rule: the day the request was received.
    if (type == CareType.HOSPITALISATION) {
      int daysBefore = parameters.integer(HOSPITALISATION_DAYS_BEFORE, receivedDate, "receivedDate");
      // admission − received ≥ 10 days: received 1 Dec, admission 11 Dec is on time; 10 Dec is late.
      long days = ChronoUnit.DAYS.between(receivedDate, referenceDate);
      LocalDate last = referenceDate.minusDays(daysBefore);
      boolean onTime = days >= daysBefore;
      return new Result(onTime, last, List.of(Step.note("R-PA-1", "Hospitalisation programmée le " + referenceDate
          + ", demande reçue le " + receivedDate + " : " + days + " jour(s) avant l'admission (" + daysBefore
          + " au moins) — " + (onTime ? "dans les délais" : "hors délai"))));
    }
    // Before the end of the 3rd month (RULES §9 Decision): the last on-time day, named below.
    int months = parameters.integer(PREGNANCY_MONTHS, receivedDate, "receivedDate");
    LocalDate last = lastDayOfMonths(referenceDate, months);
    boolean onTime = !receivedDate.isAfter(last);
    return new Result(onTime, last, List.of(Step.note("R-PA-2", "Début de grossesse le "
        + referenceDate + ", le " + FrenchFormat.ordinal(months) + " mois se termine le " + last
        + ", déclaration reçue le " + receivedDate + " — " + (onTime ? "dans les délais" : "hors délai"))));
  }

  /**
   * RULES §9 Decision (Code de procédure civile art. 641): a period of {@code months} calendar months
   * from {@code start} ends the day before the same day-of-month {@code months} later; when that day
   * does not exist in that month ("30 February"), it ends on the last day of that month. Never a silent
   * month-end clamp: 28 Nov 2022 → 27 Feb 2023; 29 or 30 Nov 2022 → 28 Feb 2023; 30 Nov 2023 → 29 Feb 2024.
   */
  public static LocalDate lastDayOfMonths(LocalDate start, int months) {
    java.time.YearMonth target = java.time.YearMonth.from(start).plusMonths(months);
    if (start.getDayOfMonth() > target.lengthOfMonth()) {
      return target.atEndOfMonth();
    }
    return target.atDay(start.getDayOfMonth()).minusDays(1);
  }

  /**
   * When an undecided medical review goes to gestionnaires: two days before admission; a pregnancy
   * has no admission date, so {@code maternityDays} after reception (configuration: the guide gives none).
   */
  public LocalDate medicalEscalationDate(CareType type, LocalDate receivedDate, LocalDate referenceDate, int maternityDays) {
    return type == CareType.HOSPITALISATION
        ? referenceDate.minusDays(parameters.integer(ESCALATION_DAYS_BEFORE_ADMISSION, receivedDate, "receivedDate"))
        : receivedDate.plusDays(maternityDays);
  }
}
