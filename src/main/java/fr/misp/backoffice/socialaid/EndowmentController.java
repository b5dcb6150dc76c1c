package fr.misp.backoffice.socialaid;

import fr.misp.backoffice.platform.security.AllowedGroups;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.platform.web.InvalidRequestException;
import fr.misp.backoffice.platform.web.NotFoundException;
import fr.misp.backoffice.socialaid.Endowments.Endowment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Agencies' annual endowments (R-AS-5), for gestionnaires. */
@RestController
@RequestMapping("/api/endowments")
@AllowedGroups(Groups.MANAGERS)
@Tag(name = "Dotations")
public class EndowmentController {

  /** Body of PUT. */
  public record Amount(@NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal amount) {}

  /** {@code remaining} = amount − reserved. */
  public record View(BigDecimal amount, BigDecimal reserved, BigDecimal paid, BigDecimal remaining) {
    static View of(Endowment e) {
      return new View(e.amount().setScale(2), e.reserved().setScale(2), e.paid().setScale(2), e.remaining().setScale(2));
    }
  }

  private final Endowments endowments;

  public EndowmentController(Endowments endowments) {
    this.endowments = endowments;
  }

  @PutMapping("/{agencyCode}/{year}")
  @Operation(summary = "Fixer la dotation annuelle d'une agence (jamais sous le montant déjà réservé)")
  public View set(@PathVariable String agencyCode, @PathVariable int year, @Valid @RequestBody Amount body) {
    if (year < 2000 || year > 2100) {
      throw InvalidRequestException.of("year", "out_of_range", "Année invalide", "Invalid year");
    }
    if (!endowments.set(agencyCode, year, body.amount().setScale(2))) {
      throw InvalidRequestException.of("amount", "below_reserved", "La dotation ne peut descendre sous le montant déjà réservé",
          "The endowment cannot go below what is already reserved");
    }
    return get(agencyCode, year);
  }

  /** One line of the dashboard. */
  public record Line(String agencyCode, BigDecimal amount, BigDecimal reserved, BigDecimal paid, BigDecimal remaining) {}

  @GetMapping
  @Operation(summary = "Tableau de bord : les dotations de toutes les agences pour une année")
  public java.util.List<Line> dashboard(@org.springframework.web.bind.annotation.RequestParam int year) {
    return endowments.ofYear(year).stream().map(e -> new Line(e.agencyCode(), e.amount().setScale(2), e.reserved().setScale(2),
        e.paid().setScale(2), e.remaining().setScale(2))).toList();
  }

  @GetMapping("/{agencyCode}/{year}")
  @Operation(summary = "Dotation, réservé, payé, restant")
  public View get(@PathVariable String agencyCode, @PathVariable int year) {
    return endowments.find(agencyCode, year).map(View::of).orElseThrow(() -> new NotFoundException(
        "Pas de dotation pour cette agence cette année / No endowment for this agency and year"));
  }
}
