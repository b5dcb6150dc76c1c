package fr.misp.backoffice.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The simulation API over real HTTP: worked examples of the guide, bad input, and who may call it. */
@H2AppTest
class SimulationApiTest {

  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  private Http.Response post(String path, String json) {
    return http.post("/api/simulations" + path, "conseiller", "demo", json);
  }

  private static List<String> fields(Http.Response response) {
    List<String> fields = new ArrayList<>();
    response.json().get("errors").forEach(e -> fields.add(e.get("field").asText() + ":" + e.get("code").asText()));
    return fields;
  }

  /** Guide, "1. Allocations Journalières", "L'exemple de Matthieu". */
  @Test
  void matthieuOverHttp() {
    Http.Response response = post("/daily-allowance", """
        {"referenceMonthlyBase": 4431, "grossPaidInMonth": 2405.50, "netSalaryBeforeStoppage": 3945.02, "netPaidInMonth": 1972.51}""");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("\"monthlyAllowance\":1006.37").contains("\"guarantee\":3411.87");
    JsonNode json = response.json();
    assertThat(json.get("capApplied").asBoolean()).isFalse();
    assertThat(json.get("steps").get(0).get("rule").asText()).isEqualTo("R-AJ-2");
    assertThat(json.get("steps").get(0).get("label").asText()).contains("Assiette");
    assertThat(json.get("warnings").get(0).asText()).contains("P-ASSIETTE-PLANCHER");
  }

  /** Guide, "2. Allocations d'invalidité", examples of Pierre and Chantal. */
  @Test
  void pierreAndChantalOverHttp() {
    Http.Response pierre = post("/disability", """
        {"referenceDate": "2024-01-01", "invalidityRate": 37, "monthlyBaseSalary": 2140, "monthlyBonuses": 600,
         "monthlyCostOfLivingBonus": 0, "resources": [{"type": "INVALIDITY_PENSION", "annualAmount": 8123},
         {"type": "ALIMONY", "annualAmount": 1200}], "initial": true}""");
    assertThat(pierre.status()).isEqualTo(200);
    assertThat(pierre.body()).contains("\"annualBenefit\":5658.60").contains("\"annualGuarantee\":13781.60");
    assertThat(pierre.json().get("category").asText()).isEqualTo("IPP");
    assertThat(pierre.json().get("outcome").asText()).isEqualTo("TEMPORARY_BENEFIT");
    Http.Response chantal = post("/disability", """
        {"referenceDate": "2024-01-01", "socialSecurityCategory": 2, "monthlyBaseSalary": 2500, "monthlyBonuses": 300,
         "monthlyCostOfLivingBonus": 0, "resources": [{"type": "INVALIDITY_PENSION", "annualAmount": 15000}], "initial": true}""");
    assertThat(chantal.body()).contains("\"annualBenefit\":8520.00").contains("\"category\":\"IPT\"");
  }

  @Test
  void deathCapitalWithChildMajoration() {
    Http.Response response = post("/death-capital", """
        {"event": "DEATH", "eventDate": "2024-05-10", "memberCategory": "RETIRED", "annualContributionBase": 0, "dependentChildren": 1}""");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("\"majorationPerChild\":12124.82").contains("\"capitalAmount\":3500.00")
        .contains("\"totalAmount\":15624.82");
  }

