package fr.misp.backoffice.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import fr.misp.backoffice.platform.web.ApiError.FieldError;
import fr.misp.backoffice.rules.RuleViolation;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure of an /api call into a clear JSON answer: 400 with field errors, never a bare 500. */
@RestControllerAdvice(basePackages = "fr.misp.backoffice")
public class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e) {
    List<FieldError> errors = new ArrayList<>();
    e.getBindingResult().getFieldErrors().forEach(f -> errors.add(Messages.fieldError(f.getField(), f.getCode(), f.getDefaultMessage())));
    e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(Messages.fieldError(g.getObjectName(), g.getCode(), g.getDefaultMessage())));
    return ResponseEntity.badRequest().body(ApiError.invalid(errors));
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ApiError> businessInvalid(InvalidRequestException e) {
    return ResponseEntity.badRequest().body(ApiError.invalid(e.errors()));
  }

  @ExceptionHandler(RuleViolation.class)
  ResponseEntity<ApiError> ruleViolation(RuleViolation e) {
    return ResponseEntity.badRequest().body(ApiError.invalid(e.problems().stream()
        .map(p -> new FieldError(p.field(), p.code(), p.message(), p.messageEn())).toList()));
  }

  @ExceptionHandler(MismatchingMessageCorrelationException.class)
  ResponseEntity<ApiError> noOneWaits(MismatchingMessageCorrelationException e) {
    return ResponseEntity.badRequest().body(ApiError.invalid(List.of(new FieldError("status", "not_waiting",
        "Le dossier n'attend pas cet événement", "The file is not waiting for this event"))));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ApiError> invalidParameter(ConstraintViolationException e) {
    List<FieldError> errors = e.getConstraintViolations().stream()
        .map(v -> Messages.fieldError(v.getPropertyPath().toString(), v.getConstraintDescriptor()
            .getAnnotation().annotationType().getSimpleName(), v.getMessage()))
        .toList();
    return ResponseEntity.badRequest().body(ApiError.invalid(errors));
  }

  /** A body that cannot be read: the field is named, the value is never quoted back. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof InvalidFormatException format) {
      String field = path(format);
      Class<?> target = format.getTargetType();
      if (target != null && target.isEnum()) {
        String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        return invalid(field, "unknown_value", "Valeur inconnue ; valeurs admises : " + allowed,
            "Unknown value; allowed: " + allowed);
      }
      if (target == LocalDate.class) {
        return invalid(field, "invalid_date", PlausibleDates.INVALID_FR, PlausibleDates.INVALID_EN);
      }
      if (target == String.class) {
        return invalid(field, "control_characters", "Caractères de contrôle interdits dans un texte",
            "Control characters are not allowed in text");
      }
      return invalid(field, "invalid_format", "Format invalide", "Invalid format");
    }
    if (cause instanceof MismatchedInputException mismatch) {
      return invalid(path(mismatch), "invalid_type", "Type de valeur invalide (texte, nombre entier, décimal ou "
          + "booléen attendu selon le champ)", "Invalid value type");
    }
    if (cause instanceof JsonMappingException mapping) {
      return invalid(path(mapping), "invalid_value", "Valeur invalide", "Invalid value");
    }
    return invalid("body", "unreadable", "Corps de requête illisible (JSON attendu)",
        "Unreadable request body (JSON expected)");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> badPathValue(MethodArgumentTypeMismatchException e) {
    return invalid(e.getName(), "invalid_format", "Valeur invalide", "Invalid value");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
    return invalid(e.getParameterName(), "must_not_be_null", "Paramètre obligatoire", "Required parameter");
  }

  /** An upload over the servlet's multipart limit (documents: a 400 on the file, as the documents' own check). */
  @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> uploadTooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
    return invalid("file", "too_large", "Le fichier est trop volumineux", "The file is too large");
  }

  /** A multipart body that cannot be read. */
  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ResponseEntity<ApiError> badMultipart(org.springframework.web.multipart.MultipartException e) {
    return invalid("file", "invalid_format", "Envoi de fichier illisible (multipart/form-data attendu)",
        "Unreadable upload (multipart/form-data expected)");
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ApiError> invalidParameters(HandlerMethodValidationException e) {
    List<FieldError> errors = new ArrayList<>();
    e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(error -> errors.add(
        Messages.fieldError(r.getMethodParameter().getParameterName(), error.getCodes() == null ? "invalid"
            : error.getCodes()[error.getCodes().length - 1], error.getDefaultMessage()))));
    return ResponseEntity.badRequest().body(ApiError.invalid(errors));
  }

  private static ResponseEntity<ApiError> invalid(String field, String code, String message, String messageEn) {
    return ResponseEntity.badRequest().body(ApiError.invalid(List.of(new FieldError(field, code, message, messageEn))));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ApiError> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of(404, e.getMessage()));
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<ApiError> forbiddenRecord(ForbiddenException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiError.of(403, e.getMessage()));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> noRoute(NoResourceFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of(404, "Ressource inconnue / Unknown resource"));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(ApiError.of(405, "Méthode non permise / Method not allowed"));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
        .body(ApiError.of(415, "Format non supporté (application/json attendu) / Unsupported media type (application/json expected)"));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ApiError> forbidden(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(ApiError.of(403, "Accès refusé par les autorisations Camunda / Forbidden by Camunda authorizations"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    if (DatabaseUnavailable.isCause(e)) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
          .body(ApiError.of(503, DatabaseUnavailable.MESSAGE));
    }
    // The exception's class only: a message may quote what the caller sent (a value, a medical note).
    LOG.error("Unexpected error in an /api call: {}", e.getClass().getName());
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(ApiError.of(500, "Erreur technique, l'incident est journalisé / Technical error, it has been logged"));
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }
}
