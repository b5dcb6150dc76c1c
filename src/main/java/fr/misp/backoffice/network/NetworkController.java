package fr.misp.backoffice.network;

import fr.misp.backoffice.platform.security.AllowedGroups;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.platform.web.InvalidRequestException;
import fr.misp.backoffice.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The medical network: read by those who build and decide files, maintained by gestionnaires only. */
@RestController
@RequestMapping("/api/network-establishments")
@Tag(name = "Réseau médical")
public class NetworkController {

  private final MedicalNetwork network;

  public NetworkController(MedicalNetwork network) {
    this.network = network;
  }

  @GetMapping
  @AllowedGroups({Groups.ADVISORS, Groups.MANAGERS, Groups.MEDICAL_ADVISERS, Groups.IMA, Groups.HCS})
  @Operation(summary = "Les établissements du réseau dans un pays")
  public List<Establishment> inCountry(@RequestParam String country) {
    return network.inCountry(country.trim().toUpperCase(Locale.ROOT));
  }

  @PostMapping
  @AllowedGroups(Groups.MANAGERS)
  @Operation(summary = "Ajouter un établissement au réseau")
  public ResponseEntity<Establishment> create(@Valid @RequestBody Establishment establishment) {
    if (!network.create(establishment)) {
      throw InvalidRequestException.of("id", "already_exists", "Cet identifiant existe déjà", "This id already exists");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(establishment);
  }

  @PutMapping("/{id}")
  @AllowedGroups(Groups.MANAGERS)
  @Operation(summary = "Modifier un établissement du réseau")
  public Establishment update(@PathVariable String id, @Valid @RequestBody Establishment establishment) {
    if (!id.equals(establishment.id())) {
      throw InvalidRequestException.of("id", "id_mismatch", "L'identifiant du corps diffère de celui du chemin",
          "The body id differs from the path id");
    }
    if (!network.update(establishment)) {
      throw new NotFoundException("Établissement inconnu du réseau / Unknown establishment");
    }
    return establishment;
  }

  @DeleteMapping("/{id}")
  @AllowedGroups(Groups.MANAGERS)
  @Operation(summary = "Retirer un établissement du réseau")
  public ResponseEntity<Void> delete(@PathVariable String id) {
    if (!network.delete(id)) {
      throw new NotFoundException("Établissement inconnu du réseau / Unknown establishment");
    }
    return ResponseEntity.noContent().build();
  }
}
