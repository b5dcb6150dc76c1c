package fr.misp.backoffice.rules.socialaid;

import fr.misp.backoffice.rules.FrenchFormat;
import fr.misp.backoffice.rules.Money;
import fr.misp.backoffice.rules.Parameters;
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
 * the last one takes the remainder; the first falls due one month after disbursement. The limits
 * are the parameters in force at the date the caller names (request, decision or disbursement).
 */
public final class LoanScheduleCalculator {

  /** R-AS-2: the two refundable aids and the ids of their limits (values and sources in rules/parameters.csv). */
  public enum LoanType {
    SOCIAL_LOAN("P-AS-SOCIAL-LOAN-MAX-AMOUNT", "P-AS-SOCIAL-LOAN-MAX-MONTHS", "du prêt social"),
    SPECIAL_ADVANCE("P-AS-SPECIAL-ADVANCE-MAX-AMOUNT", "P-AS-SPECIAL-ADVANCE-MAX-MONTHS", "de l'avance spéciale");

    private final String maxAmountId;
    private final String maxMonthsId;
    private final String label;

    LoanType(String maxAmountId, String maxMonthsId, String label) {
      this.maxAmountId = maxAmountId;
      this.maxMonthsId = maxMonthsId;
      this.label = label;
    }

    /** Parameter id of the highest amount (6 000 € for the social loan, 3 000 € for the special advance). */
    public String maxAmountId() {
      return maxAmountId;
    }

    /** Parameter id of the longest duration in months (48 for the social loan, 4 for the special advance). */
    public String maxMonthsId() {
      return maxMonthsId;
    }

    public String label() {
      return label;
    }
  }

  /** The limits of one loan type in force at a date. */
  public record Limits(BigDecimal maxAmount, int maxMonths) {}

  private final Parameters parameters;

  public LoanScheduleCalculator(Parameters parameters) {
    this.parameters = parameters;
  }

  /** The limits of {@code type} in force at {@code date}. */
  public Limits limits(LoanType type, LocalDate date) {
    return limits(type, date, "date");
  }

  private Limits limits(LoanType type, LocalDate date, String field) {
    return new Limits(parameters.value(type.maxAmountId(), date, field),
        parameters.integer(type.maxMonthsId(), date, field));
  }

  /**
   * R-AS-2, as a person reads it: built from the limits in force at {@code date}, so the text a form
   * shows can never disagree with the check the server makes.
   */
  public String limitsInForce(LocalDate date) {
    StringBuilder text = new StringBuilder();
    for (LoanType type : LoanType.values()) {
      Limits limits = limits(type, date);
      if (!text.isEmpty()) {
        text.append(" ; ");
      }
      text.append("montant ").append(type.label).append(" ≤ ").append(FrenchFormat.euros(limits.maxAmount()))
          .append(" sur ≤ ").append(limits.maxMonths()).append(" mois");
    }
    return text.append(" ; sans intérêts ni frais").toString();
  }

  public record Instalment(int number, LocalDate dueDate, BigDecimal amount) {}

  public record Schedule(List<Instalment> instalments, BigDecimal total) {}

  /** The problems of a request against R-AS-2 (limits in force at {@code date}), empty when it is within them. */
  public List<Problem> check(LoanType type, BigDecimal amount, int durationMonths, LocalDate date) {
    return check(type, amount, durationMonths, limits(type, date));
  }

  private static List<Problem> check(LoanType type, BigDecimal amount, int durationMonths, Limits limits) {
    List<Problem> problems = new ArrayList<>();
    if (amount.signum() <= 0) {
      problems.add(new Problem("amount", "must_be_positive", "Le montant doit être positif", "The amount must be positive"));
    } else if (amount.compareTo(limits.maxAmount()) > 0) {
      problems.add(new Problem("amount", "over_limit",
          "Montant supérieur au plafond " + type.label() + " (" + FrenchFormat.euros(limits.maxAmount()) + ")",
          "Amount over the " + type.name() + " limit (" + limits.maxAmount().stripTrailingZeros().toPlainString() + " EUR)"));
    }
    if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
      problems.add(new Problem("amount", "too_many_decimals", "Au plus deux décimales (centimes)", "At most two decimals"));
    }
    if (durationMonths < 1) {
      problems.add(new Problem("durationMonths", "must_be_positive", "La durée est d'au moins un mois",
          "The duration is at least one month"));
    } else if (durationMonths > limits.maxMonths()) {
      problems.add(new Problem("durationMonths", "over_limit",
          "Durée supérieure au maximum " + type.label() + " (" + limits.maxMonths() + " mois)",
          "Duration over the " + type.name() + " maximum (" + limits.maxMonths() + " months)"));
    }
    return problems;
  }

  /** The schedule of a loan within the limits in force at its disbursement date. */
  public Schedule schedule(LoanType type, BigDecimal amount, int durationMonths, LocalDate disbursementDate) {
    List<Problem> problems = check(type, amount, durationMonths, limits(type, disbursementDate, "disbursementDate"));
    if (!problems.isEmpty()) {
      throw new RuleViolation(problems);
    }
    return split(amount, durationMonths, disbursementDate, 1);
  }

  /**
   * RULES §8 Decision: equal monthly instalments of amount / n rounded down to the cent, the last takes the
   * remainder, the first due one month after {@code from}; numbered from {@code firstNumber} (a rescheduling
   * continues the numbers of the schedule it replaces).
   */
  public static Schedule split(BigDecimal amount, int months, LocalDate from, int firstNumber) {
    BigDecimal regular = amount.divide(BigDecimal.valueOf(months), 2, RoundingMode.DOWN);
    List<Instalment> instalments = new ArrayList<>();
    BigDecimal paid = BigDecimal.ZERO;
    for (int i = 1; i <= months; i++) {
      BigDecimal due = i < months ? regular : amount.subtract(paid);
      paid = paid.add(due);
      instalments.add(new Instalment(firstNumber + i - 1, from.plusMonths(i), Money.cents(due)));
    }
    return new Schedule(List.copyOf(instalments), Money.cents(paid));
  }
}
