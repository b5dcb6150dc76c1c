package fr.misp.backoffice.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.misp.backoffice.platform.web.InvalidRequestException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A Tasklist start form that is its process's {@code /api} start in another dress: the form's fields become the API's
 * body, checked by the same constraints and by the same application service, which opens the file as the back office.
 * A refusal is the API's French messages, shown by Tasklist next to the form.
 *
 * @param <R> the API's request body
 */
public abstract class ApiStartForm<R> implements StartFormGateway {

  private final Class<R> type;
  private final Set<String> moneyFields;
  private final Validator validator;
  private final ObjectMapper json;

  protected ApiStartForm(Class<R> type, Set<String> moneyFields, Validator validator, ObjectMapper json) {
    this.type = type;
    this.moneyFields = moneyFields;
    this.validator = validator;
    this.json = json;
  }

  /** How a valid request is started: the application service's start; returns the process instance's id. */
  @FunctionalInterface
  public interface Opener<R> {
    String open(R request, CurrentUser user) throws Exception;
  }

  /** A start form whose fields are exactly the API's body. */
  public static <R> ApiStartForm<R> of(String processKey, Class<R> type, Set<String> moneyFields, Validator validator,
      ObjectMapper json, Opener<R> opener) {
    return new ApiStartForm<>(type, moneyFields, validator, json) {
      @Override
      public String processKey() {
        return processKey;
      }

      @Override
      protected String open(R request, CurrentUser user) throws Exception {
        return opener.open(request, user);
      }
    };
  }

  /** Starts a valid request through the application service; returns the process instance's id. */
  protected abstract String open(R request, CurrentUser user) throws Exception;

  /** The body the API expects, from the form's plain values (a form may lay fields out otherwise). */
  protected Map<String, Object> body(Map<String, Object> values) {
    return values;
  }

  @Override
  public final String start(Map<String, Object> formValues, CurrentUser user) {
    Map<String, Object> values = new HashMap<>();
    formValues.forEach((key, value) -> {
      Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
      // An empty select or date in a form-js form is an empty string: the API's "absent"; an amount
      // kept as text by the form (exact decimals) is the API's decimal number.
      Object given = plain instanceof String blank && blank.isBlank() ? null : plain;
      values.put(key, moneyFields.contains(key) && given instanceof String amount ? decimal(amount) : given);
    });
    R request;
    try {
      request = json.convertValue(body(values), type);
    } catch (IllegalArgumentException unreadable) {
      throw new BadUserRequestException("Formulaire illisible : vérifiez les montants, les choix et les dates / "
          + "Unreadable form");
    }
    Set<ConstraintViolation<R>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new BadUserRequestException(String.join(" ; ", violations.stream()
          .map(v -> v.getPropertyPath() + " : " + v.getMessage()).sorted().toList()));
    }
    try {
      return open(request, user);
    } catch (InvalidRequestException invalid) {
      List<String> messages = invalid.errors().stream().map(e -> e.message()).toList();
      // The field of the first refusal, when it is one of the form's (Tasklist writes the message under it).
      String field = invalid.errors().isEmpty() ? null : invalid.errors().get(0).field();
      boolean formField = field != null && field.matches("[a-z][A-Za-z0-9]*") && formValues.containsKey(field);
      throw new BadUserRequestException(String.join(" ; ", messages) + (formField ? " (" + field + ")" : ""));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object decimal(String text) {
    try {
      return new java.math.BigDecimal(text);
    } catch (NumberFormatException notANumber) {
      return text; // refused by the API's validation, with its message
    }
  }
}
