package fr.misp.backoffice.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A refusal by a business check (a task listener, the form contract, a guard): what a person reads
 * is only its French message, without the engine's wrapping ("Cannot submit task form …: ENGINE-…"),
 * and the form field it concerns when it names one, so that Tasklist shows it next to that field.
 *
 * <p>Our refusals read "Message en français / english technical text" (parts joined by " ; "): the
 * English half is for logs and API clients and is dropped here. A field is recognised when the
 * English half starts with a variable name ("motivation is required") or the message ends with one
 * in parentheses ("… (beneficiaries)").
 */
public record BusinessRefusal(String message, String field) {

  private static final Pattern ENGLISH_HALF = Pattern.compile(" / ([^/]*)$");
  private static final Pattern FIELD_FIRST = Pattern.compile("^([a-z][A-Za-z0-9]*) (is|are|must|has|needs)\\b.*");
  private static final Pattern FIELD_LAST = Pattern.compile(" \\(([a-z][A-Za-z0-9]*)\\)$");
  private static final Pattern NOT_ENGLISH = Pattern.compile("[^\\x00-\\x7F]");

  /** The business refusal inside an engine failure, if that failure is one. */
  public static Optional<BusinessRefusal> in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BadUserRequestException refused) {
        return Optional.of(of(refused.getMessage()));
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  /** The French half of a "français / English" text, as a person reads it. */
  public static String french(String text) {
    return of(text).message();
  }

  static BusinessRefusal of(String text) {
    List<String> parts = new ArrayList<>();
    String field = null;
    for (String part : (text == null ? "" : text).split(" ; ")) {
      String french = part.strip();
      Matcher english = ENGLISH_HALF.matcher(french);
      if (english.find() && !NOT_ENGLISH.matcher(english.group(1)).find()) {
        french = french.substring(0, english.start()).strip();
        Matcher named = FIELD_FIRST.matcher(english.group(1).strip());
        if (field == null && named.matches()) {
          field = named.group(1);
        }
      }
      Matcher last = FIELD_LAST.matcher(french);
      if (last.find()) {
        field = field == null ? last.group(1) : field;
        french = french.substring(0, last.start()).strip();
      }
      if (!french.isEmpty()) {
        parts.add(french);
      }
    }
    String message = parts.isEmpty() ? "Saisie refusée" : String.join(" ; ", parts);
    return new BusinessRefusal(message, field);
  }
}
