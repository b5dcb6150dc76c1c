package fr.misp.backoffice.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Collects the steps and warnings of one calculation, in order. */
public final class Explanation {

  private final List<Step> steps = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  public Explanation step(String rule, String label, BigDecimal amount) {
    steps.add(Step.of(rule, label, amount));
    return this;
  }

  public Explanation note(String rule, String label) {
    steps.add(Step.note(rule, label));
    return this;
  }

  public Explanation warn(String warning) {
    warnings.add(warning);
    return this;
  }

  public List<Step> steps() {
    return List.copyOf(steps);
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
  }
}
