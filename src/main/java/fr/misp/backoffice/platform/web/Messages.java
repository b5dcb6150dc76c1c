package fr.misp.backoffice.platform.web;

import fr.misp.backoffice.platform.web.ApiError.FieldError;
import java.util.Map;

/** French and English texts of the bean-validation constraints used by the API. */
final class Messages {

  private static final Map<String, String[]> BY_CODE = Map.of(
      "NotNull", new String[] {"must_not_be_null", "Champ obligatoire", "Required field"},
      "NotBlank", new String[] {"must_not_be_blank", "Champ obligatoire", "Required field"},
      "NotEmpty", new String[] {"must_not_be_empty", "Au moins une valeur est requise", "At least one value is required"},
      "PositiveOrZero", new String[] {"must_not_be_negative", "Le montant ne peut pas être négatif", "Must not be negative"},
      "Positive", new String[] {"must_be_positive", "Doit être strictement positif", "Must be greater than zero"},
      "Min", new String[] {"too_small", "Valeur trop petite", "Value too small"},
      "Max", new String[] {"too_large", "Valeur trop grande", "Value too large"},
      "DecimalMax", new String[] {"too_large", "Valeur trop grande", "Value too large"},
      "DecimalMin", new String[] {"too_small", "Valeur trop petite", "Value too small"},
      "Digits", new String[] {"too_many_decimals", "Au plus deux décimales (centimes)", "At most two decimals (cents)"});

  private Messages() {}

  static FieldError fieldError(String field, String constraint, String defaultMessage) {
    String[] known = constraint == null ? null : BY_CODE.get(constraint);
    if (known == null) {
      String text = defaultMessage == null ? "Valeur invalide" : defaultMessage;
      return new FieldError(field, constraint == null ? "invalid" : constraint, text, text);
    }
    String detail = defaultMessage != null && (constraint.equals("Min") || constraint.equals("Max")
        || constraint.startsWith("Decimal")) ? " (" + defaultMessage + ")" : "";
    return new FieldError(field, known[0], known[1] + detail, known[2] + detail);
  }
}
