package fr.misp.backoffice.rules;

import java.util.List;

/**
 * Input that a rule refuses (a loan over its limit, dates in the wrong order, a category the guide
 * does not know). Carries one entry per field, in French and in English.
 */
public class RuleViolation extends RuntimeException {

  /** One refused field. */
  public record Problem(String field, String code, String message, String messageEn) {}

  private final transient List<Problem> problems;

  public RuleViolation(List<Problem> problems) {
    super(problems.stream().map(p -> p.field() + ": " + p.messageEn()).reduce((a, b) -> a + "; " + b).orElse(""));
    this.problems = List.copyOf(problems);
  }

  public static RuleViolation of(String field, String code, String message, String messageEn) {
    return new RuleViolation(List.of(new Problem(field, code, message, messageEn)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
