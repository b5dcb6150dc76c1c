package fr.misp.backoffice.platform.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed reads of process variables, shared by the three processes. Values submitted by Camunda
 * Forms arrive untyped (7 is an Integer, 12.5 a Double, a date an ISO string): they are read here as
 * BigDecimal, LocalDate or boolean.
 */
public final class Variables {

  private Variables() {}

  public static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  public static LocalDate date(VariableScope scope, String name) {
    String value = string(scope, name);
    return value == null || value.isBlank() ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
  }

  public static BigDecimal amount(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
  }

  public static boolean flag(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
  }

  public static Integer integer(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : new BigDecimal(value.toString()).intValue();
  }
}
