package fr.misp.backoffice.rules.zoning;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The guide's zonier (R-ZONE-1, R-ZONE-2) and the administrator of each territory (R-PA-3), read
 * from {@code rules/zonier.csv}, data the business may edit. A territory named in the guide beats
 * a generic group that also contains it; an unknown ISO 3166-2 subdivision falls back to its country.
 */
public final class Zonier {

  public enum Zone {
    ZONE_1("1", Offer.AMBRE), ZONE_2("2", Offer.CYAN), ZONE_3("3", Offer.MAGENTA), COM("COM", Offer.OUTREMER);

    private final String code;
    private final Offer offer;

    Zone(String code, Offer offer) {
      this.code = code;
      this.offer = offer;
    }

    public String code() {
      return code;
    }

    /** R-ZONE-1: the offer recommended in the zone. */
    public Offer offer() {
      return offer;
    }

    static Zone of(String code) {
      return Arrays.stream(values()).filter(z -> z.code.equals(code)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("Unknown zone " + code));
    }
  }

  public enum Offer { AMBRE, CYAN, MAGENTA, OUTREMER }

  public enum Administrator { IMA, HCS }

  public enum Kind { NAMED, GROUP, DROM }

  /** One entry of the guide (or a DROM): its French label and the territory codes it covers. */
  public record Entry(String label, Zone zone, String list, List<String> codes, Administrator administrator, Kind kind) {}

  /**
   * What a territory code resolves to. {@code zone} and {@code offer} are null for the DROM;
   * {@code administrator} is null for metropolitan France and the DROM, which are not abroad.
   */
  public record Territory(String code, String label, Zone zone, Offer offer, Administrator administrator,
      boolean abroad) {}

  private final List<Entry> entries;

  private Zonier(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public static Zonier standard() {
    try (InputStream in = Zonier.class.getResourceAsStream("/rules/zonier.csv")) {
      if (in == null) {
        throw new IllegalStateException("rules/zonier.csv is missing from the classpath");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Zonier parse(List<String> lines) {
    List<Entry> parsed = new ArrayList<>();
    boolean header = true;
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (header) {
        header = false;
        continue;
      }
      String[] c = line.split(";", -1);
      parsed.add(new Entry(c[0], c[1].isEmpty() ? null : Zone.of(c[1]), c[2],
          Arrays.stream(c[3].split(",")).map(String::trim).toList(),
          "NONE".equals(c[4]) ? null : Administrator.valueOf(c[4]), Kind.valueOf(c[5])));
    }
    return new Zonier(parsed);
  }

  public List<Entry> entries() {
    return entries;
  }

  /** The territory of an ISO code, named entries first; empty when the guide does not know it. */
  public Optional<Territory> find(String territoryCode) {
    if (territoryCode == null || territoryCode.isBlank()) {
      return Optional.empty();
    }
    String code = territoryCode.trim().toUpperCase(Locale.ROOT);
    Optional<Entry> entry = entries.stream()
        .filter(e -> e.codes().contains(code))
        .min(Comparator.comparing(Entry::kind));
    if (entry.isEmpty() && code.contains("-")) {
      return find(code.substring(0, code.indexOf('-')));
    }
    return entry.map(e -> new Territory(code, e.label(), e.zone(), e.zone() == null ? null : e.zone().offer(),
        e.administrator(), e.administrator() != null));
  }
}
