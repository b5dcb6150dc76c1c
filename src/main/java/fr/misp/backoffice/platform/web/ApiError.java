package fr.misp.backoffice.platform.web;

import java.util.List;

/**
 * The error body of every /api answer that is not a success: a status, a message in French and
 * English, and one entry per field at fault.
 */
public record ApiError(int status, String message, List<FieldError> errors) {

  /**
   * @param field the JSON path of the field at fault ("resources[0].annualAmount")
   * @param code a stable English code ("must_not_be_null", "must_be_positive", "unknown_value")
   * @param message the French text shown to an advisor
   * @param messageEn the same in English
   */
  public record FieldError(String field, String code, String message, String messageEn) {}

  public static ApiError of(int status, String message) {
    return new ApiError(status, message, List.of());
  }

  public static ApiError invalid(List<FieldError> errors) {
    return new ApiError(400, "Requête invalide / Invalid request", errors);
  }
}
