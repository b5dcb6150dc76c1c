package fr.misp.backoffice.payment;

import java.text.Normalizer;

/**
 * Text as the EPC SEPA rulebook lets it travel (the Latin character set: a–z, A–Z, 0–9 and
 * / - ? : ( ) . , ' + and space): accents dropped ("Aîné" → "Aine"), any other character becomes a
 * space, and the text is cut to the field's length.
 */
final class SepaText {

  private SepaText() {}

  static String of(String text, int maxLength) {
    String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String allowed = plain.replaceAll("[^A-Za-z0-9/\\-?:().,'+ ]", " ").replaceAll(" {2,}", " ").strip();
    return allowed.length() <= maxLength ? allowed : allowed.substring(0, maxLength).strip();
  }

  static boolean isSepa(String text) {
    return text != null && text.matches("[A-Za-z0-9/\\-?:().,'+ ]*");
  }
}
