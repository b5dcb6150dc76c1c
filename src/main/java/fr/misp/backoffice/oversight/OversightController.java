package fr.misp.backoffice.oversight;

import fr.misp.backoffice.platform.engine.ProcessKeys;
import fr.misp.backoffice.platform.engine.ProcessVariable;
import fr.misp.backoffice.platform.security.AllowedGroups;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.platform.web.InvalidRequestException;
import fr.misp.backoffice.platform.web.NotFoundException;
import fr.misp.backoffice.platform.web.PlausibleDates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The managers' views in Cockpit (the "Suivi" plugin): finished files and their history, the agencies'
 * endowments, late files, the money. Read only: setting an endowment and approving an order go through
 * their own APIs and rules. No medical detail in any answer.
 */
@RestController
@RequestMapping("/api/oversight")
@AllowedGroups({Groups.MANAGERS, Groups.ADMINS})
@Tag(name = "Suivi des gestionnaires")
public class OversightController {

  /** Business keys, member ids and agency codes are plain references. */
  private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9:_.\\-]{1,100}");

  private final FinishedFiles files;
  private final AgencyEndowments endowments;
  private final LateFiles late;
  private final MoneyOverview money;

  public OversightController(FinishedFiles files, AgencyEndowments endowments, LateFiles late, MoneyOverview money) {
    this.files = files;
    this.endowments = endowments;
    this.late = late;
    this.money = money;
  }

  @GetMapping("/files")
  @Operation(summary = "Dossiers terminés : par référence, adhérent, processus, date de dépôt (200 au plus)")
  public List<FinishedFiles.Row> search(@RequestParam(required = false) String businessKey,
      @RequestParam(required = false) String memberId, @RequestParam(required = false) String process,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    if (process != null && !process.isBlank() && !ProcessKeys.ALL.contains(process)) {
      throw InvalidRequestException.of("process", "unknown_process", "Processus inconnu", "Unknown process");
    }
    LocalDate fromDay = day("from", from);
    LocalDate toDay = day("to", to);
    if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
      throw InvalidRequestException.of("to", "before_from", "La date de fin précède la date de début",
          "The end date is before the start date");
    }
    return files.search(new FinishedFiles.Criteria(reference("businessKey", businessKey), reference("memberId", memberId),
        blankToNull(process), fromDay, toDay));
  }

  @GetMapping("/files/{businessKey}")
  @Operation(summary = "Un dossier terminé : décision, montants, bénéficiaires, étapes (qui, quand)")
  public FinishedFiles.File file(@PathVariable String businessKey) {
    return files.file(reference("businessKey", businessKey)).orElseThrow(() ->
        new NotFoundException("Dossier terminé inconnu / Unknown finished file"));
  }

  @GetMapping("/endowments")
  @Operation(summary = "Dotations des agences pour une année : dotation, réservé, payé, restant")
  public List<AgencyEndowments.Line> endowments(@RequestParam int year) {
    if (year < 2000 || year > 2100) {
      throw InvalidRequestException.of("year", "out_of_range", "Année invalide", "Invalid year");
    }
    return endowments.ofYear(year);
  }

  @GetMapping("/late-files")
  @Operation(summary = "Dossiers en retard sur leur échéance, par processus et par étape")
  public LateFiles.View lateFiles() {
    return late.now();
  }

  @GetMapping("/money")
  @Operation(summary = "Ordres à approuver, lots envoyés, retours et rejets, prêts en impayé")
  public MoneyOverview.View money() {
    return money.on(LocalDate.now(ProcessVariable.PARIS));
  }

  private static String reference(String field, String value) {
    String trimmed = blankToNull(value);
    if (trimmed != null && !REFERENCE.matcher(trimmed).matches()) {
      throw InvalidRequestException.of(field, "invalid_reference", "Référence invalide", "Invalid reference");
    }
    return trimmed;
  }

  private static LocalDate day(String field, String value) {
    String trimmed = blankToNull(value);
    if (trimmed == null) {
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(trimmed);
      if (PlausibleDates.contains(day)) {
        return day;
      }
    } catch (DateTimeParseException e) {
      // answered below, without the value
    }
    throw InvalidRequestException.of(field, "invalid_date", "Date invalide (AAAA-MM-JJ)", "Invalid date (YYYY-MM-DD)");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
