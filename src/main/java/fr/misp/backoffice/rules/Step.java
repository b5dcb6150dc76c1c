package fr.misp.backoffice.rules;

import java.math.BigDecimal;

/**
 * One line of the explanation of a calculation: the rule applied, what it did (in French, for
 * advisors and members) and the amount it gave, shown rounded to the cent (null when the step is a
 * decision, not an amount).
 */
public record Step(String rule, String label, BigDecimal amount) {

  public static Step of(String rule, String label, BigDecimal amount) {
    return new Step(rule, label, amount == null ? null : Money.cents(amount));
  }

  public static Step note(String rule, String label) {
    return new Step(rule, label, null);
  }
}