  @Test
  void loanScheduleAndItsLimits() {
    Http.Response ok = post("/loan-schedule", """
        {"aidType": "SPECIAL_ADVANCE", "amount": 1000, "durationMonths": 3, "disbursementDate": "2024-01-31"}""");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body()).contains("\"total\":1000.00").contains("\"amount\":333.34").contains("\"dueDate\":\"2024-02-29\"");
    Http.Response over = post("/loan-schedule", """
        {"aidType": "SOCIAL_LOAN", "amount": 6000.01, "durationMonths": 49, "disbursementDate": "2024-01-31"}""");
    assertThat(over.status()).isEqualTo(400);
    assertThat(fields(over)).containsExactlyInAnyOrder("amount:over_limit", "durationMonths:over_limit");
    assertThat(over.json().get("errors").toString()).contains("plafond du prêt social (6 000 €)").contains("maximum du prêt social (48 mois)");
  }

  @Test
  void halfPayDate() {
    Http.Response response = post("/half-pay-date", "{\"leaveType\": \"CLD\", \"leaveStartDate\": \"2024-01-15\"}");
    assertThat(response.json().get("halfPayDate").asText()).isEqualTo("2027-01-15");
    assertThat(response.json().get("endDate").asText()).isEqualTo("2029-01-14");
  }

  @Test
  void autonomyCalendars() {
    Http.Response pta = post("/temporary-autonomy-loss", """
        {"beneficiary": "ACTIVE_MEMBER", "birthDate": "1980-01-01", "condition": "CANCER",
         "stoppageStartDate": "2024-03-01", "stoppageEndDate": "2025-12-31"}""");
    assertThat(pta.status()).isEqualTo(200);
    assertThat(pta.json().get("quarters")).hasSize(4);
    assertThat(pta.body()).contains("\"totalAmount\":1600.00");
    Http.Response dependency = post("/dependency", """
        {"beneficiary": "RETIRED_MEMBER", "gir": 1, "membershipStartDate": "2015-01-01",
         "dependencyStartDate": "2024-05-10", "homeMonthsLastYear": 8}""");
    assertThat(dependency.body()).contains("\"monthlyAnnuity\":120.00").contains("\"annualHomeForfait\":500.00")
        .contains("\"firstPaymentDate\":\"2024-08-10\"");
  }

  @Test
  void badInputGetsOneErrorPerField() {
    Http.Response missing = post("/daily-allowance", "{\"referenceMonthlyBase\": -1, \"grossPaidInMonth\": 10.123}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(fields(missing)).containsExactlyInAnyOrder("referenceMonthlyBase:must_not_be_negative",
        "grossPaidInMonth:too_many_decimals", "netSalaryBeforeStoppage:must_not_be_null", "netPaidInMonth:must_not_be_null");
    assertThat(missing.json().get("errors").get(0).get("messageEn").asText()).isNotBlank();

    Http.Response unknownEnum = post("/half-pay-date", "{\"leaveType\": \"XYZ\", \"leaveStartDate\": \"2024-01-15\"}");
    assertThat(unknownEnum.status()).isEqualTo(400);
    assertThat(fields(unknownEnum)).containsExactly("leaveType:unknown_value");
    assertThat(unknownEnum.json().get("errors").get(0).get("message").asText()).contains("CMO", "CLD");

    Http.Response wrongOrder = post("/temporary-autonomy-loss", """
        {"beneficiary": "ACTIVE_MEMBER", "birthDate": "1980-01-01", "condition": "CANCER",
         "stoppageStartDate": "2024-03-01", "stoppageEndDate": "2024-02-01"}""");
    assertThat(wrongOrder.status()).isEqualTo(400);
    assertThat(fields(wrongOrder)).containsExactly("stoppageEndDate:before_start");

    Http.Response badDate = post("/half-pay-date", "{\"leaveType\": \"CMO\", \"leaveStartDate\": \"2024-13-45\"}");
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(fields(badDate)).containsExactly("leaveStartDate:invalid_date");

    Http.Response notJson = post("/death-capital", "{not json");
    assertThat(notJson.status()).isEqualTo(400);

    Http.Response noRate = post("/disability", """
        {"referenceDate": "2024-01-01", "monthlyBaseSalary": 2500, "monthlyBonuses": 0, "monthlyCostOfLivingBonus": 0,
         "resources": [], "initial": true}""");
    assertThat(noRate.status()).isEqualTo(400);
    assertThat(fields(noRate)).containsExactly("invalidityRate:rate_or_category_required");

    Http.Response beforePoint = post("/death-capital", """
        {"event": "DEATH", "eventDate": "2010-01-01", "memberCategory": "RETIRED", "annualContributionBase": 0, "dependentChildren": 1}""");
    assertThat(beforePoint.status()).isEqualTo(400);
    assertThat(fields(beforePoint)).containsExactly("eventDate:no_parameter_in_force");
  }

  @Test
  void onlyAdvisorsManagersAndMedicalAdvisersMaySimulate() {
    String body = "{\"leaveType\": \"CMO\", \"leaveStartDate\": \"2024-01-15\"}";
    assertThat(http.post("/api/simulations/half-pay-date", null, null, body).status()).isEqualTo(401);
    assertThat(http.post("/api/simulations/half-pay-date", "commission", "demo", body).status()).isEqualTo(403);
    assertThat(http.post("/api/simulations/half-pay-date", "ima", "demo", body).status()).isEqualTo(403);
    assertThat(http.post("/api/simulations/half-pay-date", "gestionnaire", "demo", body).status()).isEqualTo(200);
    assertThat(http.post("/api/simulations/half-pay-date", "medecin", "demo", body).status()).isEqualTo(200);
  }

  @Test
  void zones() {
    Http.Response azores = http.get("/api/zones/PT-20", "conseiller", "demo");
    assertThat(azores.status()).isEqualTo(200);
    assertThat(azores.json().get("label").asText()).isEqualTo("Açores");
    assertThat(azores.json().get("zone").asText()).isEqualTo("2");
    assertThat(azores.json().get("offer").asText()).isEqualTo("CYAN");
    assertThat(azores.json().get("administrator").asText()).isEqualTo("IMA");
    Http.Response france = http.get("/api/zones/FR", "ima", "demo");
    assertThat(france.json().get("administrator").isNull()).isTrue();
    Http.Response unknown = http.get("/api/zones/ZZ", "conseiller", "demo");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("message").asText()).contains("ZZ", "inconnu");
  }

  @Test
  void theOpenApiDescriptionDocumentsEveryEndpointWithAnExample() {
    Http.Response docs = http.get("/v3/api-docs", "conseiller", "demo");
    assertThat(docs.status()).isEqualTo(200);
    JsonNode paths = docs.json().get("paths");
    for (String path : List.of("daily-allowance", "half-pay-date", "disability", "temporary-autonomy-loss", "dependency",
        "death-capital", "loan-schedule")) {
      JsonNode content = paths.get("/api/simulations/" + path).get("post").get("requestBody").get("content");
      assertThat(content.toString()).as(path).contains("examples");
    }
    assertThat(paths.has("/api/zones/{territoryCode}")).isTrue();
  }
}
