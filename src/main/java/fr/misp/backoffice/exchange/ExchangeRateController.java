package fr.misp.backoffice.exchange;

import fr.misp.backoffice.platform.engine.FrenchText;
import fr.misp.backoffice.platform.security.AllowedGroups;
import fr.misp.backoffice.platform.security.CurrentUser;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.platform.web.InvalidRequestException;
import fr.misp.backoffice.platform.web.PlausibleDates;
import fr.misp.backoffice.rules.ExchangeRate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exchange rates, for the gestionnaires: what a foreign quote is worth in euros on the médecin-conseil's
 * screen. A rate is recorded for a day, with its source (the guide gives none); it is never changed after.
 */
@RestController
@RequestMapping("/api/exchange-rates")
@AllowedGroups(Groups.MANAGERS)
@Tag(name = "Taux de change")
public class ExchangeRateController {

  /** Body of PUT: "1 € = unitsPerEuro" of the currency, and where that rate comes from. */
  public record Rate(
      @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 6) BigDecimal unitsPerEuro,
      @NotBlank @Size(max = 300) String source) {}

  /**
   * One rate: {@code units} of the currency are worth {@code euros} euros from {@code effectiveFrom};
   * {@code parity} says it as a person reads it ("1 € = 655,957 XOF").
   */
  public record View(String currency, LocalDate effectiveFrom, BigDecimal units, BigDecimal euros, String parity,
      String source, String recordedBy, LocalDateTime recordedAt) {}

  private final ExchangeRates rates;

  public ExchangeRateController(ExchangeRates rates) {
    this.rates = rates;
  }

  @GetMapping
  @Operation(summary = "Les taux de change connus, par devise, du plus récent au plus ancien, avec leur source")
  public List<View> all() {
    return rates.all().stream().map(r -> new View(r.rate().currency(), r.rate().effectiveFrom(),
        r.rate().units().stripTrailingZeros(), r.rate().euros().stripTrailingZeros(), FrenchText.parity(r.rate()),
        r.rate().source(), r.recordedBy(), r.recordedAt())).toList();
  }

  @PutMapping("/{currency}/{effectiveFrom}")
  @Operation(summary = "Enregistrer le taux d'une devise à partir d'un jour (1 € = unitsPerEuro), avec sa source")
  public ResponseEntity<View> record(@PathVariable String currency, @PathVariable String effectiveFrom,
      @Valid @RequestBody Rate body, HttpServletRequest request) {
    if (!currency.matches(ExchangeRate.CURRENCY_CODE) || currency.equals("EUR")) {
      throw InvalidRequestException.of("currency", "invalid", "Devise invalide : code ISO 4217 en majuscules, autre que EUR",
          "Invalid currency: an ISO 4217 code in capitals, other than EUR");
    }
    LocalDate day;
    try {
      day = LocalDate.parse(effectiveFrom);
    } catch (DateTimeParseException e) {
      day = null;
    }
    if (day == null || !PlausibleDates.contains(day)) {
      throw InvalidRequestException.of("effectiveFrom", "invalid_date", PlausibleDates.INVALID_FR, PlausibleDates.INVALID_EN);
    }
    if (body.source().chars().anyMatch(Character::isISOControl)) {
      throw InvalidRequestException.of("source", "control_characters", "La source ne peut contenir de caractères de contrôle",
          "The source cannot hold control characters");
    }
    ExchangeRates.Outcome outcome = rates.record(currency, day, body.unitsPerEuro(), body.source().strip(),
        CurrentUser.of(request).id());
    if (outcome == ExchangeRates.Outcome.OTHER_RATE_THAT_DAY) {
      throw InvalidRequestException.of("effectiveFrom", "already_recorded",
          "Un autre taux est déjà enregistré pour cette devise à cette date : il reste tel quel ; enregistrez le nouveau à une autre date",
          "Another rate is recorded for this currency on this day: it stays; record the new one from another day");
    }
    final LocalDate recordedDay = day;
    View view = all().stream().filter(v -> v.currency().equals(currency) && v.effectiveFrom().equals(recordedDay))
        .findFirst().orElseThrow();
    return ResponseEntity.status(outcome == ExchangeRates.Outcome.RECORDED ? HttpStatus.CREATED : HttpStatus.OK).body(view);
  }
}
