package fr.misp.backoffice.payment;

import java.util.Locale;
import org.iban4j.BicUtil;
import org.iban4j.IbanUtil;

/**
 * A payee's bank account as a SEPA credit transfer needs it: an IBAN whose check digits and country
 * format are right (iban4j), and a BIC when one is given. Spaces are dropped and letters upper-cased;
 * nothing else is corrected.
 */
public record BankDetails(String iban, String bic) {

  /** @return the details in electronic form, or empty when the IBAN (or a given BIC) is not valid. */
  public static java.util.Optional<BankDetails> of(String iban, String bic) {
    if (iban == null || iban.isBlank()) {
      return java.util.Optional.empty();
    }
    String electronic = iban.replace(" ", "").toUpperCase(Locale.ROOT);
    String bicElectronic = bic == null || bic.isBlank() ? null : bic.replace(" ", "").toUpperCase(Locale.ROOT);
    try {
      IbanUtil.validate(electronic);
      if (bicElectronic != null) {
        BicUtil.validate(bicElectronic);
      }
    } catch (RuntimeException invalid) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new BankDetails(electronic, bicElectronic));
  }
}
