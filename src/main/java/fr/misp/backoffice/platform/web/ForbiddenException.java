package fr.misp.backoffice.platform.web;

/** Answered 403: the caller's group may use the endpoint, but not on this record. */
public class ForbiddenException extends RuntimeException {
  public ForbiddenException(String message) {
    super(message);
  }
}
