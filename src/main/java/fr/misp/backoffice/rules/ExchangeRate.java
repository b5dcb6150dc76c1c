package fr.misp.backoffice.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A rate in force from a day: {@code units} of {@code currency} are worth {@code euros} euros (a fixed
 * parity is written as the law writes it: 1 € = 655,957 XOF, 1 000 XPF = 8,38 €). The guide gives no
 * rate: each one carries its source.
 */
public record ExchangeRate(String currency, LocalDate effectiveFrom, BigDecimal units, BigDecimal euros, String source) {

  /** A currency as ISO 4217 writes it: three capital letters ("EUR", "XOF"). */
  public static final String CURRENCY_CODE = "[A-Z]{3}";

  /** The amount in euros: amount × euros ÷ units, rounded once to the cent, half up (RULES: money). */
  public BigDecimal toEuros(BigDecimal amount) {
    return amount.multiply(euros).divide(units, 2, RoundingMode.HALF_UP);
  }
}
