package fr.misp.backoffice.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Effective-dated parameters (OpenFisca style): each value has an id, a date of effect and a
 * source; a calculation asks for the value in force at its reference date.
 */
public final class Parameters {

  public static final String POINT_100 = "P-POINT-100";
  public static final String INM_CHILD = "P-INM-CHILD";
  public static final String FORFAIT_RETRAITE = "P-FORFAIT-RETRAITE";
  public static final String FORFAIT_CTA = "P-FORFAIT-CTA";
  public static final String REVALORISATION = "P-REVALORISATION";
  public static final String ASSIETTE_PLANCHER = "P-ASSIETTE-PLANCHER";
  public static final String ASSIETTE_PLAFOND = "P-ASSIETTE-PLAFOND";

  /** One value of a parameter, in force from {@code since} until the next value of the same id. */
  public record Parameter(String id, LocalDate since, BigDecimal value, String source) {}

  /** A text the business words (a letter's appeal route): a value cell in double quotes. */
  public record Text(String id, LocalDate since, String text, String source) {}

  private final List<Parameter> values;
  private final List<Text> texts;

  private Parameters(List<Parameter> values) {
    this(values, List.of());
  }

  private Parameters(List<Parameter> values, List<Text> texts) {
    this.values = values.stream()
        .sorted(Comparator.comparing(Parameter::id).thenComparing(Parameter::since)).toList();
    this.texts = texts.stream().sorted(Comparator.comparing(Text::id).thenComparing(Text::since)).toList();
  }

  /** The parameters of the guide ({@code rules/parameters.csv}). */
  public static Parameters standard() {
    try (InputStream in = Parameters.class.getResourceAsStream("/rules/parameters.csv")) {
      if (in == null) {
        throw new IllegalStateException("rules/parameters.csv is missing from the classpath");
      }
      List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
      return new Parameters(parse(lines), parseTexts(lines));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Parameter> parse(List<String> lines) {
    List<Parameter> parsed = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split(";", 4);
      if (cells[2].trim().startsWith("\"")) {
        continue;
      }
      parsed.add(new Parameter(cells[0].trim(), LocalDate.parse(cells[1].trim()), parseValue(cells[2].trim()),
          cells[3].trim()));
    }
    return parsed;
  }

  /** The text parameters: lines whose value cell is a text in double quotes (it holds no semicolon). */
  static List<Text> parseTexts(List<String> lines) {
    List<Text> parsed = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split(";", 4);
      String cell = cells[2].trim();
      if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
        parsed.add(new Text(cells[0].trim(), LocalDate.parse(cells[1].trim()), cell.substring(1, cell.length() - 1),
            cells[3].trim()));
      }
    }
    return parsed;
  }

  /** The text in force at {@code date}, if any. */
  public Optional<Text> text(String id, LocalDate date) {
    return inForce(texts, id, date, Text::id, Text::since);
  }

  /** The last of {@code sorted} (by id, then date) with this id in force at {@code date}. */
  private static <T> Optional<T> inForce(List<T> sorted, String id, LocalDate date,
      java.util.function.Function<T, String> idOf, java.util.function.Function<T, LocalDate> sinceOf) {
    T found = null;
    for (T t : sorted) {
      if (idOf.apply(t).equals(id) && !sinceOf.apply(t).isAfter(date)) {
        found = t;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * A value cell: a decimal ({@code 0.77}, {@code 20000}) or an exact fraction of two whole numbers
   * ({@code 2/3}), divided with {@link Money#EXACT} so that no precision is lost before the final rounding.
   */
  static BigDecimal parseValue(String cell) {
    int slash = cell.indexOf('/');
    if (slash < 0) {
      return new BigDecimal(cell);
    }
    BigDecimal numerator = new BigDecimal(cell.substring(0, slash).trim());
    BigDecimal denominator = new BigDecimal(cell.substring(slash + 1).trim());
    if (numerator.stripTrailingZeros().scale() > 0 || denominator.stripTrailingZeros().scale() > 0
        || denominator.signum() == 0) {
      throw new NumberFormatException("A fraction is two whole numbers, the second not zero: " + cell);
    }
    return numerator.divide(denominator, Money.EXACT);
  }

  /** A copy with one more value (configuration of a parameter the guide does not give). */
  public Parameters with(String id, LocalDate since, BigDecimal value, String source) {
    List<Parameter> more = new ArrayList<>(values);
    more.add(new Parameter(id, since, value, source));
    return new Parameters(more, texts);
  }

  /** The value in force at {@code date}, if any. */
  public Optional<Parameter> at(String id, LocalDate date) {
    return inForce(values, id, date, Parameter::id, Parameter::since);
  }

  /** The value in force at {@code date}; a date before the first value is refused. */
  public Parameter require(String id, LocalDate date, String field) {
    return at(id, date).orElseThrow(() -> RuleViolation.of(field, "no_parameter_in_force",
        "Aucune valeur de " + id + " n'est en vigueur au " + date,
        "No value of " + id + " is in force on " + date));
  }

  /** {@link #require}'s value: an amount or a rate. */
  public BigDecimal value(String id, LocalDate date, String field) {
    return require(id, date, field).value();
  }

  /** {@link #require}'s value as a whole number (days, months, quarters, an age, a grade). */
  public int integer(String id, LocalDate date, String field) {
    return require(id, date, field).value().intValueExact();
  }
}
