package fr.misp.backoffice.letters;

import fr.misp.backoffice.platform.engine.FrenchText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Amounts and dates as a French letter prints them: {@code 1 234,56 €} (always to the cent, a
 * non-breaking space between thousands and before the currency, so a line never splits an amount),
 * {@code 12/01/2027} and {@code 12 janvier 2027}. Used by the templates as {@code #fmt}.
 */
public final class LetterFormat {

  /** The non-breaking space (U+00A0): the base PDF fonts have it, unlike the narrow one (U+202F). */
  public static final char NBSP = '\u00A0';

  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

  /** {@code 1234.5} → "1 234,50 €"; another currency keeps its ISO code: "1 234,50 USD". */
  public String money(BigDecimal amount, String currency) {
    if (amount == null) {
      return "";
    }
    String symbol = currency == null || "EUR".equals(currency) ? "€" : currency;
    return number(amount.setScale(2, RoundingMode.HALF_UP), 2) + NBSP + symbol;
  }

  public String euros(BigDecimal amount) {
    return money(amount, "EUR");
  }

  /** A share as a percentage: {@code 0.5} → "50 %", {@code 0.333333} → "33,33 %". */
  public String percent(BigDecimal share) {
    BigDecimal points = share.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    return number(points, Math.max(0, points.scale())) + NBSP + "%";
  }

  public String date(LocalDate date) {
    return date == null ? "" : SHORT.format(date);
  }

  public String longDate(LocalDate date) {
    return date == null ? "" : LONG.format(date);
  }

  /**
   * A calculator's label in a letter's French: ISO dates become {@code dd/mm/yyyy}, decimal numbers
   * take a decimal comma and grouped thousands ({@code 5907.34} → "5 907,34").
   */
  public String text(String label) {
    return FrenchText.label(label, NBSP);
  }

  private static String number(BigDecimal value, int decimals) {
    return FrenchText.grouped(value, decimals, NBSP);
  }
}
