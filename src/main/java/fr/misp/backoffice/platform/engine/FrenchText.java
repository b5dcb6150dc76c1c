package fr.misp.backoffice.platform.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Amounts and dates as a French reader writes them: "1 234,56 €", "420,00 XOF", "12/01/2027". */
public final class FrenchText {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRANCE);

  private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  private static final Pattern DECIMAL = Pattern.compile("(?<![\\d,.])(\\d+)\\.(\\d+)(?![\\d.])");

  private FrenchText() {}

  /**
   * A calculator's label as a French reader reads it (the calculators keep ISO dates and decimal points):
   * ISO dates become dd/mm/yyyy, decimal numbers take a decimal comma and grouped thousands
   * ({@code 5907.34} → "5 907,34"), grouped with the given separator.
   */
  public static String label(String label, char groupingSeparator) {
    if (label == null) {
      return "";
    }
    String withDates = ISO_DATE.matcher(label).replaceAll(m -> m.group(3) + "/" + m.group(2) + "/" + m.group(1));
    return DECIMAL.matcher(withDates).replaceAll(m -> Matcher.quoteReplacement(grouped(
        new BigDecimal(m.group(1) + "." + m.group(2)), m.group(2).length(), groupingSeparator)));
  }

  /** {@link #label(String, char)} for a screen: thousands grouped with a space. */
  public static String label(String label) {
    return label(label, ' ');
  }

  /** A number with so many decimals (half up), a decimal comma and thousands grouped with the separator. */
  public static String grouped(BigDecimal value, int decimals, char groupingSeparator) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
    symbols.setGroupingSeparator(groupingSeparator);
    symbols.setDecimalSeparator(',');
    DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(value);
  }

  /** Two decimals, a space between thousands, a comma; "€" for euros, the ISO code otherwise. */
  public static String money(BigDecimal amount, String currency) {
    if (amount == null) {
      return "—";
    }
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.FRANCE);
    symbols.setGroupingSeparator(' ');
    symbols.setDecimalSeparator(',');
    String number = new DecimalFormat("#,##0.00", symbols).format(amount.setScale(2, RoundingMode.HALF_UP));
    return number + " " + (currency == null || currency.equals("EUR") ? "€" : currency);
  }

  /** A number as written in French, its decimals as they are: "655,957", "1 000". */
  public static String number(BigDecimal value) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.FRANCE);
    symbols.setGroupingSeparator(' ');
    symbols.setDecimalSeparator(',');
    DecimalFormat format = new DecimalFormat("#,##0", symbols);
    format.setMaximumFractionDigits(12);
    return format.format(value.stripTrailingZeros());
  }

  public static String euros(BigDecimal amount) {
    return money(amount, "EUR");
  }

  /**
   * A text shown in a form, within what a string variable holds (4 000 characters in the engine's tables):
   * longer, it is cut with an ellipsis rather than failing the step that builds it.
   */
  public static String summary(java.util.List<String> lines) {
    String text = String.join("\n", lines);
    return text.length() <= SUMMARY_LENGTH ? text : text.substring(0, SUMMARY_LENGTH - 1) + "…";
  }

  static final int SUMMARY_LENGTH = 3900;

  public static String date(LocalDate day) {
    return day == null ? "—" : DATE.format(day);
  }

  /** A month as a French reader says it: "mars 2026". */
  public static String month(LocalDate day) {
    return day == null ? "—" : MONTH.format(day);
  }

  /** A country by its French name ("ES" → "Espagne"); a code the JDK does not name stays as it is. */
  public static String country(String isoCode) {
    if (isoCode == null || !isoCode.matches("[A-Z]{2}")) {
      return isoCode;
    }
    String name = new Locale("", isoCode).getDisplayCountry(Locale.FRENCH);
    return name.isEmpty() || name.equals(isoCode) ? isoCode : name;
  }

  /** A rate as a person reads it: "1 € = 655,957 XOF", or "1 000 XPF = 8,38 €" for a parity the law writes so. */
  public static String parity(fr.misp.backoffice.rules.ExchangeRate rate) {
    return rate.euros().compareTo(BigDecimal.ONE) == 0
        ? "1 € = " + number(rate.units()) + " " + rate.currency()
        : number(rate.units()) + " " + rate.currency() + " = " + number(rate.euros()) + " €";
  }
}
