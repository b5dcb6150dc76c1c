package fr.misp.backoffice.platform.web;

import fr.misp.backoffice.platform.web.ApiError.FieldError;
import java.util.List;

/** A request that is well-formed but breaks a business limit; answered 400 with its field errors. */
public class InvalidRequestException extends RuntimeException {

  private final transient List<FieldError> errors;

  public InvalidRequestException(List<FieldError> errors) {
    super(errors.toString());
    this.errors = List.copyOf(errors);
  }

  public static InvalidRequestException of(String field, String code, String message, String messageEn) {
    return new InvalidRequestException(List.of(new FieldError(field, code, message, messageEn)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
