package fr.misp.backoffice.network;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An establishment of the MGEN International medical network (R-PA-4). */
public record Establishment(
    @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9-]+") String id,
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Pattern(regexp = "[A-Z]{2}(-[A-Z0-9]{1,3})?") String country,
    @NotBlank @Size(max = 100) String city) {

  /** As a person names it: "Hospital Universitario La Paz, Madrid (Espagne)". */
  public String inWords() {
    return name + ", " + city + " (" + fr.misp.backoffice.platform.engine.FrenchText.country(country) + ")";
  }
}
