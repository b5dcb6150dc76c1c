package fr.misp.backoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every text key of the webapps' English locale files (those of the Camunda webapp jar on the class
 * path) has a French translation of ours, with the same placeholders and markup; a French text equal
 * to the English one is allowed only for words spelled the same in both languages.
 */
class FrenchLocalesTest {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
  /** Texts left empty on purpose: the Camunda 8 banner, and what Camunda itself leaves empty. */
  private static final Set<String> EMPTY_ON_PURPOSE = Set.of("labels.BANNER_CE_EOL_TEXT");
  /** Words written the same in French and English (or symbols, formats and product names). */
  private static final Set<String> SAME_IN_FRENCH = Set.of("Action", "Actions", "Active", "Annotation", "Application",
      "Applications", "CSV", "Configuration", "Date", "Description", "Documentation", "Exception", "Incidents",
      "Instance", "instance", "instances", " instances.", "JSON", "Message", "Migration", "Notification", "OK", " OK",
      "Optimize", "Options", "Source", "Total", "Type", "Types", "Variable", "Variables", "Variable / {{variableName}}",
      "Version", "null", "s", "<version>");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*\\}\\}|\\{\\}|%[sd]|<(/?(?:a|br|strong|b|i|em|span|code|p|ul|li))[ >/]");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishKeyHasAFrenchTranslation(String app) throws IOException {
    Map<String, String> english = texts(read(app, "en"));
    Map<String, String> french = texts(read(app, "fr"));
    assertThat(english).as("%s: English keys found in the webapp jar", app).hasSizeGreaterThan(100);
    assertThat(french.keySet()).as("%s: the French file has exactly the English keys", app)
        .containsExactlyInAnyOrderElementsOf(english.keySet());

    List<String> problems = new ArrayList<>();
    english.forEach((key, en) -> {
      String fr = french.get(key);
      if (fr.isBlank() && !en.isBlank() && !EMPTY_ON_PURPOSE.contains(key)) {
        problems.add(key + ": empty");
      }
      if (fr.equals(en) && en.matches(".*[A-Za-z]{2}.*") && !SAME_IN_FRENCH.contains(en)) {
        problems.add(key + ": still English «" + en + "»");
      }
      if (!EMPTY_ON_PURPOSE.contains(key) && !placeholders(en).equals(placeholders(fr))) {
        problems.add(key + ": placeholders " + placeholders(en) + " became " + placeholders(fr));
      }
    });
    assertThat(problems).as(app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void datesAreFrench(String app) throws IOException {
    JsonNode dates = read(app, "fr").get("dateLocales");
    assertThat(dates.get("longDateFormat").get("L").asText()).isEqualTo("DD/MM/YYYY");
    assertThat(dates.get("months").get(0).asText()).isEqualTo("janvier");
    assertThat(dates.get("weekdays").get(1).asText()).isEqualTo("lundi");
    assertThat(dates.get("relativeTime").get("past").asText()).isEqualTo("il y a %s");
    assertThat(dates.get("week").get("dow").asInt()).isEqualTo(1);
  }

  private JsonNode read(String app, String language) throws IOException {
    String path = LOCALES.formatted(app, language);
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  /** The texts of a locale file, by dotted key (the moment.js date settings are checked apart). */
  private static Map<String, String> texts(JsonNode root) {
    Map<String, String> texts = new LinkedHashMap<>();
    collect("labels", root.get("labels"), texts);
    return texts;
  }

  private static void collect(String key, JsonNode node, Map<String, String> texts) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> collect(key + "." + e.getKey(), e.getValue(), texts));
    } else {
      texts.put(key, node.asText());
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group().replace(" ", ""));
    }
    return found;
  }
}
