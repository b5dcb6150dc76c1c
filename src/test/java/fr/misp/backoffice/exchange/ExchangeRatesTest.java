package fr.misp.backoffice.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.misp.backoffice.rules.ExchangeRate;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Exchange rates: the fixed parities known from law, the rates gestionnaires record with their source, the
 * rate in force on a day, and every way around it refused without quoting what was sent.
 */
@H2AppTest
class ExchangeRatesTest {

  @LocalServerPort int port;
  @Autowired ExchangeRates rates;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void theFixedParitiesConvertToTheCent() {
    ExchangeRate xof = rates.inForce("XOF", LocalDate.of(2027, 1, 12)).orElseThrow();
    assertThat(xof.toEuros(new BigDecimal("420000"))).isEqualByComparingTo("640.29"); // 640,2858…
    assertThat(xof.toEuros(new BigDecimal("655.957"))).isEqualByComparingTo("1.00");
    ExchangeRate xpf = rates.inForce("XPF", LocalDate.of(2027, 1, 12)).orElseThrow();
    assertThat(xpf.toEuros(new BigDecimal("100000"))).isEqualByComparingTo("838.00"); // 1 000 XPF = 8,38 €
    assertThat(xpf.toEuros(new BigDecimal("1"))).isEqualByComparingTo("0.01"); // 0,00838 → 0,01
    assertThat(rates.inForce("XOF", LocalDate.of(1998, 12, 31))).as("before the euro").isEmpty();
    assertThat(rates.inForce("USD", LocalDate.of(2027, 1, 12))).isEmpty();
  }

  @Test
  void aGestionnaireRecordsARateOnceAndTheLatestInForceApplies() {
    String body = """
        {"unitsPerEuro": 1.0502, "source": "BCE, cours de référence du 2 novembre 2026"}""";
    assertThat(http.put("/api/exchange-rates/USD/2026-11-02", "gestionnaire", "demo", body).status()).isEqualTo(201);
    assertThat(http.put("/api/exchange-rates/USD/2026-11-02", "gestionnaire", "demo", body).status())
        .as("the same rate again").isEqualTo(200);
    Http.Response other = http.put("/api/exchange-rates/USD/2026-11-02", "gestionnaire", "demo", """
        {"unitsPerEuro": 0.9999, "source": "autre"}""");
    assertThat(other.status()).isEqualTo(400);
    assertThat(other.body()).contains("effectiveFrom", "déjà enregistré").doesNotContain("0.9999");
    assertThat(http.put("/api/exchange-rates/USD/2026-11-09", "gestionnaire", "demo", """
        {"unitsPerEuro": 1.1, "source": "BCE, cours de référence du 9 novembre 2026"}""").status()).isEqualTo(201);

    assertThat(rates.inForce("USD", LocalDate.of(2026, 11, 8)).orElseThrow().units()).isEqualByComparingTo("1.0502");
    assertThat(rates.inForce("USD", LocalDate.of(2026, 11, 9)).orElseThrow().units()).isEqualByComparingTo("1.1");
    // 100 USD on 8 November: 100 ÷ 1,0502 = 95,2199… → 95,22 €
    assertThat(rates.inForce("USD", LocalDate.of(2026, 11, 8)).orElseThrow().toEuros(new BigDecimal("100")))
        .isEqualByComparingTo("95.22");

    JsonNode all = http.get("/api/exchange-rates", "gestionnaire", "demo").json();
    List<String> lines = new ArrayList<>();
    all.forEach(r -> lines.add(r.get("currency").asText() + " " + r.get("effectiveFrom").asText() + " "
        + r.get("recordedBy").asText()));
    assertThat(lines).contains("USD 2026-11-09 gestionnaire", "USD 2026-11-02 gestionnaire", "XOF 1999-01-01 system");
  }

  @Test
  void onlyGestionnairesSeeOrRecordRates() {
    for (String user : new String[] {"conseiller", "medecin", "ima", "commission"}) {
      assertThat(http.get("/api/exchange-rates", user, "demo").status()).as(user).isEqualTo(403);
      assertThat(http.put("/api/exchange-rates/GBP/2026-11-02", user, "demo", """
          {"unitsPerEuro": 0.87, "source": "BCE"}""").status()).as(user).isEqualTo(403);
    }
    assertThat(http.get("/api/exchange-rates", "nobody", "wrong").status()).isEqualTo(401);
    assertThat(rates.inForce("GBP", LocalDate.of(2026, 11, 2))).isEmpty();
  }

