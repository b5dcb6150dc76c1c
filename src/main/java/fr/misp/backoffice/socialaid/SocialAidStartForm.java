package fr.misp.backoffice.socialaid;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.misp.backoffice.platform.engine.ProcessKeys;
import fr.misp.backoffice.platform.security.CurrentUser;
import fr.misp.backoffice.platform.security.StartFormGateway;
import fr.misp.backoffice.platform.web.InvalidRequestException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The Tasklist start form of {@code socialAid} is the API's start in another dress: its fields become
 * the API's body, checked by the same constraints and by {@link SocialAidService#start} (member,
 * advisor's agency, limits), which opens the file with the API's business key, as the back office.
 */
@Component
public class SocialAidStartForm implements StartFormGateway {

  /** The form's amounts, which it keeps as text. */
  static final java.util.Set<String> MONEY_FIELDS = java.util.Set.of(SocialAidVariables.REQUESTED_AMOUNT.name(),
      SocialAidVariables.MONTHLY_RESOURCES.name(), SocialAidVariables.MONTHLY_CHARGES.name());

  private final SocialAidService service;
  private final Validator validator;
  private final ObjectMapper json;

  public SocialAidStartForm(SocialAidService service, Validator validator, ObjectMapper json) {
    this.service = service;
    this.validator = validator;
    this.json = json;
  }

  @Override
  public String processKey() {
    return ProcessKeys.SOCIAL_AID;
  }

  @Override
  public String start(Map<String, Object> formValues, CurrentUser user) {
    Map<String, Object> body = new HashMap<>();
    formValues.forEach((key, value) -> {
      Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
      // An empty select or date in a form-js form is an empty string: the API's "absent"; an amount
      // kept as text by the form (exact decimals) is the API's decimal number.
      Object given = plain instanceof String blank && blank.isBlank() ? null : plain;
      body.put(key, MONEY_FIELDS.contains(key) && given instanceof String amount ? decimal(amount) : given);
    });
    SocialAidRequest request;
    try {
      request = json.convertValue(body, SocialAidRequest.class);
    } catch (IllegalArgumentException unreadable) {
      throw new BadUserRequestException("Formulaire illisible : vérifiez les montants, les choix et les dates / "
          + "Unreadable form");
    }
    Set<ConstraintViolation<SocialAidRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new BadUserRequestException(String.join(" ; ", violations.stream()
          .map(v -> v.getPropertyPath() + " : " + v.getMessage()).sorted().toList()));
    }
    try {
      return service.start(request, user).getKey().id();
    } catch (InvalidRequestException invalid) {
      List<String> messages = invalid.errors().stream().map(e -> e.message()).toList();
      throw new BadUserRequestException(String.join(" ; ", messages));
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
