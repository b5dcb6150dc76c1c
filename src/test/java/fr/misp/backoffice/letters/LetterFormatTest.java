package fr.misp.backoffice.letters;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.rules.Parameters;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Amounts and dates in a letter's French, and the appeal route as a dated text parameter. */
class LetterFormatTest {

  private final LetterFormat fmt = new LetterFormat();

  @Test
  void amountsToTheCentWithNonBreakingSpaces() {
    assertThat(fmt.euros(new BigDecimal("1234.56"))).isEqualTo("1\u00A0234,56\u00A0€");
    assertThat(fmt.euros(new BigDecimal("6000"))).isEqualTo("6\u00A0000,00\u00A0€");
    assertThat(fmt.euros(new BigDecimal("0.005"))).isEqualTo("0,01\u00A0€");
    assertThat(fmt.money(new BigDecimal("1234567.5"), "USD")).isEqualTo("1\u00A0234\u00A0567,50\u00A0USD");
    assertThat(fmt.percent(new BigDecimal("0.5"))).isEqualTo("50\u00A0%");
  }

  @Test
  void datesShortAndLong() {
    assertThat(fmt.date(LocalDate.of(2027, 1, 12))).isEqualTo("12/01/2027");
    assertThat(fmt.longDate(LocalDate.of(2027, 1, 12))).isEqualTo("12 janvier 2027");
    assertThat(fmt.longDate(LocalDate.of(2027, 8, 1))).isEqualTo("1 août 2027");
  }

  @Test
  void aCalculatorsLabelInFrench() {
    assertThat(fmt.text("821 × 5907.34 € / 100 ; valeur du point au 2023-07-01, Décret n° 2023-519"))
        .isEqualTo("821 × 5\u00A0907,34 € / 100 ; valeur du point au 01/07/2023, Décret n° 2023-519");
    assertThat(fmt.text("Assiette 1234.5")).isEqualTo("Assiette 1\u00A0234,5");
  }

  @Test
  void theAppealRouteIsATextParameterWithItsSource() {
    Parameters.Text appeal = Parameters.standard().text(LetterComposer.APPEAL_ROUTE, LocalDate.of(2027, 1, 1)).orElseThrow();
    assertThat(appeal.text()).contains("réexamen").contains("médiateur").doesNotContain("\"");
    assertThat(appeal.source()).isNotBlank();
    assertThat(Parameters.standard().text(LetterComposer.APPEAL_ROUTE, LocalDate.of(1899, 12, 31))).isEmpty();
    // A text line is not a number: the numeric parameters still read.
    assertThat(Parameters.standard().at(LetterComposer.APPEAL_ROUTE, LocalDate.of(2027, 1, 1))).isEmpty();
  }
}
