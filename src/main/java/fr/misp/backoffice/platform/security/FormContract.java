package fr.misp.backoffice.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import fr.misp.backoffice.platform.web.PlausibleDates;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What a person may submit with a Camunda Form: the keys of its input fields that are neither
 * disabled nor read-only (form-js submits exactly those), each with the type of value it takes.
 * Anything else in a submission — a variable the form does not declare, a computed value, a value of
 * the wrong type, an option the form does not offer, control characters, an oversized text — is
 * refused with a French message that names the field and never quotes the value.
 */
public final class FormContract {

  /** The field types of form-js that submit a value. */
  static final Set<String> INPUT_TYPES =
      Set.of("textfield", "textarea", "number", "checkbox", "checklist", "radio", "select", "taglist", "datetime");

  /** Lengths when a form sets none: a one-line field, and a free text. */
  static final int DEFAULT_TEXTFIELD_LENGTH = 255;
  static final int DEFAULT_TEXTAREA_LENGTH = 4000;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One input field of the form. */
  public record Field(String key, String label, String type, Set<String> options, int maxLength, boolean asText) {}

  private final Map<String, Field> fields;

  private FormContract(Map<String, Field> fields) {
    this.fields = fields;
  }

  /** A task or start event without a form accepts nothing. */
  public static FormContract none() {
    return new FormContract(Map.of());
  }

  public static FormContract parse(InputStream formJson) {
    try (InputStream in = formJson) {
      Map<String, Field> fields = new LinkedHashMap<>();
      collect(JSON.readTree(in).path("components"), fields);
      return new FormContract(fields);
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable form definition", e);
    }
  }

  private static void collect(JsonNode components, Map<String, Field> into) {
    for (JsonNode component : components) {
      collect(component.path("components"), into);
      String type = component.path("type").asText();
      String key = component.path("key").asText(null);
      if (key == null || !INPUT_TYPES.contains(type) || component.path("disabled").asBoolean(false)
          || component.path("readonly").asBoolean(false)) {
        continue;
      }
      Set<String> options = new java.util.LinkedHashSet<>();
      component.path("values").forEach(v -> options.add(v.path("value").asText()));
      int defaultLength = "textarea".equals(type) ? DEFAULT_TEXTAREA_LENGTH : DEFAULT_TEXTFIELD_LENGTH;
      int maxLength = component.path("validate").path("maxLength").asInt(defaultLength);
      // A number field that keeps its value as text (money: exact decimals, see ProcessVariable.money).
      boolean asText = component.path("serializeToString").asBoolean(false);
      into.put(key, new Field(key, component.path("label").asText(key), type, options, maxLength, asText));
    }
  }

  public Set<String> keys() {
    return fields.keySet();
  }

  /** @return one French/English message per refused field; empty when the submission is acceptable. */
  public List<String> check(Map<String, ?> submitted) {
    List<String> problems = new ArrayList<>();
    if (submitted == null) {
      return problems;
    }
    for (String name : submitted.keySet()) {
      Field field = fields.get(name);
      if (field == null) {
        problems.add("Champ non prévu par le formulaire : " + safeName(name) + " / Field not in the form");
        continue;
      }
      // A VariableMap hands out plain values, which fails on a serialized object: read it typed.
      Object value = submitted instanceof VariableMap typed ? typed.getValueTyped(name) : submitted.get(name);
      String problem = checkValue(field, value);
      if (problem != null) {
        problems.add("« " + field.label() + " » : " + problem);
      }
    }
    return problems;
  }

  private static String checkValue(Field field, Object submitted) {
    Object value = submitted;
    if (submitted instanceof TypedValue typed) {
      // Untyped values have no type; typed ones must be primitive (no Object, Json, Bytes or File).
      // An empty field comes as a null value (type Null): nothing to check, as for a plain null.
      if (ValueType.NULL.equals(typed.getType())) {
        return null;
      }
      if (typed.getType() != null && !(typed instanceof PrimitiveValue<?>)) {
        return "type de valeur non admis / value type not allowed";
      }
      value = typed.getValue();
    }
    if (value == null) {
      return null;
    }
    switch (field.type()) {
      case "number":
        if (field.asText() && value instanceof String text) {
          return text.isEmpty() || text.matches("-?\\d{1,12}(\\.\\d{1,6})?") ? null
              : "nombre attendu (chiffres, point décimal) / a number is expected";
        }
        if (!(value instanceof Number number) || !isFinite(number)) {
          return "nombre attendu / a number is expected";
        }
        return null;
      case "checkbox":
        return value instanceof Boolean ? null : "case à cocher : vrai ou faux attendu / true or false expected";
      case "radio":
      case "select":
        // A yes/no question asked as two options ("true", "false") takes a system's boolean too.
        if (value instanceof Boolean && field.options().equals(Set.of("true", "false"))) {
          return null;
        }
        if (!(value instanceof String text)) {
          return "choix attendu / a choice is expected";
        }
        return text.isEmpty() || field.options().contains(text) ? null
            : "choix non proposé par le formulaire / not one of the form's options";
      case "datetime":
        if (!(value instanceof String text)) {
          return "date attendue (AAAA-MM-JJ) / a date is expected";
        }
        return text.isEmpty() ? null : checkDate(text);
      case "textfield":
      case "textarea":
        if (!(value instanceof String text)) {
          return "texte attendu / text is expected";
        }
        if (text.length() > field.maxLength()) {
          return "texte trop long (" + field.maxLength() + " caractères au plus) / text too long (at most "
              + field.maxLength() + " characters)";
        }
        return hasControlCharacters(text, "textarea".equals(field.type()))
            ? "caractères de contrôle interdits / control characters are not allowed" : null;
      default:
        // checklist, taglist: lists of options, none used by our forms yet; refuse rather than guess.
        return "type de champ non pris en charge / field type not supported";
    }
  }

  private static boolean isFinite(Number number) {
    if (number instanceof Double d) {
      return Double.isFinite(d);
    }
    if (number instanceof Float f) {
      return Float.isFinite(f);
    }
    return number instanceof Integer || number instanceof Long || number instanceof Short
        || number instanceof BigDecimal;
  }

  private static String checkDate(String text) {
    try {
      LocalDate date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
      return PlausibleDates.contains(date) ? null : PlausibleDates.message();
    } catch (DateTimeParseException e) {
      return "date attendue (AAAA-MM-JJ) / a date is expected (YYYY-MM-DD)";
    }
  }

  /** Line breaks and tabs belong in a free text; no other control character belongs anywhere. */
  public static boolean hasControlCharacters(String text, boolean multiline) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed = multiline && (c == '\n' || c == '\r' || c == '\t');
      if (!allowed && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
        return true;
      }
    }
    return false;
  }

  /** A variable name is echoed only when it looks like one (it is the caller's, not a value). */
  private static String safeName(String name) {
    return name != null && name.matches("[A-Za-z][A-Za-z0-9_]{0,60}") ? name : "(nom invalide)";
  }
}
