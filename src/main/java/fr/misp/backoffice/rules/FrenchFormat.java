package fr.misp.backoffice.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as the explanations print them, in French: {@code 77 %}, {@code 20 000 €}, {@code 2/3},
 * {@code GIR 1 ou 2}. Labels build the numbers of the guide from the parameter in force with these,
 * so a label can never state another value than the one the calculation used. Plain spaces (not
 * non-breaking ones) separate thousands and units, as the labels always had.
 */
public final class FrenchFormat {

  private FrenchFormat() {}

  /** {@code 20000} → "20 000", {@code 0.5} → "0,5", {@code 12124.82} → "12 124,82". */
  public static String number(BigDecimal value) {
    BigDecimal plain = value.stripTrailingZeros();
    return format(plain, Math.max(0, plain.scale()));
  }

  /** {@code 6000} → "6 000 €"; an amount with cents keeps two decimals: "12 124,82 €". */
  public static String euros(BigDecimal amount) {
    BigDecimal plain = amount.stripTrailingZeros();
    return format(plain, plain.scale() <= 0 ? 0 : 2) + " €";
  }

  /** A rate as a percentage, at most two decimals: {@code 0.77} → "77 %", {@code 0.155} → "15,5 %". */
  public static String percent(BigDecimal rate) {
    BigDecimal points = rate.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    return format(points, Math.max(0, points.scale())) + " %";
  }

  /**
   * A share as the guide writes it: an exact fraction of small whole numbers ({@code 2/3}, as
   * {@link Parameters} reads "2/3") when it is one, else a percentage.
   */
  public static String share(BigDecimal share) {
    for (int denominator = 2; denominator <= 12; denominator++) {
      BigDecimal numerator = share.multiply(BigDecimal.valueOf(denominator)).setScale(0, RoundingMode.HALF_UP);
      if (numerator.signum() > 0 && numerator.intValueExact() < denominator
          && numerator.divide(BigDecimal.valueOf(denominator), Money.EXACT).compareTo(share) == 0) {
        return numerator.toPlainString() + "/" + denominator;
      }
    }
    return percent(share);
  }

  /** Whole numbers from {@code first} to {@code last}: "1", "1 ou 2", "1, 2 ou 3". */
  public static String range(int first, int last) {
    StringBuilder text = new StringBuilder().append(first);
    for (int n = first + 1; n <= last; n++) {
      text.append(n == last ? " ou " : ", ").append(n);
    }
    return text.toString();
  }

  /** A French ordinal: 1 → "1er", 3 → "3e", 31 → "31e". */
  public static String ordinal(int n) {
    return n == 1 ? "1er" : n + "e";
  }

  private static String format(BigDecimal value, int decimals) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
    symbols.setGroupingSeparator(' ');
    symbols.setDecimalSeparator(',');
    DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(value);
  }
}
