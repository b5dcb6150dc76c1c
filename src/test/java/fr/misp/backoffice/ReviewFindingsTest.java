package fr.misp.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.misp.backoffice.deathcapital.DeathClaims;
import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.network.Establishment;
import fr.misp.backoffice.network.MedicalNetwork;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.Jobs;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Findings of the domain review (the "Business correctness" issue), one test per item, named after it. */
@H2AppTest
class ReviewFindingsTest {

  private static final AtomicInteger MEMBER = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MemberDirectory members;
  @Autowired MedicalNetwork network;
  @Autowired DeathClaims claims;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  private String member() {
    String id = "M-RF-" + MEMBER.incrementAndGet();
    members.save(new Member(id, "Membre " + id, LocalDate.of(1966, 6, 6), "ACTIVE", "MA", false, LocalDate.of(2001, 1, 1),
        "AG-075"));
    return id;
  }

  private Http.Response claim(String member, String event, String family) {
    return http.post("/api/death-claims", "conseiller", "demo", """
        {"memberId": "%s", "event": "%s", "eventDate": "2024-06-01", "memberCategory": "ACTIVE",
         "annualContributionBase": 40000, "family": [%s], "designation": {"type": "STANDARD"}}"""
        .formatted(member, event, family));
  }

  private void completeAll(String id, String key, Map<String, Object> variables) {
    engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey(key).list()
        .forEach(task -> engine.getTaskService().complete(task.getId(), variables));
    Jobs.runAll(engine);
  }

  @Test
  void item02PtiaThenDeathPaysOneCapital() {
    String member = member();
    String ptia = claim(member, "PTIA", "").json().get("id").asText();
    completeAll(ptia, "recordEvent", Map.of("documentsComplete", true));
    completeAll(ptia, "checkBeneficiary", Map.of("bankDetailsVerified", true));
    JsonNode paid = http.get("/api/death-claims/" + ptia, "conseiller", "demo").json();
    assertThat(paid.get("capitalAmount").decimalValue()).isPositive();

    String death = claim(member, "DEATH", """
        {"name": "Conjoint", "relation": "SPOUSE", "unionType": "MARRIAGE", "birthDate": "1967-01-01", "alive": true}""")
        .json().get("id").asText();
    completeAll(death, "recordEvent", Map.of("documentsComplete", true));
    JsonNode view = http.get("/api/death-claims/" + death, "conseiller", "demo").json();
    assertThat(view.get("capitalAmount").decimalValue()).isZero();
    assertThat(view.get("majorationAmount").decimalValue()).isZero();
    assertThat(view.get("beneficiaries")).isEmpty();
    assertThat(view.get("status").asText()).isEqualTo("CLOSED");
    assertThat(claims.byProcessInstance(death).orElseThrow().capitalExplanation()).contains("PTIA", "un seul capital");
  }

  @Test
  void item03AChildBornWithin300DaysAfterTheDeathCounts() {
    String member = member();
    Http.Response posthumous = claim(member, "DEATH", """
        {"name": "Bébé", "relation": "CHILD", "birthDate": "2024-11-20", "alive": true, "dependent": true}""");
    assertThat(posthumous.status()).as(posthumous.body()).isEqualTo(201);
    Http.Response tooLate = claim(member(), "DEATH", """
        {"name": "Plus tard", "relation": "CHILD", "birthDate": "2025-05-01", "alive": true, "dependent": true}""");
    assertThat(tooLate.status()).isEqualTo(400);
    assertThat(tooLate.json().get("errors").get(0).get("field").asText()).isEqualTo("family[0].birthDate");
    // The child born after the death is a dependent child: the majoration is due for it.
    String id = posthumous.json().get("id").asText();
    completeAll(id, "recordEvent", Map.of("documentsComplete", true));
    assertThat(http.get("/api/death-claims/" + id, "conseiller", "demo").json().get("majorationAmount").decimalValue())
        .isPositive();
  }

