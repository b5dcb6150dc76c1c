package fr.misp.backoffice.platform.web;

import java.time.LocalDate;

/**
 * The dates a file may carry: births, events, receptions and admissions of living members and their
 * families all fall between these bounds. A date outside them is a typing error (year 1, 9999), refused
 * with a 400 before it can shift a deadline or an age. A named parameter, not a guide figure.
 */
public final class PlausibleDates {

  public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  private PlausibleDates() {}

  public static boolean contains(LocalDate date) {
    return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
  }

  /** The refusal of a text that is no plausible ISO date, in French and English. */
  public static final String INVALID_FR = "Date invalide : format AAAA-MM-JJ, entre " + EARLIEST.getYear() + " et "
      + LATEST.getYear();
  public static final String INVALID_EN = "Invalid date: YYYY-MM-DD, between " + EARLIEST.getYear() + " and "
      + LATEST.getYear();

  public static String message() {
    return "date hors de la plage admise (1900-2100) / date outside the allowed range (1900-2100)";
  }
}
