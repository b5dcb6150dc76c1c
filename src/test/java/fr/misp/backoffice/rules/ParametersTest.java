package fr.misp.backoffice.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.misp.backoffice.rules.Parameters.Parameter;
import fr.misp.backoffice.rules.autonomy.TemporaryAutonomyLossCalculator;
import fr.misp.backoffice.rules.autonomy.TotalDependencyCalculator;
import fr.misp.backoffice.rules.dailyallowance.DailyAllowanceCalculator;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator;
import fr.misp.backoffice.rules.disability.DisabilityCalculator;
import fr.misp.backoffice.rules.priorapproval.RequestDeadline;
import fr.misp.backoffice.rules.socialaid.LoanScheduleCalculator.LoanType;
import fr.misp.backoffice.rules.socialaid.SocialAidRules;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The parameter file: its cells, its fractions and the value in force at a date. */
class ParametersTest {

  private static final BigDecimal TWO_THIRDS = BigDecimal.valueOf(2).divide(BigDecimal.valueOf(3), Money.EXACT);

  @Test
  void readsDecimalsAndExactFractions() {
    List<Parameter> parsed = Parameters.parse(List.of(
        "# a comment", "",
        "P-RATE;1900-01-01;0.77;Guide, a rate",
        "P-SHARE;1900-01-01;2/3;Guide; with a semicolon in the source",
        "P-SPACED;1900-01-01; 1 / 4 ;Guide"));
    assertThat(parsed).extracting(Parameter::id).containsExactly("P-RATE", "P-SHARE", "P-SPACED");
    assertThat(parsed.get(0).value()).isEqualByComparingTo("0.77");
    assertThat(parsed.get(1).value()).isEqualTo(TWO_THIRDS);
    assertThat(parsed.get(1).source()).isEqualTo("Guide; with a semicolon in the source");
    assertThat(parsed.get(2).value()).isEqualByComparingTo("0.25");
  }

  /** 2/3 keeps the 34 digits of Money.EXACT: nothing is lost before the one final rounding. */
  @Test
  void aFractionLosesNoPrecision() {
    BigDecimal share = Parameters.parseValue("2/3");
    assertThat(share.precision()).isEqualTo(Money.EXACT.getPrecision());
    assertThat(share.toPlainString()).isEqualTo("0.6666666666666666666666666666666667");
    // The guide's Pierre: 2/3 × (2 461 × 70 % × 12) = 13 781,60 € exactly, once rounded.
    assertThat(Money.cents(new BigDecimal("2461").multiply(new BigDecimal("0.70")).multiply(BigDecimal.valueOf(12))
        .multiply(share, Money.EXACT))).isEqualByComparingTo("13781.60");
  }

  @ParameterizedTest(name = "\"{0}\" is refused")
  @ValueSource(strings = {"2/0", "2.5/3", "2/3/4", "two/3", "/3", "2/"})
  void aFractionIsTwoWholeNumbers(String cell) {
    assertThatThrownBy(() -> Parameters.parseValue(cell)).isInstanceOf(NumberFormatException.class);
  }

  @Test
  void theStandardFileReadsTheFractionOfTheIppShare() {
    assertThat(Parameters.standard().value("P-INV-IPP-SHARE", LocalDate.of(2024, 1, 1), "referenceDate"))
        .isEqualTo(TWO_THIRDS);
  }

  @Test
  void theValueInForceIsTheLastOneSinceTheDate() {
    Parameters parameters = Parameters.standard().with("P-TEST", LocalDate.of(2025, 1, 1), new BigDecimal("7"), "test")
        .with("P-TEST", LocalDate.of(2020, 1, 1), new BigDecimal("5"), "test");
    assertThat(parameters.integer("P-TEST", LocalDate.of(2024, 12, 31), "date")).isEqualTo(5);
    assertThat(parameters.integer("P-TEST", LocalDate.of(2025, 1, 1), "date")).isEqualTo(7);
    assertThatThrownBy(() -> parameters.integer("P-TEST", LocalDate.of(2019, 12, 31), "date"))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("No value of P-TEST is in force on 2019-12-31");
  }

  /**
   * Every parameter id a calculator names has a value from the first day (the guide's numbers have no
   * date of effect), except the two the guide does not give (configuration) and the point value
   * (dated by its decrees).
   */
  @Test
  void everyIdTheRulesNameHasAValueFromTheStart() throws IllegalAccessException {
    List<String> ids = new ArrayList<>();
    for (Class<?> type : List.of(DailyAllowanceCalculator.class, DisabilityCalculator.class, DeathCapitalCalculator.class,
        TemporaryAutonomyLossCalculator.class, TotalDependencyCalculator.class, RequestDeadline.class, SocialAidRules.class,
        Parameters.class)) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && Modifier.isPublic(field.getModifiers())
            && ((String) field.get(null)).startsWith("P-")) {
          ids.add((String) field.get(null));
        }
      }
    }
    for (LoanType type : LoanType.values()) {
      ids.add(type.maxAmountId());
      ids.add(type.maxMonthsId());
    }
    assertThat(ids).hasSizeGreaterThan(35).doesNotHaveDuplicates();
    Set<String> notFromTheStart = Set.of(Parameters.POINT_100, Parameters.ASSIETTE_PLANCHER, Parameters.ASSIETTE_PLAFOND);
    Parameters standard = Parameters.standard();
    for (String id : ids) {
      if (!notFromTheStart.contains(id)) {
        assertThat(standard.at(id, LocalDate.of(1900, 1, 1))).as(id).hasValueSatisfying(p -> {
          assertThat(p.source()).as("source of %s", id).isNotBlank();
          assertThat(p.since()).isEqualTo(LocalDate.of(1900, 1, 1));
        });
      }
    }
  }
}
