package fr.misp.backoffice.rules.zoning;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.rules.zoning.Zonier.Administrator;
import fr.misp.backoffice.rules.zoning.Zonier.Entry;
import fr.misp.backoffice.rules.zoning.Zonier.Kind;
import fr.misp.backoffice.rules.zoning.Zonier.Offer;
import fr.misp.backoffice.rules.zoning.Zonier.Territory;
import fr.misp.backoffice.rules.zoning.Zonier.Zone;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R-ZONE-1, R-ZONE-2, R-PA-3. Source: guide, "Zonier géographique" (two pages), copied in guide/zonier.txt. */
class ZonierTest {

  private final Zonier zonier = Zonier.standard();

  /** Block key ("AMERICAS 1") → the guide's text of that block, line breaks and hyphenation undone. */
  static Map<String, String> guideBlocks() throws IOException {
    Map<String, String> blocks = new HashMap<>();
    try (InputStream in = ZonierTest.class.getResourceAsStream("/guide/zonier.txt")) {
      String key = null;
      StringBuilder text = new StringBuilder();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("== ")) {
          if (key != null) {
            blocks.put(key, text.toString());
          }
          key = line.substring(3).trim();
          text.setLength(0);
        } else if (text.length() > 0 && text.charAt(text.length() - 1) == '-') {
          text.append(line.trim()); // "Bosnie-" + "Herzégovine"
        } else {
          text.append(text.length() > 0 ? " " : "").append(line.trim());
        }
      }
      blocks.put(key, text.toString());
    }
    blocks.replaceAll((k, v) -> v.replaceAll("[\\s\\u00A0]+", " ").trim()); // the guide has no-break spaces
    return blocks;
  }

  @Test
  void everyNameOfTheGuidesZonierIsPresentExactlyOnceInItsZone() throws IOException {
    Map<String, String> blocks = guideBlocks();
    assertThat(blocks).hasSize(8);
    Map<String, List<Entry>> byBlock = zonier.entries().stream().filter(e -> e.kind() != Kind.DROM)
        .collect(Collectors.groupingBy(e -> e.list() + " " + e.zone().code()));
    assertThat(byBlock.keySet()).isEqualTo(blocks.keySet());
    for (Map.Entry<String, String> block : blocks.entrySet()) {
      String rest = block.getValue();
      // Longest labels first, so "Congo (République Démocratique)" goes before "Congo".
      List<Entry> entries = new ArrayList<>(byBlock.get(block.getKey()));
      entries.sort(Comparator.comparing((Entry e) -> e.label().length()).reversed());
      for (Entry entry : entries) {
        int at = rest.indexOf(entry.label());
        assertThat(at).as("'%s' is in the guide's block %s", entry.label(), block.getKey()).isGreaterThanOrEqualTo(0);
        rest = rest.substring(0, at) + "|" + rest.substring(at + entry.label().length());
        assertThat(rest).as("'%s' appears only once in block %s", entry.label(), block.getKey()).doesNotContain(entry.label());
      }
      assertThat(rest.replaceAll("[|,\\s]", "")).as("names of block %s left without an entry", block.getKey()).isEmpty();
    }
    List<String> labels = zonier.entries().stream().map(Entry::label).toList();
    assertThat(labels).doesNotHaveDuplicates();
  }

  @Test
  void aNamedTerritoryBeatsTheGenericGroupThatContainsIt() {
    // Anguilla is named in zone 2 and belongs to "Territoires du Royaume-Uni aux Antilles" (zone 3).
    Territory anguilla = zonier.find("AI").orElseThrow();
    assertThat(anguilla.zone()).isEqualTo(Zone.ZONE_2);
    assertThat(anguilla.label()).isEqualTo("Anguilla");
    // South Georgia: named zone 2, and in the UK South Atlantic group (zone 3).
    assertThat(zonier.find("GS").orElseThrow().zone()).isEqualTo(Zone.ZONE_2);
    // Aruba is named nowhere: the Dutch overseas group gives its zone.
    Territory aruba = zonier.find("AW").orElseThrow();
    assertThat(aruba.zone()).isEqualTo(Zone.ZONE_2);
    assertThat(aruba.label()).isEqualTo("Territoires néerlandais d'outre-mer");
    assertThat(zonier.find("UM").orElseThrow().zone()).isEqualTo(Zone.ZONE_3);
  }

  @Test
  void genericGroupsThatShareATerritoryAgreeOnItsZone() {
    Map<String, List<Entry>> groupsByCode = new HashMap<>();
    zonier.entries().stream().filter(e -> e.kind() == Kind.GROUP)
        .forEach(e -> e.codes().forEach(c -> groupsByCode.computeIfAbsent(c, k -> new ArrayList<>()).add(e)));
    groupsByCode.forEach((code, groups) -> {
      boolean named = zonier.entries().stream().anyMatch(e -> e.kind() == Kind.NAMED && e.codes().contains(code));
      if (!named) {
        assertThat(groups.stream().map(Entry::zone).distinct()).as(code).hasSize(1);
      }
    });
  }

  @ParameterizedTest(name = "{0} → zone {1}, {2}, {3}")
  @CsvSource({
      "DE, 2, CYAN, IMA", "MA, 1, AMBRE, IMA", "US, 3, MAGENTA, HCS", "CA, 3, MAGENTA, HCS", "CU, 2, CYAN, IMA",
      "BR, 3, MAGENTA, HCS", "GY, 1, AMBRE, HCS", "HT, 1, AMBRE, HCS", "NC, COM, OUTREMER, IMA",
      "PM, COM, OUTREMER, IMA", "GL, 1, AMBRE, IMA", "BM, 3, MAGENTA, IMA", "FK, 3, MAGENTA, IMA", "PN, 2, CYAN, IMA",
      "PT-20, 2, CYAN, IMA", "PT-30, 2, CYAN, IMA", "ES-CN, 2, CYAN, IMA", "US-HI, 3, MAGENTA, HCS", "XK, 2, CYAN, IMA",
      "JP, 3, MAGENTA, IMA", "GB, 3, MAGENTA, IMA", "CH, 3, MAGENTA, IMA", "PR, 3, MAGENTA, HCS", "DM, 1, AMBRE, HCS"})
  void zoneOfferAndAdministrator(String code, String zone, Offer offer, Administrator administrator) {
    Territory territory = zonier.find(code).orElseThrow();
    assertThat(territory.zone().code()).isEqualTo(zone);
    assertThat(territory.offer()).isEqualTo(offer);
    assertThat(territory.administrator()).isEqualTo(administrator);
    assertThat(territory.abroad()).isTrue();
  }

  @Test
  void metropolitanFranceAndTheDromAreNotAbroad() {
    Territory france = zonier.find("FR").orElseThrow();
    assertThat(france.administrator()).isNull();
    assertThat(france.abroad()).isFalse();
    for (String drom : List.of("GP", "MQ", "GF", "RE", "YT")) {
      Territory territory = zonier.find(drom).orElseThrow();
      assertThat(territory.administrator()).as(drom).isNull();
      assertThat(territory.zone()).as(drom).isNull();
      assertThat(territory.abroad()).as(drom).isFalse();
    }
  }

  @Test
  void anUnknownSubdivisionFallsBackToItsCountryAndAnUnknownCodeIsEmpty() {
    assertThat(zonier.find("pt-11").orElseThrow().label()).isEqualTo("Portugal");
    assertThat(zonier.find("US-CA").orElseThrow().zone()).isEqualTo(Zone.ZONE_3);
    assertThat(zonier.find("ZZ")).isEmpty();
    assertThat(zonier.find("")).isEmpty();
  }

  @Test
  void guyaneOfTheAmericasIsGuyanaAndFrenchGuianaIsADrom() {
    assertThat(zonier.find("GY").orElseThrow().label()).isEqualTo("Guyane");
    assertThat(zonier.find("GF").orElseThrow().abroad()).isFalse();
  }
}
