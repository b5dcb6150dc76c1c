package fr.misp.backoffice.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The numbers of the explanations, written as in the guide. */
class FrenchFormatTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {"0.77|77 %", "0.70|70 %", "0.155|15,5 %", "1|100 %", "0.6666666666666666666666666666666667|66,67 %"})
  void percent(BigDecimal rate, String text) {
    assertThat(FrenchFormat.percent(rate)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {"20000|20 000 €", "6000.00|6 000 €", "360|360 €", "1200|1 200 €",
      "12124.82|12 124,82 €", "15855.5|15 855,50 €", "1000000|1 000 000 €"})
  void euros(BigDecimal amount, String text) {
    assertThat(FrenchFormat.euros(amount)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {"0.5|0,5", "1.00|1", "20000|20 000"})
  void number(BigDecimal value, String text) {
    assertThat(FrenchFormat.number(value)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {"0.6666666666666666666666666666666667|2/3", "0.5|1/2", "0.75|3/4", "0.6667|66,67 %"})
  void share(BigDecimal share, String text) {
    assertThat(FrenchFormat.share(share)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}..{1} → {2}")
  @CsvSource(delimiter = '|', value = {"1|1|1", "1|2|1 ou 2", "1|3|1, 2 ou 3", "2|3|2 ou 3"})
  void range(int first, int last, String text) {
    assertThat(FrenchFormat.range(first, last)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {"1|1er", "3|3e", "31|31e"})
  void ordinal(int n, String text) {
    assertThat(FrenchFormat.ordinal(n)).isEqualTo(text);
  }
}
