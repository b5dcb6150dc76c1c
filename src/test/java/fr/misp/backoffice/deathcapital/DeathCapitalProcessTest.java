package fr.misp.backoffice.deathcapital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.payment.PaymentOrders;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Jobs;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import fr.misp.backoffice.support.Http;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every path and every rank of death-capital.bpmn, amounts to the cent, over the API. */
@H2AppTest
class DeathCapitalProcessTest {

  private static final AtomicInteger MEMBER = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MemberDirectory members;
  @Autowired PaymentOrders payments;
  @Autowired fr.misp.backoffice.socialaid.AdvisorAgencies agencies;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    AbstractAssertions.init(engine);
  }

  /** A member of its own per test (one claim per member and event). */
  String member() {
    String id = "M-DC-" + MEMBER.incrementAndGet();
    members.save(new Member(id, "Membre " + id, LocalDate.of(1965, 3, 3), "ACTIVE", "MA", false, LocalDate.of(2000, 1, 1), "AG-075"));
    return id;
  }

  static String relative(String name, String relation, String union, String birth, boolean alive, boolean dependent) {
    // Every child names a legal representative: required for a minor, ignored for an adult.
    return """
        {"name": "%s", "relation": "%s", "unionType": %s, "birthDate": "%s", "alive": %s, "dependent": %s%s}"""
        .formatted(name, relation, union == null ? "null" : "\"" + union + "\"", birth, alive, dependent,
            relation.equals("CHILD") ? ", \"legalRepresentative\": \"Tuteur de " + name + "\"" : "");
  }

  String claim(String memberId, String event, String date, String category, String base, List<String> family, String designation) {
    // The claim's category is the directory's (RULES §6 Decision): the member's record says it first.
    Member onRecord = members.find(memberId).orElseThrow();
    members.save(new Member(onRecord.id(), onRecord.name(), onRecord.birthDate(), category, onRecord.countryOfResidence(),
        onRecord.hcsRegistered(), onRecord.membershipStartDate(), onRecord.agencyCode()));
    Http.Response response = http.post("/api/death-claims", "conseiller", "demo", """
        {"memberId": "%s", "event": "%s", "eventDate": "%s", "memberCategory": "%s", "annualContributionBase": %s,
         "family": [%s], "designation": %s}""".formatted(memberId, event, date, category, base, String.join(",", family), designation));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  /** Completes the claim's task with BPM Assert, then runs the steps that follow it (and the orphan requests). */
  void complete(String id, String key, Object... pairs) {
    Map<String, Object> variables = new java.util.HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      variables.put((String) pairs[i], pairs[i + 1]);
    }
    BpmnAwareTests.complete(BpmnAwareTests.taskQuery().processInstanceId(id).taskDefinitionKey(key).list().get(0),
        variables);
    Jobs.runAll(engine);
  }

  void verifyAllPayees(String id) {
    for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("checkBeneficiary").list()) {
      engine.getTaskService().complete(task.getId(), Map.of("beneficiaryCheck", "VERIFIED", "iban", "FR7630006000011234567890189"));
      Jobs.runAll(engine);
    }
  }

  JsonNode view(String id) {
    Http.Response response = http.get("/api/death-claims/" + id, "conseiller", "demo");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  static List<String> lines(JsonNode view) {
    List<String> lines = new ArrayList<>();
    view.get("beneficiaries").forEach(b -> lines.add(b.get("name").asText() + "|" + b.get("rank").asText() + "|"
        + b.get("purpose").asText() + "|" + b.get("amount").decimalValue().setScale(2).toPlainString() + "|" + b.get("paymentStatus").asText()));
    return lines;
  }

  static final String STANDARD = "{\"type\": \"STANDARD\"}";

  @Test
  void deathOfAnActiveMemberSpouseByPacsAndDependentChildren() {
    String member = member();
    String id = claim(member, "DEATH", "2024-05-10", "ACTIVE", "40000", List.of(
        relative("Camille", "SPOUSE", "PACS", "1970-01-01", true, false),
        relative("Léa", "CHILD", null, "2005-06-01", true, true),
        relative("Hugo", "CHILD", null, "1990-01-01", true, true),
        relative("Marie", "PARENT", null, "1940-01-01", true, false)), STANDARD);
    assertThat(view(id).get("status").asText()).isEqualTo("RECORDING");
    // Unticked without saying what is missing: refused, no silent detour.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(id, "recordEvent", "documentsComplete", false))
        .hasMessageContaining("pièces manquantes");
    complete(id, "recordEvent", "documentsComplete", false, "missingDocuments", "Acte de décès");
    assertThat(engine.getRuntimeService().getActiveActivityIds(id)).containsExactly("recordEvent");
    complete(id, "recordEvent", "documentsComplete", true);
    JsonNode paying = view(id);
    assertThat(paying.get("status").asText()).isEqualTo("PAYING");
    // R-CAP-1: 85 % × 40 000 = 34 000; R-CAP-2: 2 × 12 124,82 (point at 2023-07-01)
    assertThat(paying.get("capitalAmount").decimalValue()).isEqualByComparingTo("34000.00");
    assertThat(paying.get("majorationAmount").decimalValue()).isEqualByComparingTo("24249.64");
    assertThat(http.get("/api/death-claims/" + id, "gestionnaire", "demo").body())
        .contains("\"capitalAmount\":34000.00", "\"amount\":34000.00", "\"amount\":12124.82");
    assertThat(lines(paying)).containsExactly("Camille|SPOUSE|CAPITAL|34000.00|PENDING",
        "Léa|CHILDREN|MAJORATION|12124.82|PENDING", "Hugo|CHILDREN|MAJORATION|12124.82|PENDING");
    // A check completed without a result is refused (nothing unticked sends the file anywhere).
    Task first = engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("checkBeneficiary").list().get(0);
    assertThat(engine.getTaskService().getVariable(first.getId(), "payeeName")).isNotNull();
    assertThatThrownBy(() -> engine.getTaskService().complete(first.getId(), Map.of()))
        .hasMessageContaining("bénéficiaire vérifié, ou introuvable");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("checkBeneficiary").count()).isEqualTo(3);
    verifyAllPayees(id);
    JsonNode done = view(id);
    assertThat(done.get("status").asText()).isEqualTo("CLOSED");
    assertThat(lines(done)).allSatisfy(l -> assertThat(l).endsWith("|PAYMENT_ORDERED"));
    String claimKey = done.get("businessKey").asText();
    assertThat(payments.of(claimKey)).hasSize(3).extracting(p -> p.amount())
        .usingElementComparator(BigDecimal::compareTo).containsExactlyInAnyOrder(new BigDecimal("34000.00"),
            new BigDecimal("12124.82"), new BigDecimal("12124.82"));
    // A replayed payment step orders nothing more.
    assertThat(payments.orderOnce(claimKey + ":0", claimKey, "Camille", new BigDecimal("34000.00"), "DEATH_CAPITAL")).isFalse();
    assertThat(payments.of(claimKey)).hasSize(3);
    // R-CAP-4: Léa (19) gets an orphan allowance request; Hugo (34) does not.
    List<String> orphans = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("socialAid")
        .processInstanceBusinessKeyLike("SA-ORPHAN-" + claimKey + "%").list().stream()
        .map(p -> (String) engine.getRuntimeService().getVariable(p.getId(), "orphanName")).toList();
    assertThat(orphans).containsExactly("Léa");
  }

  @Test
  void childrenInEqualSharesSkipAPredeceasedOneAndThe2022PointApplies() {
    String id = claim(member(), "DEATH", "2022-08-01", "ACTIVE", "10000.01", List.of(
        relative("Époux", "SPOUSE", "MARRIAGE", "1960-01-01", false, false),
        relative("A", "CHILD", null, "2010-01-01", true, true),
        relative("B", "CHILD", null, "2008-01-01", false, true),
        relative("C", "CHILD", null, "1985-01-01", true, false),
        relative("D", "CHILD", null, "1987-01-01", true, false)), STANDARD);
    complete(id, "recordEvent", "documentsComplete", true);
    // 85 % × 10 000,01 = 8 500,0085 → 8 500,01; three children: 2 833,33 × 3 + 0,02 to the first
    assertThat(lines(view(id))).containsExactly("A|CHILDREN|CAPITAL|2833.35|PENDING", "C|CHILDREN|CAPITAL|2833.33|PENDING",
        "D|CHILDREN|CAPITAL|2833.33|PENDING", "A|CHILDREN|MAJORATION|11945.63|PENDING");
    verifyAllPayees(id);
    assertThat(view(id).get("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  void aSpecificDesignationThatDoesNotAddUpIsClarifiedByAnAdvisor() {
    String id = claim(member(), "DEATH", "2024-02-01", "RETIRED", "0", List.of(
        relative("Conjoint", "SPOUSE", "MARRIAGE", "1960-01-01", true, false)),
        "{\"type\": \"SPECIFIC\", \"beneficiaries\": [{\"name\": \"Ami\", \"share\": 40}, {\"name\": \"Neveu\", \"share\": 50}]}");
    complete(id, "recordEvent", "documentsComplete", true);
    assertThat(view(id).get("status").asText()).isEqualTo("DESIGNATION_TO_CLARIFY");
    String task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(task, Map.of("designationClear", true,
        "beneficiaries", "Ami ; 40\nNeveu ; 50"))).isInstanceOf(ProcessEngineException.class).hasMessageContaining("90 %");
    engine.getTaskService().complete(task, Map.of("designationClear", true, "beneficiaries", "Ami ; 40\nNeveu ; 60"));
    Jobs.runAll(engine);
    // RETIRED: forfait 3 500 € (R-CAP-1): 1 400 + 2 100
    assertThat(lines(view(id))).containsExactly("Ami|DESIGNATED|CAPITAL|1400.00|PENDING", "Neveu|DESIGNATED|CAPITAL|2100.00|PENDING");
    verifyAllPayees(id);
  }

  @Test
  void anUnusableDesignationFallsBackToTheStandardClauseParentsRank() {
    String id = claim(member(), "DEATH", "2024-02-01", "MAINTAINED_CTA", "0", List.of(
        relative("Père", "PARENT", null, "1940-01-01", true, false), relative("Mère", "PARENT", null, "1942-01-01", true, false)),
        "{\"type\": \"SPECIFIC\", \"beneficiaries\": [{\"name\": \"\", \"share\": 100}]}");
    complete(id, "recordEvent", "documentsComplete", true);
    String task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId();
    // Neither option chosen, or beneficiaries typed under "unusable": refused, nothing applied.
    assertThatThrownBy(() -> engine.getTaskService().complete(task, Map.of("beneficiaries", "")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Choisissez");
    assertThatThrownBy(() -> engine.getTaskService().complete(task, Map.of("designationClear", "false",
        "beneficiaries", "Association Amie ; 50\nPaul ; 50"))).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Des bénéficiaires sont indiqués");
    assertThat(view(id).get("status").asText()).isEqualTo("DESIGNATION_TO_CLARIFY");
    engine.getTaskService().complete(task, Map.of("designationClear", "false"));
    Jobs.runAll(engine);
    // MP maintenu CTA: 15 855 € in two equal shares
    assertThat(lines(view(id))).containsExactly("Père|PARENTS|CAPITAL|7927.50|PENDING", "Mère|PARENTS|CAPITAL|7927.50|PENDING");
    verifyAllPayees(id);
  }

  @Test
  void heirsWaitForTheNotarysDeedWithAReminderEvery30Days() {
    String id = claim(member(), "DEATH", "2018-03-01", "ACTIVE", "30000", List.of(
        relative("Père", "PARENT", null, "1940-01-01", false, false)), STANDARD);
    complete(id, "recordEvent", "documentsComplete", true);
    assertThat(view(id).get("status").asText()).isEqualTo("AWAITING_NOTARY_DEED");
    // RULES §9 Decision (item 14): the task is due after P-TASK-NOTARY-DEED-DAYS, its 30-day reminder cycle.
    org.camunda.bpm.engine.task.Task deed = engine.getTaskService().createTaskQuery().processInstanceId(id)
        .taskDefinitionKey("notaryDeed").singleResult();
    assertThat(java.time.Duration.between(deed.getCreateTime().toInstant(), deed.getDueDate().toInstant()).toHours())
        .isBetween(30 * 24L - 1, 30 * 24L + 1);
    for (int i = 0; i < 2; i++) {
      Job reminder = engine.getManagementService().createJobQuery().processInstanceId(id).activityId("notaryReminderTimer").singleResult();
      engine.getManagementService().executeJob(reminder.getId());
      Jobs.runAll(engine, id);
    }
    assertThat(engine.getRuntimeService().getVariable(id, "notaryReminders")).isEqualTo(2);
    complete(id, "notaryDeed", "heirs", "Cousine ; 50\nCousin ; 25\nAmi de la famille ; 25");
    assertThat(lines(view(id))).containsExactly("Cousine|HEIRS|CAPITAL|12750.00|PENDING",
        "Cousin|HEIRS|CAPITAL|6375.00|PENDING", "Ami de la famille|HEIRS|CAPITAL|6375.00|PENDING");
    verifyAllPayees(id);
  }

  @Test
  void aDeathIn2019UsesThe2017PointForTheMajoration() {
    String id = claim(member(), "DEATH", "2019-06-01", "RETIRED", "0", List.of(
        relative("Conjointe", "SPOUSE", "CONCUBINAGE", "1955-01-01", true, false),
        relative("Petit", "CHILD", null, "2010-01-01", true, true)), STANDARD);
    complete(id, "recordEvent", "documentsComplete", true);
    // 821 × 5 623,23 / 100 × 25 % = 11 541,68 (P-POINT-100 of 2017-02-01)
    assertThat(lines(view(id))).containsExactly("Conjointe|SPOUSE|CAPITAL|3500.00|PENDING",
        "Petit|CHILDREN|MAJORATION|11541.68|PENDING");
    verifyAllPayees(id);
  }

  @Test
  void ptiaPaysTheMemberCapitalAndMajoration() {
    String member = member();
    String id = claim(member, "PTIA", "2023-07-01", "ACTIVE", "20000", List.of(
        relative("Enfant", "CHILD", null, "2012-01-01", true, true)), STANDARD);
    complete(id, "recordEvent", "documentsComplete", true);
    assertThat(view(id).get("status").asText()).isEqualTo("MEDICAL_ASSESSMENT");
    complete(id, "assessPtia", "ptiaDecision", "RECOGNISED");
    assertThat(lines(view(id))).containsExactly("Membre " + member + "|MEMBER|CAPITAL|17000.00|PENDING",
        "Membre " + member + "|MEMBER|MAJORATION|12124.82|PENDING");
    verifyAllPayees(id);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKeyLike("SA-ORPHAN-DC-" + member + "%").count())
        .isZero();
  }

  @Test
  void anAssociateMemberGetsNothingButTheOrphanStillGetsItsRequest() {
    String member = member();
    String id = claim(member, "DEATH", "2024-01-15", "ASSOCIATE", "25000", List.of(
        relative("Orphelin", "CHILD", null, "2015-01-01", true, true)), STANDARD);
    // Completed by an advisor of another agency: the orphan request is opened by the back office itself.
    if (engine.getIdentityService().createUserQuery().userId("conseiller99").count() == 0) {
      engine.getIdentityService().saveUser(engine.getIdentityService().newUser("conseiller99"));
      engine.getIdentityService().createMembership("conseiller99", "conseillers");
      agencies.assign("conseiller99", "AG-999");
    }
    engine.getIdentityService().setAuthentication("conseiller99", List.of("conseillers"));
    try {
      complete(id, "recordEvent", "documentsComplete", true);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    JsonNode done = view(id);
    assertThat(done.get("status").asText()).isEqualTo("CLOSED");
    assertThat(done.get("capitalAmount").decimalValue()).isEqualByComparingTo("0");
    assertThat(done.get("beneficiaries")).isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKeyLike("SA-ORPHAN-DC-" + member + "%").count())
        .isEqualTo(1);
  }

  @Test
  void theApiValidatesAndOpensOneClaimPerMemberAndEvent() {
    String member = member();
    String body = """
        {"memberId": "%s", "event": "DEATH", "eventDate": "2024-01-15", "memberCategory": "ACTIVE", "annualContributionBase": 0,
         "family": [], "designation": {"type": "STANDARD"}}""".formatted(member);
    Http.Response first = http.post("/api/death-claims", "conseiller", "demo", body);
    Http.Response second = http.post("/api/death-claims", "conseiller", "demo", body);
    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
    assertThat(http.post("/api/death-claims", null, null, body).status()).isEqualTo(401);
    assertThat(http.post("/api/death-claims", "medecin", "demo", body).status()).isEqualTo(403);
    assertThat(http.get("/api/death-claims/" + first.json().get("id").asText(), "commission", "demo").status()).isEqualTo(403);
    Http.Response bad = http.post("/api/death-claims", "conseiller", "demo", """
        {"memberId": "NOBODY", "event": "FIRE", "eventDate": "2999-01-01", "memberCategory": "RETIRED", "annualContributionBase": -1,
         "family": [], "designation": {"type": "STANDARD"}}""");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("\"field\":\"event\"");
    Http.Response noUnion = http.post("/api/death-claims", "conseiller", "demo", """
        {"memberId": "%s", "event": "PTIA", "eventDate": "2024-01-15", "memberCategory": "ACTIVE", "annualContributionBase": 100,
         "family": [{"name": "X", "relation": "SPOUSE", "alive": true}], "designation": {"type": "STANDARD"}}""".formatted(member));
    assertThat(noUnion.status()).isEqualTo(400);
    assertThat(noUnion.body()).contains("family[0].unionType");
    engine.getRuntimeService().deleteProcessInstance(first.json().get("id").asText(), "test");
  }
}
