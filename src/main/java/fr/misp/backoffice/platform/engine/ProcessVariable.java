package fr.misp.backoffice.platform.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable, declared once with its Java type and the way it is held by the engine (in
 * the spirit of holunda's camunda-bpm-data). Code reads and writes the Java type only:
 * <ul>
 *   <li>money is a {@link BigDecimal}, held as its exact decimal text ({@code "2750.50"}), which the
 *       forms' number fields read and write as text ({@code serializeToString}): no binary double
 *       anywhere between the API, the form and the database;</li>
 *   <li>a date is a {@link LocalDate}, held as ISO text ({@code "2026-12-01"}), as form-js date fields
 *       hold it; a moment a timer waits for is a {@link LocalDate} held as the engine's date (the start
 *       of that day in Paris);</li>
 *   <li>a choice is an enum, held as its name (forms' options and gateways compare names);</li>
 *   <li>text, flags and whole numbers are held as themselves.</li>
 * </ul>
 * Values submitted by forms arrive as the form sends them (a number as Integer or Double, a money
 * field as text): reading converts them exactly, or fails loudly for a value of another kind.
 */
public final class ProcessVariable<T> {

  /** The zone of the French back office: a day's timer fires at midnight in Paris. */
  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final String name;
  private final Function<Object, T> read;
  private final Function<T, Object> write;

  private ProcessVariable(String name, Function<Object, T> read, Function<T, Object> write) {
    this.name = name;
    this.read = read;
    this.write = write;
  }

  public static ProcessVariable<String> text(String name) {
    return new ProcessVariable<>(name, value -> value.toString(), value -> value);
  }

  public static ProcessVariable<BigDecimal> money(String name) {
    return new ProcessVariable<>(name, ProcessVariable::decimal, value -> value.toPlainString());
  }

  public static ProcessVariable<LocalDate> date(String name) {
    return new ProcessVariable<>(name, ProcessVariable::isoDate, LocalDate::toString);
  }

  /** A day a timer waits for: the engine holds the start of that day in Paris. */
  public static ProcessVariable<LocalDate> timerDay(String name) {
    return new ProcessVariable<>(name,
        value -> value instanceof Date d ? d.toInstant().atZone(PARIS).toLocalDate() : isoDate(value),
        value -> Date.from(value.atStartOfDay(PARIS).toInstant()));
  }

  public static ProcessVariable<Boolean> flag(String name) {
    return new ProcessVariable<>(name, value -> value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString()),
        value -> value);
  }

  /** A whole number; a fraction is refused rather than truncated. */
  public static ProcessVariable<Integer> count(String name) {
    return new ProcessVariable<>(name, value -> decimal(value).intValueExact(), value -> value);
  }

  public static <E extends Enum<E>> ProcessVariable<E> choice(String name, Class<E> type) {
    return new ProcessVariable<>(name, value -> Enum.valueOf(type, value.toString()), Enum::name);
  }

  public String name() {
    return name;
  }

  /** The value, or null when absent or blank (an empty form field). */
  public T get(VariableScope scope) {
    return fromEngine(scope.getVariable(name));
  }

  /**
   * What a person submitted, or null when absent or not of this variable's kind (a text that is no option of the
   * choice, a fraction for a count…): the task's check then answers with its own message.
   */
  public T submitted(VariableScope scope) {
    try {
      return get(scope);
    } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException notOfItsKind) {
      return null;
    }
  }

  /**
   * The answer to a yes/no question a form asks as two explicit options (a radio "true"/"false": no
   * default answers for the person), or that a system submits as a boolean; null when not answered.
   */
  public Boolean answered(VariableScope scope) {
    Object value = scope.getVariable(name);
    if (value instanceof Boolean b) {
      return b;
    }
    return "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
  }

  public T get(VariableScope scope, T whenAbsent) {
    T value = get(scope);
    return value == null ? whenAbsent : value;
  }

  public T fromEngine(Object held) {
    if (held == null || held instanceof String text && text.isBlank()) {
      return null;
    }
    return read.apply(held);
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, toEngine(value));
  }

  /** Writes on the process instance itself (a step inside a sub-scope recording an outcome). */
  public void setOnProcess(org.camunda.bpm.engine.delegate.DelegateExecution execution, T value) {
    execution.getProcessInstance().setVariable(name, toEngine(value));
  }

  public Object toEngine(T value) {
    return value == null ? null : write.apply(value);
  }

  /** Adds the value, as the engine holds it, to a map of start variables; an absent value is not kept. */
  public void put(Map<String, Object> variables, T value) {
    if (value != null) {
      variables.put(name, toEngine(value));
    }
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal exact) {
      return exact;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    // A Double typed in a form (12.5) and a text ("12.50") both read back as the decimal written.
    return new BigDecimal(value.toString());
  }

  private static LocalDate isoDate(Object value) {
    String text = value.toString();
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }
}