  @Test
  void badRatesAreRefusedWithTheFieldAndNothingRecorded() {
    record Case(String path, String body, String field) {}
    List<Case> cases = List.of(
        new Case("/api/exchange-rates/usd/2026-11-03", "{\"unitsPerEuro\": 1.05, \"source\": \"BCE\"}", "currency"),
        new Case("/api/exchange-rates/EUR/2026-11-03", "{\"unitsPerEuro\": 1, \"source\": \"BCE\"}", "currency"),
        new Case("/api/exchange-rates/CHF/2026-13-03", "{\"unitsPerEuro\": 0.93, \"source\": \"BCE\"}", "effectiveFrom"),
        new Case("/api/exchange-rates/CHF/0001-01-01", "{\"unitsPerEuro\": 0.93, \"source\": \"BCE\"}", "effectiveFrom"),
        new Case("/api/exchange-rates/CHF/2026-11-03", "{\"unitsPerEuro\": 0, \"source\": \"BCE\"}", "unitsPerEuro"),
        new Case("/api/exchange-rates/CHF/2026-11-03", "{\"unitsPerEuro\": -0.93, \"source\": \"BCE\"}", "unitsPerEuro"),
        new Case("/api/exchange-rates/CHF/2026-11-03", "{\"unitsPerEuro\": 0.1234567, \"source\": \"BCE\"}", "unitsPerEuro"),
        new Case("/api/exchange-rates/CHF/2026-11-03", "{\"unitsPerEuro\": 0.93}", "source"),
        new Case("/api/exchange-rates/CHF/2026-11-03", "{\"unitsPerEuro\": 0.93, \"source\": \"B\\u0000CE\"}", "source"),
        new Case("/api/exchange-rates/CHF/2026-11-03", "{\"unitsPerEuro\": 0.93, \"source\": \"" + "x".repeat(301) + "\"}", "source"));
    for (Case c : cases) {
      Http.Response response = http.put(c.path(), "gestionnaire", "demo", c.body());
      assertThat(response.status()).as(c.toString()).isEqualTo(400);
      assertThat(response.body()).as(c.toString()).contains(c.field()).doesNotContain("0.1234567", "-0.93", "xxxxxxxxxx");
    }
    Http.Response text = http.send("PUT", "/api/exchange-rates/CHF/2026-11-03", "gestionnaire", "demo",
        "text/plain;charset=UTF-8", "{\"unitsPerEuro\": 0.93, \"source\": \"BCE\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(text.status()).isBetween(400, 499);
    assertThat(rates.inForce("CHF", LocalDate.of(2026, 11, 30))).as("nothing recorded").isEmpty();
  }

  @Test
  void whoRecordedARateIsTheSignedInGestionnaireWhateverTheBodySays() {
    assertThat(http.put("/api/exchange-rates/SEK/2026-11-05", "gestionnaire", "demo", """
        {"unitsPerEuro": 11.2, "source": "BCE", "recordedBy": "quelqu'un d'autre", "euros": 2}""").status()).isEqualTo(201);
    ExchangeRates.Recorded sek = rates.all().stream().filter(r -> r.rate().currency().equals("SEK")).findFirst().orElseThrow();
    assertThat(sek.recordedBy()).isEqualTo("gestionnaire");
    assertThat(sek.rate().euros()).isEqualByComparingTo("1");
  }

  @Test
  void twoGestionnairesRecordingTheSameRateAtOnceRecordItOnce() {
    String body = """
        {"unitsPerEuro": 160.5, "source": "BCE, cours de référence du 4 novembre 2026"}""";
    List<CompletableFuture<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      calls.add(CompletableFuture.supplyAsync(() -> http.put("/api/exchange-rates/JPY/2026-11-04", "gestionnaire", "demo",
          body).status()));
    }
    List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();
    assertThat(statuses).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
    assertThat(rates.all().stream().filter(r -> r.rate().currency().equals("JPY")).count()).isEqualTo(1);
  }
}
