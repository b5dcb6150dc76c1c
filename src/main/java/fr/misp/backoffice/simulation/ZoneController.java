package fr.misp.backoffice.simulation;

import fr.misp.backoffice.platform.security.AllowedGroups;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.platform.web.NotFoundException;
import fr.misp.backoffice.rules.zoning.Zonier;
import fr.misp.backoffice.rules.zoning.Zonier.Territory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Zone, recommended offer and claims administrator of a territory (R-ZONE-*, R-PA-3). */
@RestController
@RequestMapping("/api/zones")
@AllowedGroups({Groups.ADVISORS, Groups.MANAGERS, Groups.MEDICAL_ADVISERS, Groups.IMA, Groups.HCS})
@Tag(name = "Zonier")
public class ZoneController {

  private final Zonier zonier;

  public ZoneController(Zonier zonier) {
    this.zonier = zonier;
  }

  /** {@code zone}: "1", "2", "3" or "COM" (null for a DROM); {@code administrator}: null when not abroad. */
  public record ZoneView(String code, String label, String zone, Zonier.Offer offer, Zonier.Administrator administrator) {
    static ZoneView of(Territory t) {
      return new ZoneView(t.code(), t.label(), t.zone() == null ? null : t.zone().code(), t.offer(), t.administrator());
    }
  }

  @GetMapping("/{territoryCode}")
  @Operation(summary = "Zone, offre recommandée et gestionnaire d'un territoire (code ISO 3166-1 ou 3166-2)")
  public ZoneView zone(@Parameter(example = "PT-20") @PathVariable String territoryCode) {
    return zonier.find(territoryCode).map(ZoneView::of).orElseThrow(() -> new NotFoundException(
        "Territoire inconnu du zonier : « " + territoryCode + " » (code ISO 3166-1 alpha-2 ou 3166-2 attendu) / "
            + "Unknown territory: '" + territoryCode + "' (ISO 3166-1 alpha-2 or 3166-2 code expected)"));
  }
}