  @Test
  void item05APredeceasedChildsChildrenRepresentItAtIntakeAndInTheShares() {
    Http.Response ofALivingChild = claim(member(), "DEATH", """
        {"name": "Léa", "relation": "CHILD", "birthDate": "1990-01-01", "alive": true, "dependent": false},
        {"name": "Noé", "relation": "GRANDCHILD", "childOf": "Léa", "birthDate": "2015-01-01", "alive": true}""");
    assertThat(ofALivingChild.status()).isEqualTo(400);
    assertThat(ofALivingChild.json().get("errors").get(0).get("field").asText()).isEqualTo("family[1].childOf");
    assertThat(ofALivingChild.body()).doesNotContain("Léa\"");

    String id = claim(member(), "DEATH", """
        {"name": "Léa", "relation": "CHILD", "birthDate": "1990-01-01", "alive": true, "dependent": false},
        {"name": "Marc", "relation": "CHILD", "birthDate": "1988-01-01", "alive": false, "dependent": false},
        {"name": "Noé", "relation": "GRANDCHILD", "childOf": "Marc", "birthDate": "2015-01-01", "alive": true},
        {"name": "Zoé", "relation": "GRANDCHILD", "childOf": "Marc", "birthDate": "2017-01-01", "alive": true}""")
        .json().get("id").asText();
    completeAll(id, "recordEvent", Map.of("documentsComplete", true));
    JsonNode view = http.get("/api/death-claims/" + id, "conseiller", "demo").json();
    Map<String, java.math.BigDecimal> shares = new java.util.LinkedHashMap<>();
    view.get("beneficiaries").forEach(b -> shares.put(b.get("name").asText(), b.get("amount").decimalValue()));
    assertThat(shares).containsOnlyKeys("Léa", "Noé", "Zoé");
    java.math.BigDecimal capital = view.get("capitalAmount").decimalValue();
    assertThat(shares.values().stream().reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
        .isEqualByComparingTo(capital.add(view.get("majorationAmount").decimalValue()));
    assertThat(shares.get("Noé")).isEqualByComparingTo(shares.get("Zoé"));
    assertThat(shares.get("Léa").subtract(shares.get("Noé").multiply(java.math.BigDecimal.valueOf(2))).abs())
        .isLessThanOrEqualTo(new java.math.BigDecimal("0.02"));
  }

  private Http.Response priorApproval(String establishment, int daysAhead) {
    LocalDate today = LocalDate.now();
    return http.post("/api/prior-approvals", "conseiller", "demo", """
        {"memberId": "M-ES-001", "type": "HOSPITALISATION", "countryOfResidence": "ES", "receivedDate": "%s",
         "plannedAdmissionDate": "%s", "establishmentId": "%s"}""".formatted(today, today.plusDays(daysAhead),
        establishment));
  }

  @Test
  void item12ARequestRefusedWithoutADecisionOnTheCareMayBeFiledAgain() {
    Http.Response first = priorApproval("ES-RF-NOWHERE", 401);
    assertThat(first.json().get("status").asText()).isEqualTo("REFUSED");
    Http.Response again = priorApproval("ES-RF-NOWHERE", 401);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().get("id").asText()).isNotEqualTo(first.json().get("id").asText());
    assertThat(again.json().get("previousBusinessKey").asText()).isEqualTo(first.json().get("businessKey").asText());
    assertThat(again.json().get("businessKey").asText()).endsWith("-2");
  }

  @Test
  void item17TheEstablishmentMustBeInTheNetworkOnTheAdmissionDate() {
    network.create(new Establishment("ES-RF-LEFT", "Clínica que dejó la red", "ES", "Sevilla"));
    network.setMembershipPeriod("ES-RF-LEFT", LocalDate.of(2010, 1, 1), LocalDate.now().plusDays(100));
    Http.Response afterLeaving = priorApproval("ES-RF-LEFT", 402);
    assertThat(afterLeaving.json().get("status").asText()).isEqualTo("REFUSED");
    assertThat(afterLeaving.json().get("decisionReason").asText()).isEqualTo("ETABLISSEMENT_HORS_RESEAU");
    Http.Response whileIn = priorApproval("ES-RF-LEFT", 50);
    assertThat(whileIn.json().get("status").asText()).isEqualTo("AWAITING_DOCUMENTS");
  }

