package fr.misp.backoffice.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Euros as BigDecimal: computed exactly, rounded once at the end to cents HALF_UP (RULES.md). */
public final class Money {

  public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
  /** Enough digits for exact intermediate results (2/3, /12) before the one final rounding. */
  public static final MathContext EXACT = MathContext.DECIMAL128;

  private Money() {}

  public static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  public static BigDecimal max(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  public static BigDecimal min(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
