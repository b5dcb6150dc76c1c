package fr.misp.backoffice.rules.socialaid;

import fr.misp.backoffice.rules.Money;
import fr.misp.backoffice.rules.RuleViolation;
import fr.misp.backoffice.rules.RuleViolation.Problem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Limits and repayment schedules of the Action Sociale loans (R-AS-2 and the schedule decision of
 * RULES.md): no interest, no fees; equal monthly instalments of amount / n rounded down to the cent,
 * the last one takes the remainder; the first falls due one month after disbursement.
 */
public final class LoanScheduleCalculator {

  /** R-AS-2: the two refundable aids and their limits. */
  public enum LoanType {
    SOCIAL_LOAN(new BigDecimal("6000"), 48, "du prêt social"),
    SPECIAL_ADVANCE(new BigDecimal("3000"), 4, "de l'avance spéciale");

    private final BigDecimal maxAmount;
    private final int maxMonths;
    private final String label;

    LoanType(BigDecimal maxAmount, int maxMonths, String label) {
      this.maxAmount = maxAmount;
      this.maxMonths = maxMonths;
      this.label = label;
    }

    public BigDecimal maxAmount() {
      return maxAmount;
    }

    public int maxMonths() {
      return maxMonths;
    }

    public String label() {
      return label;
    }
  }

  /**
   * R-AS-2, as a person reads it: built from the limits in force, so the text a form shows can never
   * disagree with the check the server makes.
   */
  public static String limitsInForce() {
    StringBuilder text = new StringBuilder();
    for (LoanType type : LoanType.values()) {
      if (!text.isEmpty()) {
        text.append(" ; ");
      }
      text.append("montant ").append(type.label).append(" ≤ ").append(euros(type.maxAmount)).append(" sur ≤ ")
          .append(type.maxMonths).append(" mois");
    }
    return text.append(" ; sans intérêts ni frais").toString();
  }

  private static String euros(BigDecimal amount) {
    java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.##",
        java.text.DecimalFormatSymbols.getInstance(java.util.Locale.FRANCE));
    return format.format(amount).replace('\u202f', ' ').replace('\u00a0', ' ') + " €";
  }

  public record Instalment(int number, LocalDate dueDate, BigDecimal amount) {}

  public record Schedule(List<Instalment> instalments, BigDecimal total) {}

  /** The problems of a request against R-AS-2, empty when it is within the limits. */
  public static List<Problem> check(LoanType type, BigDecimal amount, int durationMonths) {
    List<Problem> problems = new ArrayList<>();
    if (amount.signum() <= 0) {
      problems.add(new Problem("amount", "must_be_positive", "Le montant doit être positif", "The amount must be positive"));
    } else if (amount.compareTo(type.maxAmount()) > 0) {
      problems.add(new Problem("amount", "over_limit",
          "Montant supérieur au plafond " + type.label() + " (" + type.maxAmount().toPlainString() + " €)",
          "Amount over the " + type.name() + " limit (" + type.maxAmount().toPlainString() + " EUR)"));
    }
    if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
      problems.add(new Problem("amount", "too_many_decimals", "Au plus deux décimales (centimes)", "At most two decimals"));
    }
    if (durationMonths < 1) {
      problems.add(new Problem("durationMonths", "must_be_positive", "La durée est d'au moins un mois",
          "The duration is at least one month"));
    } else if (durationMonths > type.maxMonths()) {
      problems.add(new Problem("durationMonths", "over_limit",
          "Durée supérieure au maximum " + type.label() + " (" + type.maxMonths() + " mois)",
          "Duration over the " + type.name() + " maximum (" + type.maxMonths() + " months)"));
    }
    return problems;
  }

  public Schedule schedule(LoanType type, BigDecimal amount, int durationMonths, LocalDate disbursementDate) {
    List<Problem> problems = check(type, amount, durationMonths);
    if (!problems.isEmpty()) {
      throw new RuleViolation(problems);
    }
    BigDecimal regular = amount.divide(BigDecimal.valueOf(durationMonths), 2, RoundingMode.DOWN);
    List<Instalment> instalments = new ArrayList<>();
    BigDecimal paid = BigDecimal.ZERO;
    for (int n = 1; n <= durationMonths; n++) {
      BigDecimal due = n < durationMonths ? regular : amount.subtract(paid);
      paid = paid.add(due);
      instalments.add(new Instalment(n, disbursementDate.plusMonths(n), Money.cents(due)));
    }
    return new Schedule(List.copyOf(instalments), Money.cents(paid));
  }
}