  @Test
  void item13ThePointHistoryGoesBackTo2010() {
    // 821 × 5 589,69 / 100 × 25 % = 11 472,84 € per child for a death between July 2016 and January 2017.
    Http.Response response = http.post("/api/simulations/death-capital", "conseiller", "demo", """
        {"event": "DEATH", "eventDate": "2016-09-01", "memberCategory": "RETIRED", "annualContributionBase": 0,
         "dependentChildren": 1}""");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("majorationPerChild").decimalValue()).isEqualByComparingTo("11472.84");
    Http.Response earliest = http.post("/api/simulations/death-capital", "conseiller", "demo", """
        {"event": "DEATH", "eventDate": "2010-07-01", "memberCategory": "RETIRED", "annualContributionBase": 0,
         "dependentChildren": 1}""");
    assertThat(earliest.json().get("majorationPerChild").decimalValue()).isEqualByComparingTo("11404.41"); // 821 × 5 556,35 / 100 × 25 %
  }

  @Test
  void item13ADeathBeforeAnyKnownPointValueGoesToAManagerNotToAnIncident() {
    Http.Response posted = http.post("/api/death-claims", "conseiller", "demo", """
        {"memberId": "%s", "event": "DEATH", "eventDate": "2005-06-01", "memberCategory": "ACTIVE",
         "annualContributionBase": 40000, "family": [{"name": "Enfant", "relation": "CHILD", "birthDate": "2000-01-01",
         "alive": true, "dependent": true}], "designation": {"type": "STANDARD"}}""".formatted(member()));
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    String id = posted.json().get("id").asText();
    completeAll(id, "recordEvent", Map.of("documentsComplete", true));
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(id).count()).isZero();
    var task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("addMissingParameter");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).taskCandidateGroup("gestionnaires").count())
        .isOne();
    assertThat(engine.getRuntimeService().getVariable(id, "missingParameter")).asString().contains("P-POINT-100");
    assertThat(http.get("/api/death-claims/" + id, "conseiller", "demo").json().get("status").asText())
        .isEqualTo("AWAITING_PARAMETER");
    // Only a manager completes it, and only with its form's field: the shown parameter cannot be rewritten.
    String url = "/engine-rest/task/" + task.getId() + "/complete";
    assertThat(http.post(url, "conseiller", "demo", "{\"variables\":{\"parameterAdded\":{\"value\":true}}}").status())
        .isIn(403, 404);
    Http.Response forged = http.post(url, "gestionnaire", "demo",
        "{\"variables\":{\"parameterAdded\":{\"value\":true},\"missingParameter\":{\"value\":\"AUCUN\"}}}");
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.body()).doesNotContain("AUCUN");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();
    // Recomputed after the manager's step: still no value, so the file comes back to a manager, never an incident.
    completeAll(id, "addMissingParameter", Map.of("parameterAdded", true));
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(id).count()).isZero();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getTaskDefinitionKey())
        .isEqualTo("addMissingParameter");
  }

  @Test
  void item10OrphanRequestsOpenWhenBeneficiariesAreResolvedAndAgeIsTakenAtTheDeath() {
    String member = member();
    // 29 at the death (1 June 2024), over 29 today: still an orphan of the claim.
    String id = claim(member, "DEATH", """
        {"name": "Conjoint", "relation": "SPOUSE", "unionType": "MARRIAGE", "birthDate": "1967-01-01", "alive": true},
        {"name": "Aîné", "relation": "CHILD", "birthDate": "1995-01-01", "alive": true, "dependent": false}""")
        .json().get("id").asText();
    completeAll(id, "recordEvent", Map.of("documentsComplete", true));
    // The spouse's bank details are not checked yet: no payment, yet the orphan request is open.
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("checkBeneficiary")
        .count()).isEqualTo(1);
    String businessKey = http.get("/api/death-claims/" + id, "conseiller", "demo").json().get("businessKey").asText();
    var orphan = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("SA-ORPHAN-" + businessKey + "-0").singleResult();
    assertThat(orphan).isNotNull();
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(orphan.getId())
        .singleResult().getId(), Map.of("fileComplete", true, "advisorOpinion", "Orphelin de père",
            "monthlyResources", 900, "monthlyCharges", 700, "householdSize", 1));
    Jobs.runAll(engine, orphan.getId());
    assertThat(engine.getRuntimeService().getActiveActivityIds(orphan.getId())).containsExactly("commissionDecision");
  }

  @Test
  void item08TheCategoryIsTheDirectorysNotTyped() {
    String member = member(); // ACTIVE on record
    Http.Response typed = http.post("/api/death-claims", "conseiller", "demo", """
        {"memberId": "%s", "event": "DEATH", "eventDate": "2024-06-01", "memberCategory": "MAINTAINED_CTA",
         "annualContributionBase": 0, "family": [], "designation": {"type": "STANDARD"}}""".formatted(member));
    assertThat(typed.status()).isEqualTo(400);
    assertThat(typed.json().get("errors").get(0).get("field").asText()).isEqualTo("memberCategory");
    assertThat(claim(member, "DEATH", "").status()).isEqualTo(201);
  }

  @Test
  void item14TheMedicalReviewIsDueAtItsEscalationAndAMaternityAgreementLastsThePregnancy() {
    LocalDate today = LocalDate.now();
    Http.Response maternity = http.post("/api/prior-approvals", "conseiller", "demo", """
        {"memberId": "M-ES-001", "type": "MATERNITE", "countryOfResidence": "ES", "receivedDate": "%s",
         "pregnancyStartDate": "%s", "establishmentId": "ES-MAD-01"}""".formatted(today, today.minusDays(20)));
    String id = maternity.json().get("id").asText();
    var buildFile = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
    // The file must be built before the medical review falls due: the same day (RULES §9 Decision).
    assertThat(buildFile.getTaskDefinitionKey()).isEqualTo("buildFile");
    assertThat(buildFile.getDueDate().toInstant()).isEqualTo(today.plusDays(8)
        .atStartOfDay(fr.misp.backoffice.platform.engine.ProcessVariable.PARIS).toInstant());
    engine.getTaskService().complete(buildFile
        .getId(), Map.of("documentsComplete", true, "quoteAmount", 1500, "quoteCurrency", "EUR"));
    Jobs.runAll(engine, id);
    var review = engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("medicalReview")
        .singleResult();
    // Due on the day it is escalated (maternity: 8 days after reception, the parameter), midnight in Paris.
    assertThat(review.getDueDate().toInstant()).isEqualTo(today.plusDays(8)
        .atStartOfDay(fr.misp.backoffice.platform.engine.ProcessVariable.PARIS).toInstant());
    engine.getTaskService().complete(review.getId(), Map.of("medicalDecision", "APPROVE"));
    Jobs.runAll(engine, id);
    String businessKey = maternity.json().get("businessKey").asText();
    LocalDate validUntil = jdbc.sql("select valid_until from agreement where business_key = ?").param(businessKey)
        .query(LocalDate.class).single();
    // Start + 9 months + 90 days (validity parameter), not 90 days from the issue.
    assertThat(validUntil).isEqualTo(today.minusDays(20).plusMonths(9).plusDays(90));
  }
}
