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
  @Autowired fr.misp.backoffice.payment.PaymentOrders payments;
  @Autowired fr.misp.backoffice.notification.OutboxNotifications outbox;
  @Autowired fr.misp.backoffice.deathcapital.Payees payees;
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
    completeAll(ptia, "assessPtia", Map.of("ptiaDecision", "RECOGNISED"));
    completeAll(ptia, "checkBeneficiary", Map.of("beneficiaryCheck", "VERIFIED", "iban", "FR7630006000011234567890189"));
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
        {"name": "Bébé", "relation": "CHILD", "birthDate": "2024-11-20", "alive": true, "dependent": true, "legalRepresentative": "Mère de Bébé"}""");
    assertThat(posthumous.status()).as(posthumous.body()).isEqualTo(201);
    Http.Response tooLate = claim(member(), "DEATH", """
        {"name": "Plus tard", "relation": "CHILD", "birthDate": "2025-05-01", "alive": true, "dependent": true, "legalRepresentative": "Mère"}""");
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
        {"name": "Noé", "relation": "GRANDCHILD", "childOf": "Léa", "birthDate": "2015-01-01", "alive": true, "legalRepresentative": "Léa"}""");
    assertThat(ofALivingChild.status()).isEqualTo(400);
    assertThat(ofALivingChild.json().get("errors").get(0).get("field").asText()).isEqualTo("family[1].childOf");
    assertThat(ofALivingChild.body()).doesNotContain("Léa\"");

    String id = claim(member(), "DEATH", """
        {"name": "Léa", "relation": "CHILD", "birthDate": "1990-01-01", "alive": true, "dependent": false},
        {"name": "Marc", "relation": "CHILD", "birthDate": "1988-01-01", "alive": false, "dependent": false},
        {"name": "Noé", "relation": "GRANDCHILD", "childOf": "Marc", "birthDate": "2015-01-01", "alive": true, "legalRepresentative": "Mère de Noé"},
        {"name": "Zoé", "relation": "GRANDCHILD", "childOf": "Marc", "birthDate": "2017-01-01", "alive": true, "legalRepresentative": "Mère de Zoé"}""")
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
    network.create(new fr.misp.backoffice.network.Establishment("ES-RF-NOWHERE", "Clinique sortie du réseau", "ES", "Madrid"));
    network.setMembershipPeriod("ES-RF-NOWHERE", java.time.LocalDate.of(2000, 1, 1), java.time.LocalDate.of(2001, 1, 1));
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
    // Issue 13: a typo in the id is a field to correct, not an "out of network" refusal.
    Http.Response typo = priorApproval("ES-MAD-1", 30);
    assertThat(typo.status()).isEqualTo(400);
    assertThat(typo.json().get("errors").get(0).get("field").asText()).isEqualTo("establishmentId");
    assertThat(typo.body()).doesNotContain("ES-MAD-1");
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

  private String businessKey(String id) {
    return http.get("/api/death-claims/" + id, "gestionnaire", "demo").json().get("businessKey").asText();
  }

  private org.camunda.bpm.engine.task.Task task(String id, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey(key).list().get(0);
  }

  private Http.Response completeOverHttp(String user, String taskId, String variablesJson) {
    return http.post("/engine-rest/task/" + taskId + "/complete", user, "demo", "{\"variables\": " + variablesJson + "}");
  }

  /** Runs an orphan's allowance file through the advisor and a granting commission. */
  private void grantOrphanAllowance(String processInstanceId) {
    engine.getTaskService().complete(task(processInstanceId, "buildSocialFile").getId(), Map.of("fileComplete", true,
        "advisorOpinion", "Orphelin", "monthlyResources", 900, "monthlyCharges", 700, "householdSize", 1));
    Jobs.runAll(engine, processInstanceId);
    engine.getTaskService().complete(task(processInstanceId, "commissionDecision").getId(), Map.of("commissionDecision",
        "GRANT", "grantedAmount", 600, "motivation", "Allocation orphelin"));
    Jobs.runAll(engine, processInstanceId);
  }

  @Test
  void item01OrphanAllowancesArePaidAndWrittenToTheOrphanOrTheLegalRepresentativeNeverToTheDeceased() {
    String member = member();
    // A minor child without a legal representative is refused at intake: nobody could receive its allowance.
    Http.Response noRepresentative = claim(member, "DEATH", """
        {"name": "Lou", "relation": "CHILD", "birthDate": "2015-03-01", "alive": true, "dependent": true}""");
    assertThat(noRepresentative.status()).isEqualTo(400);
    assertThat(noRepresentative.json().get("errors").get(0).get("field").asText()).isEqualTo("family[0].legalRepresentative");
    String id = claim(member, "DEATH", """
        {"name": "Lou", "relation": "CHILD", "birthDate": "2015-03-01", "alive": true, "dependent": true,
         "legalRepresentative": "Anne Tutrice"},
        {"name": "Aîné", "relation": "CHILD", "birthDate": "2000-01-01", "alive": true, "dependent": false}""")
        .json().get("id").asText();
    completeAll(id, "recordEvent", Map.of("documentsComplete", true));
    String claimKey = businessKey(id);
    for (int child = 0; child < 2; child++) {
      var orphan = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey("SA-ORPHAN-" + claimKey + "-" + child).singleResult();
      grantOrphanAllowance(orphan.getId());
    }
    var minor = payments.of("SA-ORPHAN-" + claimKey + "-0");
    assertThat(minor).singleElement().satisfies(p -> {
      assertThat(p.beneficiary()).isEqualTo("Anne Tutrice");
      assertThat(p.onBehalfOf()).isEqualTo("Lou");
      assertThat(p.amount()).isEqualByComparingTo("600.00");
    });
    assertThat(payments.of("SA-ORPHAN-" + claimKey + "-1")).singleElement().satisfies(p -> {
      assertThat(p.beneficiary()).isEqualTo("Aîné");
      assertThat(p.onBehalfOf()).isNull();
    });
    assertThat(outbox.queuedFor("SA-ORPHAN-" + claimKey + "-0")).extracting(q -> q.recipient())
        .containsExactly("payee:Anne Tutrice");
    assertThat(outbox.queuedFor("SA-ORPHAN-" + claimKey + "-1")).extracting(q -> q.recipient())
        .containsExactly("payee:Aîné");
    assertThat(payments.of("SA-ORPHAN-" + claimKey + "-0")).noneMatch(p -> p.beneficiary().contains(member));
  }

  @Test
  void item07AMinorOrAProtectedAdultIsPaidThroughTheLegalRepresentative() {
    String member = member();
    String id = claim(member, "DEATH", """
        {"name": "Conjoint protégé", "relation": "SPOUSE", "unionType": "MARRIAGE", "birthDate": "1967-01-01", "alive": true},
        {"name": "Lou", "relation": "CHILD", "birthDate": "2015-03-01", "alive": true, "dependent": true,
         "legalRepresentative": "Anne Tutrice"}""").json().get("id").asText();
    completeAll(id, "recordEvent", Map.of("documentsComplete", true));
    String claimKey = businessKey(id);
    var checks = engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("checkBeneficiary").list();
    var child = checks.stream().filter(t -> "Lou".equals(engine.getTaskService().getVariable(t.getId(), "payeeName")))
        .findFirst().orElseThrow();
    var spouse = checks.stream().filter(t -> t != child).findFirst().orElseThrow();
    // The form shows the minor and the representative recorded on the file.
    assertThat(engine.getTaskService().getVariableLocal(child.getId(), "payeeMinor")).isEqualTo(true);
    assertThat(engine.getTaskService().getVariable(child.getId(), "legalRepresentative")).isEqualTo("Anne Tutrice");
    engine.getTaskService().claim(child.getId(), "conseiller");
    engine.getTaskService().claim(spouse.getId(), "conseiller");
    // Erasing the representative of a minor is refused; so is a protected adult without one.
    Http.Response erased = completeOverHttp("conseiller", child.getId(), """
        {"beneficiaryCheck": {"value": "VERIFIED"}, "iban": {"value": "FR7630006000011234567890189"}, "legalRepresentative": {"value": " "}}""");
    assertThat(erased.status()).isEqualTo(400);
    assertThat(erased.body()).contains("représentant légal");
    Http.Response unrepresented = completeOverHttp("conseiller", spouse.getId(), """
        {"beneficiaryCheck": {"value": "VERIFIED"}, "iban": {"value": "FR7630006000011234567890189"}, "protectedAdult": {"value": true}}""");
    assertThat(unrepresented.status()).isEqualTo(400);
    assertThat(completeOverHttp("conseiller", child.getId(), """
        {"beneficiaryCheck": {"value": "VERIFIED"}, "iban": {"value": "FR7630006000011234567890189"}, "legalRepresentative": {"value": "Anne Tutrice"}}""").status())
        .isEqualTo(204);
    assertThat(completeOverHttp("conseiller", spouse.getId(), """
        {"beneficiaryCheck": {"value": "VERIFIED"}, "iban": {"value": "FR7630006000011234567890189"}, "protectedAdult": {"value": true},
         "legalRepresentative": {"value": "Maître Curateur"}}""").status()).isEqualTo(204);
    Jobs.runAll(engine, id);
    assertThat(payments.of(claimKey)).extracting(p -> p.beneficiary() + " pour " + p.onBehalfOf())
        .containsExactlyInAnyOrder("Anne Tutrice pour Lou", "Maître Curateur pour Conjoint protégé");
  }

  @Test
  void item09APtiaIsRecognisedByAMedecinConseilUnderMedicalSecrecy() {
    String member = member();
    String id = claim(member, "PTIA", "").json().get("id").asText();
    completeAll(id, "recordEvent", Map.of("documentsComplete", true));
    var assess = task(id, "assessPtia");
    assertThat(engine.getTaskService().getIdentityLinksForTask(assess.getId())).extracting(l -> l.getGroupId())
        .containsExactly("medecins-conseil");
    // An advisor neither sees nor decides it.
    assertThat(http.post("/engine-rest/task/" + assess.getId() + "/claim", "conseiller", "demo", "{\"userId\": \"conseiller\"}")
        .status()).isNotIn(200, 204);
    assertThat(http.get("/engine-rest/task?taskDefinitionKey=assessPtia", "conseiller", "demo").body())
        .doesNotContain(assess.getId());
    assertThat(http.post("/engine-rest/task/" + assess.getId() + "/claim", "medecin", "demo", "{\"userId\": \"medecin\"}")
        .status()).isEqualTo(204);
    // Not recognised without a reason for the member: refused, nothing lost.
    Http.Response noReason = completeOverHttp("medecin", assess.getId(), """
        {"ptiaDecision": {"value": "NOT_RECOGNISED"}, "medicalNotes": {"value": "SECRET-PTIA-NOTE"}}""");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).doesNotContain("SECRET-PTIA-NOTE");
    assertThat(completeOverHttp("medecin", assess.getId(), """
        {"ptiaDecision": {"value": "NOT_RECOGNISED"}, "ptiaRefusalReason": {"value": "Les conditions de la PTIA ne sont pas réunies"},
         "medicalNotes": {"value": "SECRET-PTIA-NOTE"}}""").status()).isEqualTo(204);
    Jobs.runAll(engine, id);
    JsonNode view = http.get("/api/death-claims/" + id, "conseiller", "demo").json();
    assertThat(view.get("status").asText()).isEqualTo("PTIA_NOT_RECOGNISED");
    assertThat(view.get("beneficiaries")).isEmpty();
    String claimKey = view.get("businessKey").asText();
    assertThat(payments.of(claimKey)).isEmpty();
    assertThat(outbox.queuedFor(claimKey)).singleElement().satisfies(q -> {
      assertThat(q.kind()).isEqualTo("PTIA_NOT_RECOGNISED");
      assertThat(q.message()).contains("ne sont pas réunies").doesNotContain("SECRET");
    });
    // The notes are in the medical record, nowhere in the engine or its history.
    assertThat(jdbc.sql("select notes from medical_record where business_key = ?").param(claimKey).query(String.class)
        .list()).containsExactly("SECRET-PTIA-NOTE");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(id)
        .variableName("medicalNotes").count()).isZero();
    assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(id).list())
        .noneMatch(d -> String.valueOf(d instanceof org.camunda.bpm.engine.history.HistoricVariableUpdate u ? u.getValue() : "")
            .contains("SECRET"));
  }

  @Test
  void item18ABeneficiaryWhoCannotBeFoundIsSearchedForAndTheShareSetAside() {
    String member = member();
    String id = claim(member, "DEATH", """
        {"name": "Conjoint perdu", "relation": "SPOUSE", "unionType": "MARRIAGE", "birthDate": "1967-01-01", "alive": true}""")
        .json().get("id").asText();
    completeAll(id, "recordEvent", Map.of("documentsComplete", true));
    String claimKey = businessKey(id);
    completeAll(id, "checkBeneficiary", Map.of("beneficiaryCheck", "NOT_FOUND"));
    assertThat(engine.getRuntimeService().getActiveActivityIds(id)).contains("searchBeneficiary");
    assertThat(payees.of(claimKey)).extracting(p -> p.paymentStatus()).containsExactly("SEARCHING");
    var search = task(id, "searchBeneficiary");
    assertThat(search.getDueDate()).isNotNull();
    // The advisor is reminded, each time a new notice.
    for (int round = 0; round < 2; round++) {
      var timer = engine.getManagementService().createJobQuery().processInstanceId(id).timers().singleResult();
      engine.getManagementService().executeJob(timer.getId());
      Jobs.runAll(engine, id);
    }
    assertThat(jdbc.sql("select count(*) from notification_outbox where business_key = ? and kind like 'BENEFICIARY_SEARCH_REMINDER%'")
        .param(claimKey).query(Integer.class).single()).isEqualTo(2);
    // Found again: checked anew; not found again: a manager decides.
    completeAll(id, "searchBeneficiary", Map.of("searchOutcome", "FOUND"));
    assertThat(engine.getRuntimeService().getActiveActivityIds(id)).contains("checkBeneficiary");
    completeAll(id, "checkBeneficiary", Map.of("beneficiaryCheck", "NOT_FOUND"));
    completeAll(id, "searchBeneficiary", Map.of("searchOutcome", "STILL_UNFOUND", "searchNotes", "Courrier revenu NPAI"));
    completeAll(id, "decideUnfoundShare", Map.of("unfoundShareDecision", "SEARCH_AGAIN"));
    completeAll(id, "searchBeneficiary", Map.of("searchOutcome", "STILL_UNFOUND"));
    var decide = task(id, "decideUnfoundShare");
    assertThat(engine.getTaskService().getIdentityLinksForTask(decide.getId())).extracting(l -> l.getGroupId())
        .containsExactly("gestionnaires");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(decide.getId(),
        Map.of("unfoundShareDecision", "SET_ASIDE"))).hasMessageContaining("motivation");
    completeAll(id, "decideUnfoundShare", Map.of("unfoundShareDecision", "SET_ASIDE",
        "unfoundShareMotivation", "Recherches épuisées ; part conservée pour le bénéficiaire"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count()).isZero();
    // The share stays the beneficiary's: set aside, paid to nobody.
    assertThat(payees.of(claimKey)).extracting(p -> p.paymentStatus()).containsExactly("SET_ASIDE");
    assertThat(payments.of(claimKey)).isEmpty();
  }
}
