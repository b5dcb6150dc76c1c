package fr.misp.backoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.network.Establishment;
import fr.misp.backoffice.network.MedicalNetwork;
import fr.misp.backoffice.platform.engine.ProcessKeys;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.platform.security.IdentityBootstrap;
import fr.misp.backoffice.socialaid.AdvisorAgencies;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.Jobs;
import fr.misp.backoffice.support.WebappSession;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The attacks of the integrity review, each replayed over real HTTP as a signed-in user of each
 * group, with what must not change. Run on H2 and on PostgreSQL (prod profile). Every case is a row
 * of the form: who — calls what — gets which status — and what stays as it was.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AttackSuiteTests {

  static final String PASSWORD = "Atk-Passw0rd!ok";
  static final String ADVISOR = "atk-advisor";
  static final String DOCTOR = "atk-doctor";
  static final String COMMISSION = "atk-commission";
  static final String MANAGER = "atk-manager";
  static final String IMA = "atk-ima";
  static final String HCS = "atk-hcs";
  static final String ADMIN = "atk-admin";
  static final String AGENCY = "AG-ATK";
  private static final AtomicInteger CASE = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MemberDirectory members;
  @Autowired MedicalNetwork network;
  @Autowired AdvisorAgencies agencies;
  Http http;

  @BeforeEach
  void world() {
    http = new Http(port);
    user(ADVISOR, Groups.ADVISORS);
    user(DOCTOR, Groups.MEDICAL_ADVISERS);
    user(COMMISSION, Groups.SOCIAL_AID_COMMISSION);
    user(MANAGER, Groups.MANAGERS);
    user(IMA, Groups.IMA);
    user(HCS, Groups.HCS);
    user(ADMIN, Groups.ADMINS);
    agencies.assign(ADVISOR, AGENCY);
    members.save(new Member("M-ES-ATK", "Lucie Attaque", LocalDate.of(1980, 1, 1), "ACTIVE", "ES", false,
        LocalDate.of(2010, 1, 1), AGENCY));
    members.save(new Member("M-US-ATK", "John Attaque", LocalDate.of(1981, 1, 1), "ACTIVE", "US", true,
        LocalDate.of(2010, 1, 1), AGENCY));
    if (network.find("ES-ATK-01").isEmpty()) {
      network.create(new Establishment("ES-ATK-01", "Hospital de Prueba", "ES", "Madrid"));
      network.create(new Establishment("US-ATK-01", "Test General Hospital", "US", "Boston"));
    }
  }

  private void user(String id, String group) {
    if (engine.getIdentityService().createUserQuery().userId(id).count() == 0) {
      User user = engine.getIdentityService().newUser(id);
      user.setPassword(PASSWORD);
      user.setFirstName(id);
      engine.getIdentityService().saveUser(user);
      engine.getIdentityService().createMembership(id, group);
    }
  }

  // --- files to attack, opened through the API as their users would -------------------------------

  /** A prior approval of the IMA zone (Spain) or the HCS zone (USA), waiting at buildFile. */
  String priorApproval(boolean ima) {
    LocalDate today = LocalDate.now();
    Http.Response started = http.post("/api/prior-approvals", ADVISOR, PASSWORD, """
        {"memberId": "%s", "type": "HOSPITALISATION", "countryOfResidence": "%s", "receivedDate": "%s",
         "plannedAdmissionDate": "%s", "establishmentId": "%s", "quoteAmount": 2000, "quoteCurrency": "EUR"}"""
        .formatted(ima ? "M-ES-ATK" : "M-US-ATK", ima ? "ES" : "US", today, today.plusDays(60 + CASE.incrementAndGet()),
            ima ? "ES-ATK-01" : "US-ATK-01"));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    return started.json().get("id").asText();
  }

  String atMedicalReview() {
    String id = priorApproval(true);
    engine.getTaskService().complete(task(id, "buildFile").getId(),
        Map.of("documentsComplete", true, "quoteAmount", 2000, "quoteCurrency", "EUR"));
    return id;
  }

  String socialAidAtCommission(String aidType, int amount, Integer months) {
    Http.Response started = http.post("/api/social-aid-requests", ADVISOR, PASSWORD, """
        {"memberId": "M-ES-ATK", "agencyCode": "%s", "situation": "LATE_INCOME", "aidType": "%s",
         "requestedAmount": %d, "durationMonths": %s, "monthlyResources": 900, "monthlyCharges": 800,
         "householdSize": 2}""".formatted(AGENCY, aidType, amount + CASE.incrementAndGet(), months));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String id = started.json().get("id").asText();
    engine.getTaskService().complete(task(id, "buildSocialFile").getId(),
        Map.of("fileComplete", true, "advisorOpinion", "Dossier complet", "monthlyResources", 900,
            "monthlyCharges", 800, "householdSize", 2));
    Jobs.runAll(engine, id);
    return id;
  }

  Task task(String processInstanceId, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
        .singleResult();
  }

  Object variable(String processInstanceId, String name) {
    return engine.getRuntimeService().getVariable(processInstanceId, name);
  }

  static String complete(Map<String, Object> variables) {
    StringBuilder json = new StringBuilder("{\"variables\":{");
    variables.forEach((name, value) -> json.append(json.charAt(json.length() - 1) == '{' ? "" : ",")
        .append('"').append(name).append("\":{\"value\":").append(value instanceof String s ? "\"" + s + "\"" : value)
        .append('}'));
    return json.append("}}").toString();
  }

  // --- Staffing of the agencies (issue 13): administrators only, recorded once when sent at once -----

  @Test
  void onlyAnAdministratorStaffsAnAgencyAndTwiceAtOnceRecordsItOnce() throws Exception {
    String agency = "AG-STF" + System.nanoTime() % 1_000_000;
    members.save(new Member("M-" + agency, "Membre à staffer", LocalDate.of(1975, 5, 5), "ACTIVE", "ES", false,
        LocalDate.of(2010, 1, 1), agency));
    String advisor = "atk-new-" + System.nanoTime() % 1_000_000;
    user(advisor, Groups.ADVISORS);
    String path = "/api/agencies/" + agency + "/advisors/" + advisor;
    for (String other : List.of(ADVISOR, DOCTOR, COMMISSION, MANAGER, IMA, HCS)) {
      assertThat(http.put(path, other, PASSWORD, "").status()).as(other).isEqualTo(403);
      assertThat(http.get("/api/agencies", other, PASSWORD).status()).as(other).isEqualTo(403);
    }
    // The new advisor does not assign himself, to this agency or to one with files.
    assertThat(http.put(path, advisor, PASSWORD, "").status()).isEqualTo(403);
    assertThat(http.put("/api/agencies/" + AGENCY + "/advisors/" + advisor, advisor, PASSWORD, "").status()).isEqualTo(403);
    assertThat(agencies.advisorsOf(agency)).isEmpty();

    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.CompletableFuture<Integer>> calls = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      calls.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return http.put(path, ADMIN, PASSWORD, "").status();
      }));
    }
    go.countDown();
    for (java.util.concurrent.CompletableFuture<Integer> call : calls) {
      assertThat(call.get()).isEqualTo(200);
    }
    assertThat(agencies.advisorsOf(agency)).containsExactly(advisor);
    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup(Groups.AGENCY_PREFIX + agency).list())
        .extracting(User::getId).containsExactly(advisor);
  }

  // --- 1. Expressions: refused whatever the entry point, media type, charset or nesting -----------

  static final String OR_EXPRESSION = "{\"orQueries\":[{\"candidateGroupExpression\":"
      + "\"${''.getClass().forName('java.lang.Runtime')}\"}]}";

  private void refusedAsExpression(Http.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("expressions sont interdites");
  }

  @Test
  void expressionInAQueryString() {
    refusedAsExpression(http.get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D", ADVISOR, PASSWORD));
  }

  @Test
  void expressionInOrQueriesWhateverTheMediaTypeSpelling() {
    for (String type : List.of("application/json", "application/JSON", "Application/Json;charset=UTF-8",
        "APPLICATION/JSON; charset=utf-8")) {
      refusedAsExpression(http.send("POST", "/engine-rest/task", ADVISOR, PASSWORD, type,
          OR_EXPRESSION.getBytes(StandardCharsets.UTF_8)));
      refusedAsExpression(http.send("POST", "/engine-rest/task/count", ADVISOR, PASSWORD, type,
          OR_EXPRESSION.replace("${", "#{").getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void expressionInOrQueriesWhateverTheCharset() {
    for (String charset : List.of("UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32")) {
      byte[] body = OR_EXPRESSION.getBytes(Charset.forName(charset));
      Http.Response declared = http.send("POST", "/engine-rest/task", ADVISOR, PASSWORD,
          "application/json;charset=" + charset, body);
      assertThat(declared.status()).as(charset).isEqualTo(400);
      Http.Response undeclared = http.send("POST", "/engine-rest/task", ADVISOR, PASSWORD, "application/json", body);
      assertThat(undeclared.status()).as(charset).isEqualTo(400);
    }
    byte[] bom = "\uFEFF".concat(OR_EXPRESSION).getBytes(StandardCharsets.UTF_16BE);
    assertThat(http.send("POST", "/engine-rest/task", ADVISOR, PASSWORD, "application/json", bom).status())
        .isEqualTo(400);
  }

  @Test
  void expressionInAFilterExtension() {
    String filterId = engine.getFilterService().createFilterQuery().filterName(IdentityBootstrap.TEAM_FILTER).list().get(0)
        .getId();
    refusedAsExpression(http.post("/engine-rest/filter/" + filterId + "/list", ADMIN, PASSWORD, OR_EXPRESSION));
    refusedAsExpression(http.post("/engine-rest/filter/" + filterId + "/count", ADMIN, PASSWORD, OR_EXPRESSION));
  }

  @Test
  void expressionInASavedFilter() {
    long before = engine.getFilterService().createFilterQuery().count();
    assertThat(http.post("/engine-rest/filter/create", ADMIN, PASSWORD,
        "{\"resourceType\":\"Task\",\"name\":\"piège\",\"query\":" + OR_EXPRESSION + "}").status()).isIn(400, 403);
    var filter = engine.getFilterService().newTaskFilter("piège").setOwner(ADMIN).setQuery(
        engine.getTaskService().createTaskQuery().or().taskCandidateGroupExpression("${'x'}").endOr());
    assertThatThrownBy(() -> engine.getFilterService().saveFilter(filter)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("expressions");
    assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(before);
  }

  @Test
  void expressionThroughTasklistsOwnApi() {
    WebappSession tasklist = WebappSession.signIn(port, "tasklist", ADVISOR, PASSWORD);
    refusedAsExpression(tasklist.post("/camunda/api/engine/engine/default/task", OR_EXPRESSION));
    assertThat(tasklist.post("/camunda/api/engine/engine/default/task", "{\"orQueries\":[{\"assignee\":\"x\"}]}")
        .status()).isEqualTo(200);
  }

  @Test
  void expressionThroughJava() {
    assertThatThrownBy(() -> engine.getTaskService().createTaskQuery().or().taskCandidateGroupExpression("${'x'}")
        .endOr().list()).isInstanceOf(BadUserRequestException.class).hasMessageContaining("expressions");
  }

  // --- 2. A finished file cannot be re-created around its decision ---------------------------------

  @Test
  void restartOfAFinishedFileIsRefusedToEveryRole() {
    String id = priorApproval(true);
    engine.getRuntimeService().deleteProcessInstance(id, "refusé");
    String definitionId = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id)
        .singleResult().getProcessDefinitionId();
    long running = engine.getRuntimeService().createProcessInstanceQuery().count();
    String body = "{\"processInstanceIds\":[\"" + id + "\"],\"instructions\":[{\"type\":\"startBeforeActivity\","
        + "\"activityId\":\"issueAgreement\"}],\"initialVariables\":true}";
    for (String user : List.of(ADVISOR, DOCTOR, MANAGER, IMA, ADMIN)) {
      assertThat(http.post("/engine-rest/process-definition/" + definitionId + "/restart", user, PASSWORD, body).status())
          .as(user).isEqualTo(403);
      assertThat(http.post("/engine-rest/process-definition/" + definitionId + "/restart-async", user, PASSWORD, body)
          .status()).as(user).isEqualTo(403);
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(running);
  }

  @Test
  void modificationOfARunningFileIsRefused() {
    String id = priorApproval(true);
    String body = "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"issueAgreement\"}]}";
    for (String user : List.of(ADVISOR, MANAGER, ADMIN)) {
      assertThat(http.post("/engine-rest/process-instance/" + id + "/modification", user, PASSWORD, body).status())
          .as(user).isEqualTo(403);
    }
    assertThat(engine.getRuntimeService().getActiveActivityIds(id)).containsExactly("buildFile");
  }

  // --- 3. A task accepts only its form's fields ----------------------------------------------------

  @Test
  void theCommissionCannotRedirectThePaymentOrTurnALoanIntoAGrant() {
    String id = socialAidAtCommission("SOCIAL_LOAN", 2000, 12);
    Task task = task(id, "commissionDecision");
    assertThat(http.post("/engine-rest/task/" + task.getId() + "/claim", COMMISSION, PASSWORD,
        "{\"userId\":\"" + COMMISSION + "\"}").status()).isEqualTo(204);
    Map<String, Object> decision = new HashMap<>(Map.of("commissionDecision", "GRANT", "grantedAmount", 2000,
        "grantedDurationMonths", 12, "motivation", "Accordé"));
    for (Map.Entry<String, Object> forged : Map.<String, Object>of("memberId", "M-US-ATK", "aidType", "GRANT",
        "agencyCode", "AG-075").entrySet()) {
      Map<String, Object> attack = new HashMap<>(decision);
      attack.put(forged.getKey(), forged.getValue());
      Http.Response refused = http.post("/engine-rest/task/" + task.getId() + "/complete", COMMISSION, PASSWORD,
          complete(attack));
      assertThat(refused.status()).as(forged.getKey()).isEqualTo(400);
      assertThat(refused.body()).contains("Champ non prévu par le formulaire").doesNotContain(forged.getValue().toString());
      Http.Response viaForm = http.post("/engine-rest/task/" + task.getId() + "/submit-form", COMMISSION, PASSWORD,
          complete(attack));
      assertThat(viaForm.status()).as(forged.getKey()).isEqualTo(400);
    }
    assertThat(task(id, "commissionDecision")).isNotNull();
    assertThat(variable(id, "memberId")).isEqualTo("M-ES-ATK");
    assertThat(variable(id, "aidType")).isEqualTo("SOCIAL_LOAN");
    assertThat(variable(id, "agencyCode")).isEqualTo(AGENCY);
  }

  @Test
  void theDoctorCannotRaiseTheQuote() {
    String id = atMedicalReview();
    Task task = task(id, "medicalReview");
    Http.Response refused = http.post("/engine-rest/task/" + task.getId() + "/complete", DOCTOR, PASSWORD,
        complete(Map.of("medicalDecision", "APPROVE", "approvedAmount", 9000, "quoteAmount", 9000)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(new java.math.BigDecimal(variable(id, "quoteAmount").toString())).isEqualByComparingTo("2000");
    assertThat(task(id, "medicalReview")).isNotNull();
  }

  @Test
  void theClaimsAdministratorCannotForgeAnApproval() {
    String id = priorApproval(true);
    Task task = task(id, "buildFile");
    Map<String, Object> forged = Map.of("documentsComplete", true, "quoteAmount", 2000, "quoteCurrency", "EUR",
        "decision", "APPROVED", "agreementNumber", "FAUX-1", "approvedAmount", 2000);
    assertThat(http.post("/engine-rest/task/" + task.getId() + "/submit-form", IMA, PASSWORD, complete(forged)).status())
        .isEqualTo(400);
    assertThat(http.post("/engine-rest/task/" + task.getId() + "/complete", IMA, PASSWORD, complete(forged)).status())
        .isEqualTo(400);
    Http.Response view = http.get("/api/prior-approvals/" + id, IMA, PASSWORD);
    assertThat(view.json().get("decision").isNull()).isTrue();
    assertThat(view.json().get("agreementNumber").isNull()).isTrue();
    assertThat(view.json().get("status").asText()).isEqualTo("AWAITING_DOCUMENTS");
  }

  @Test
  void theAdvisorCannotSkipAPayeeWithALoopCounter() {
    String member = "M-DC-ATK-" + CASE.incrementAndGet();
    members.save(new Member(member, "Membre " + member, LocalDate.of(1965, 3, 3), "ACTIVE", "MA", false,
        LocalDate.of(2000, 1, 1), AGENCY));
    Http.Response claim = http.post("/api/death-claims", ADVISOR, PASSWORD, """
        {"memberId": "%s", "event": "PTIA", "eventDate": "2024-05-10", "memberCategory": "ACTIVE",
         "annualContributionBase": 40000, "family": [], "designation": {"type": "STANDARD"}}""".formatted(member));
    assertThat(claim.status()).as(claim.body()).isEqualTo(201);
    String id = claim.json().get("id").asText();
    engine.getTaskService().complete(task(id, "recordEvent").getId(), Map.of("documentsComplete", true));
    Jobs.runAll(engine, id);
    engine.getTaskService().complete(task(id, "assessPtia").getId(), Map.of("ptiaDecision", "RECOGNISED"));
    Jobs.runAll(engine, id);
    Task check = engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("checkBeneficiary")
        .list().get(0);
    Http.Response refused = http.post("/engine-rest/task/" + check.getId() + "/complete", ADVISOR, PASSWORD,
        complete(Map.of("beneficiaryCheck", "VERIFIED", "loopCounter", 99, "nrOfCompletedInstances", 99)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(engine.getTaskService().createTaskQuery().taskId(check.getId()).count()).isEqualTo(1);
  }

  @Test
  void valuesOfTheWrongTypeOrShapeAreRefused() {
    String id = priorApproval(true);
    Task task = task(id, "buildFile");
    String url = "/engine-rest/task/" + task.getId() + "/complete";
    assertThat(http.post(url, IMA, PASSWORD, complete(Map.of("documentsComplete", "\"oui\"".replace("\"", ""),
        "quoteAmount", 2000, "quoteCurrency", "EUR"))).status()).isEqualTo(400);
    assertThat(http.post(url, IMA, PASSWORD, complete(Map.of("documentsComplete", true, "quoteAmount", "cher",
        "quoteCurrency", "EUR"))).status()).isEqualTo(400);
    assertThat(http.post(url, IMA, PASSWORD, complete(Map.of("documentsComplete", true, "quoteAmount", 2000,
        "quoteCurrency", "E".repeat(300)))).status()).isEqualTo(400);
    assertThat(http.post(url, IMA, PASSWORD, complete(Map.of("documentsComplete", true, "quoteAmount", 2000,
        "quoteCurrency", "EU\\u0000R"))).status()).isEqualTo(400);
    assertThat(http.post(url, IMA, PASSWORD, "{\"variables\":{\"quoteCurrency\":{\"value\":\"rO0ABQ==\","
        + "\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\","
        + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}").status()).isEqualTo(400);
    assertThat(task(id, "buildFile")).isNotNull();
  }

  @Test
  void variablesCannotBeWrittenBesideACompletion() {
    String id = priorApproval(true);
    Task task = task(id, "buildFile");
    String value = "{\"value\":\"APPROVED\",\"type\":\"String\"}";
    for (String user : List.of(IMA, MANAGER, ADMIN)) {
      assertThat(http.put("/engine-rest/task/" + task.getId() + "/variables/decision", user, PASSWORD, value).status())
          .as(user).isEqualTo(403);
      assertThat(http.post("/engine-rest/task/" + task.getId() + "/variables", user, PASSWORD,
          "{\"modifications\":{\"decision\":" + value + "}}").status()).as(user).isEqualTo(403);
      assertThat(http.put("/engine-rest/process-instance/" + id + "/variables/decision", user, PASSWORD, value)
          .status()).as(user).isEqualTo(403);
      assertThat(http.post("/engine-rest/execution/" + id + "/localVariables", user, PASSWORD,
          "{\"modifications\":{\"decision\":" + value + "}}").status()).as(user).isEqualTo(403);
    }
    assertThat(variable(id, "decision")).isNull();
  }

  // --- 4. Each group within its own files -----------------------------------------------------------

  @Test
  void imaDoesNotReadHcsFilesAnywhere() {
    String hcsFile = priorApproval(false);
    assertThat(http.get("/api/prior-approvals/" + hcsFile, IMA, PASSWORD).status()).isEqualTo(403);
    assertThat(http.get("/api/prior-approvals/" + hcsFile, HCS, PASSWORD).status()).isEqualTo(200);
    assertThat(http.get("/engine-rest/process-instance/" + hcsFile, IMA, PASSWORD).status()).isEqualTo(404);
    assertThat(http.get("/engine-rest/process-instance/" + hcsFile + "/variables", IMA, PASSWORD).status())
        .isIn(403, 404);
    assertThat(http.get("/engine-rest/history/process-instance/" + hcsFile, IMA, PASSWORD).status()).isEqualTo(404);
    assertThat(http.get("/engine-rest/history/variable-instance?processInstanceId=" + hcsFile, IMA, PASSWORD).json())
        .isEmpty();
    assertThat(http.get("/engine-rest/task?processInstanceId=" + hcsFile, IMA, PASSWORD).json()).isEmpty();
  }

  @Test
  void hcsCannotMoveAnImaFile() {
    String imaFile = priorApproval(true);
    engine.getTaskService().complete(task(imaFile, "buildFile").getId(),
        Map.of("documentsComplete", false, "quoteAmount", 2000, "quoteCurrency", "EUR", "missingDocuments", "Devis signé"));
    assertThat(http.post("/api/prior-approvals/" + imaFile + "/documents-received", HCS, PASSWORD, "").status())
        .isEqualTo(403);
    assertThat(engine.getRuntimeService().getActiveActivityIds(imaFile)).doesNotContain("buildFile");
    assertThat(http.post("/api/prior-approvals", HCS, PASSWORD, """
        {"memberId": "M-ES-ATK", "type": "HOSPITALISATION", "countryOfResidence": "ES", "receivedDate": "%s",
         "plannedAdmissionDate": "%s", "establishmentId": "ES-ATK-01"}""".formatted(LocalDate.now(),
        LocalDate.now().plusDays(300))).status()).isEqualTo(400);
  }

  @Test
  void aCandidateCannotClaimForSomeoneElse() {
    String id = priorApproval(true);
    Task task = task(id, "buildFile");
    for (String other : List.of(DOCTOR, HCS, ADVISOR)) {
      assertThat(http.post("/engine-rest/task/" + task.getId() + "/claim", IMA, PASSWORD,
          "{\"userId\":\"" + other + "\"}").status()).as(other).isEqualTo(403);
      assertThat(http.post("/engine-rest/task/" + task.getId() + "/assignee", IMA, PASSWORD,
          "{\"userId\":\"" + other + "\"}").status()).as(other).isEqualTo(403);
    }
    assertThat(http.post("/engine-rest/task/" + task.getId() + "/delegate", IMA, PASSWORD,
        "{\"userId\":\"" + HCS + "\"}").status()).isEqualTo(403);
    assertThat(http.post("/engine-rest/task/" + task.getId() + "/identity-links", IMA, PASSWORD,
        "{\"userId\":\"" + HCS + "\",\"type\":\"candidate\"}").status()).isEqualTo(403);
    assertThat(task(id, "buildFile").getAssignee()).isNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
        .noneMatch(link -> HCS.equals(link.getUserId()));
    // For oneself: allowed.
    assertThat(http.post("/engine-rest/task/" + task.getId() + "/claim", IMA, PASSWORD,
        "{\"userId\":\"" + IMA + "\"}").status()).isEqualTo(204);
  }

  @Test
  void aRefusedJobExecutionBurnsNoRetry() {
    String id = atMedicalReview();
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(id).timers().list().get(0);
    for (int i = 0; i < 4; i++) {
      for (String user : List.of(ADVISOR, IMA, MANAGER, ADMIN)) {
        assertThat(http.post("/engine-rest/job/" + timer.getId() + "/execute", user, PASSWORD, "").status())
            .isEqualTo(403);
      }
    }
    assertThat(http.put("/engine-rest/job/" + timer.getId() + "/duedate", MANAGER, PASSWORD,
        "{\"duedate\":\"2020-01-01T00:00:00.000+0000\"}").status()).isEqualTo(403);
    Job after = engine.getManagementService().createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(timer.getRetries());
    assertThat(after.getDuedate()).isEqualTo(timer.getDuedate());
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(id).count()).isZero();
  }

  // --- 5. Processes start only through /api (or a start gateway) -----------------------------------

  @Test
  void theGenericStartIsRefusedForEveryProcessAndRole() {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    Map<String, String> bodies = Map.of(
        ProcessKeys.PRIOR_APPROVAL, "{\"variables\":{\"memberId\":{\"value\":\"NOBODY\"},\"countryOfResidence\":"
            + "{\"value\":\"FR\"},\"quoteAmount\":{\"value\":-500}}}",
        ProcessKeys.SOCIAL_AID, "{\"variables\":{\"memberId\":{\"value\":\"M-ES-ATK\"}}}",
        ProcessKeys.DEATH_CAPITAL, "{\"businessKey\":\"DC-FORGED\",\"variables\":{}}");
    for (Map.Entry<String, String> start : bodies.entrySet()) {
      for (String user : List.of(ADVISOR, IMA, HCS, MANAGER, ADMIN)) {
        String path = "/engine-rest/process-definition/key/" + start.getKey();
        assertThat(http.post(path + "/start", user, PASSWORD, start.getValue()).status()).as(user).isEqualTo(403);
        assertThat(http.post(path + "/start", user, PASSWORD, "{}").status()).as(user).isEqualTo(403);
      }
    }
    for (String message : List.of("documentsReceived", "hcsRegistered")) {
      assertThat(http.post("/engine-rest/message", ADVISOR, PASSWORD, "{\"messageName\":\"" + message + "\"}")
          .status()).isEqualTo(403);
    }
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void aTasklistStartFormOfAProcessWithoutGatewayIsRefused() {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    assertThat(http.post("/engine-rest/process-definition/key/priorApproval/submit-form", ADVISOR, PASSWORD,
        "{\"variables\":{}}").status()).isEqualTo(403);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void aSocialFileCannotBeMovedToAnotherAgency() {
    Http.Response started = http.post("/api/social-aid-requests", ADVISOR, PASSWORD, """
        {"memberId": "M-ES-ATK", "agencyCode": "%s", "situation": "LATE_INCOME", "aidType": "GRANT",
         "requestedAmount": %d, "monthlyResources": 900, "monthlyCharges": 800, "householdSize": 2}"""
        .formatted(AGENCY, 100 + CASE.incrementAndGet()));
    String id = started.json().get("id").asText();
    Task task = task(id, "buildSocialFile");
    Http.Response moved = http.post("/engine-rest/task/" + task.getId() + "/complete", ADVISOR, PASSWORD,
        complete(Map.of("fileComplete", true, "advisorOpinion", "Dossier complet", "monthlyResources", 900,
            "monthlyCharges", 800, "householdSize", 2, "agencyCode", "AG-075")));
    assertThat(moved.status()).isEqualTo(400);
    assertThat(variable(id, "agencyCode")).isEqualTo(AGENCY);
  }

  // --- 6. Accounts ---------------------------------------------------------------------------------

  @Test
  void wrongPasswordsSlowAnAccountDownButNeverLockItForGood() {
    String probe = "atk-lock-" + CASE.incrementAndGet();
    user(probe, Groups.ADVISORS);
    for (int i = 0; i < 12; i++) {
      assertThat(http.get("/engine-rest/task", probe, "wrong").status()).isEqualTo(401);
    }
    User locked = engine.getIdentityService().createUserQuery().userId(probe).singleResult();
    assertThat(locked).isNotNull();
    // The engine's lock expires within a minute; an administrator may lift it at once.
    org.camunda.bpm.engine.impl.persistence.entity.UserEntity entity =
        (org.camunda.bpm.engine.impl.persistence.entity.UserEntity) locked;
    assertThat(entity.getLockExpirationTime()).isBefore(new java.util.Date(System.currentTimeMillis() + 61_000));
    assertThat(http.post("/engine-rest/user/" + probe + "/unlock", ADVISOR, PASSWORD, "").status()).isEqualTo(403);
    assertThat(http.post("/engine-rest/user/" + probe + "/unlock", ADMIN, PASSWORD, "").status()).isEqualTo(204);
    assertThat(http.get("/engine-rest/task", probe, PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void nobodyDeletesOrRenamesThemself() {
    for (String user : List.of(ADVISOR, ADMIN)) {
      assertThat(http.delete("/engine-rest/user/" + user, user, PASSWORD).status()).as(user).isEqualTo(403);
      assertThat(http.put("/engine-rest/user/" + user + "/profile", user, PASSWORD,
          "{\"id\":\"" + user + "-renamed\",\"firstName\":\"X\"}").status()).as(user).isEqualTo(403);
      assertThat(engine.getIdentityService().createUserQuery().userId(user).count()).isEqualTo(1);
    }
    assertThat(http.delete("/engine-rest/user/" + IMA, ADVISOR, PASSWORD).status()).isEqualTo(403);
    assertThat(engine.getIdentityService().createUserQuery().userId(IMA).count()).isEqualTo(1);
  }

  @Test
  void anOversizedMedicalNoteIsRefusedWithoutBeingQuotedOrLogged(CapturedOutput output) {
    String id = atMedicalReview();
    Task task = task(id, "medicalReview");
    String note = "SECRETMEDICAL" + "x".repeat(9000);
    Http.Response refused = http.post("/engine-rest/task/" + task.getId() + "/complete", DOCTOR, PASSWORD,
        complete(Map.of("medicalDecision", "APPROVE", "approvedAmount", 1500, "medicalNotes", note)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).doesNotContain("SECRETMEDICAL").contains("trop long");
    assertThat(output.getAll()).doesNotContain("SECRETMEDICAL");
    assertThat(task(id, "medicalReview")).isNotNull();
  }

  // --- 7. Medical secrecy through generic features ------------------------------------------------

  @Test
  void noCommentOnAMedicalTask() {
    String id = atMedicalReview();
    Task task = task(id, "medicalReview");
    Http.Response refused = http.post("/engine-rest/task/" + task.getId() + "/comment/create", DOCTOR, PASSWORD,
        "{\"message\":\"Antécédents cardiaques\"}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(engine.getTaskService().getTaskComments(task.getId())).isEmpty();
    assertThat(engine.getTaskService().getProcessInstanceComments(id)).isEmpty();
    assertThat(http.post("/engine-rest/task/" + task.getId() + "/attachment/create", DOCTOR, PASSWORD, "{}").status())
        .isIn(403, 415);
  }

  @Test
  void managersDoNotFindMedicalTasksInTheirTeamList() {
    String id = atMedicalReview();
    String medicalTask = task(id, "medicalReview").getId();
    Http.Response filters = http.get("/engine-rest/filter?resourceType=Task", MANAGER, PASSWORD);
    assertThat(filters.json()).isNotEmpty();
    for (var filter : filters.json()) {
      Http.Response list = http.post("/engine-rest/filter/" + filter.get("id").asText() + "/list?maxResults=1000",
          MANAGER, PASSWORD, "{}");
      assertThat(list.body()).as(filter.get("name").asText()).doesNotContain(medicalTask);
    }
    Http.Response doctorFilters = http.get("/engine-rest/filter?resourceType=Task", DOCTOR, PASSWORD);
    boolean doctorSeesIt = false;
    for (var filter : doctorFilters.json()) {
      doctorSeesIt |= http.post("/engine-rest/filter/" + filter.get("id").asText() + "/list?maxResults=1000", DOCTOR,
          PASSWORD, "{}").body().contains(medicalTask);
    }
    assertThat(doctorSeesIt).isTrue();
  }

  // --- 8. Edges: open endpoints, headers, malformed input -------------------------------------------

  @Test
  void onlyHealthAndLoginAnswerWithoutCredentials() {
    assertThat(http.get("/actuator/health", null, null).status()).isEqualTo(200);
    assertThat(http.get("/actuator", null, null).status()).isIn(401, 404);
    assertThat(http.get("/engine-rest/engine", null, null).status()).isEqualTo(401);
    assertThat(http.get("/engine-rest/engine/default/task", null, null).status()).isEqualTo(401);
    assertThat(http.get("/camunda/api/engine/engine/default/task", null, null).status()).isEqualTo(401);
    assertThat(http.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics", null, null)
        .status()).isEqualTo(401);
    assertThat(http.post("/camunda/api/admin/setup/default/user/create", null, null, "{}").status()).isIn(401, 403);
  }

  @Test
  void theApiAnswersWithSecurityHeaders() {
    var headers = http.headers("/api/me", ADVISOR, PASSWORD);
    assertThat(headers.firstValue("Cache-Control")).contains("no-store");
    assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
  }

  @Test
  void malformedRequestsAre400NotServerErrors() {
    assertThat(rawGet("/engine-rest/task?name=%zz")).startsWith("HTTP/1.1 400");
    assertThat(http.get("/api/members", MANAGER, PASSWORD).status()).isEqualTo(400);
    assertThat(http.get("/api/network-establishments", MANAGER, PASSWORD).status()).isEqualTo(400);
    assertThat(http.get("/api/endowments/" + "A".repeat(300) + "/2026", MANAGER, PASSWORD).status()).isEqualTo(400);
  }

  /** A request line no URI class would build: the bytes an attacker sends. */
  private String rawGet(String pathAndQuery) {
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      String auth = java.util.Base64.getEncoder().encodeToString((ADVISOR + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
          + auth + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Supplier<String> priorApprovalBody(String field, String rawValue) {
    return () -> {
      Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("memberId", "\"M-ES-ATK\"", "type",
          "\"HOSPITALISATION\"", "countryOfResidence", "\"ES\"", "receivedDate", "\"" + LocalDate.now() + "\"",
          "plannedAdmissionDate", "\"" + LocalDate.now().plusDays(400) + "\"", "establishmentId", "\"ES-ATK-01\""));
      fields.put(field, rawValue);
      StringBuilder json = new StringBuilder("{");
      fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
      return json.append('}').toString();
    };
  }

  @Test
  void implausibleDatesBooleansControlCharactersAndFractionsAreRefused() {
    Map<String, String> attacks = new java.util.LinkedHashMap<>();
    attacks.put("plannedAdmissionDate", "\"+999999999-12-31\"");
    attacks.put("receivedDate", "\"0001-01-01\"");
    attacks.put("pregnancyStartDate", "\"9999-12-31\"");
    attacks.put("memberId", "true");
    attacks.put("establishmentId", "\"ES-ATK-01\\u0007\"");
    for (Map.Entry<String, String> attack : attacks.entrySet()) {
      Http.Response response = http.post("/api/prior-approvals", ADVISOR, PASSWORD,
          priorApprovalBody(attack.getKey(), attack.getValue()).get());
      assertThat(response.status()).as(attack.getKey()).isEqualTo(400);
      assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo(attack.getKey());
      assertThat(response.body()).doesNotContain("999999999").doesNotContain("9999-12-31");
    }
    Http.Response fraction = http.post("/api/social-aid-requests", ADVISOR, PASSWORD, """
        {"memberId": "M-ES-ATK", "agencyCode": "%s", "situation": "LATE_INCOME", "aidType": "SOCIAL_LOAN",
         "requestedAmount": 1000, "durationMonths": 1.5, "monthlyResources": 900, "monthlyCharges": 800,
         "householdSize": 2}""".formatted(AGENCY));
    assertThat(fraction.status()).isEqualTo(400);
    assertThat(fraction.json().get("errors").get(0).get("field").asText()).isEqualTo("durationMonths");
    Http.Response quarters = http.post("/api/simulations/temporary-autonomy-loss", ADVISOR, PASSWORD, """
        {"birthDate": "1970-01-01", "stoppageStartDate": "2025-01-01", "quartersAlreadyPaid": 1.12}""");
    assertThat(quarters.status()).isEqualTo(400);
    assertThat(quarters.json().get("errors").get(0).get("field").asText()).isEqualTo("quartersAlreadyPaid");
  }

  // --- Visibility without a right per task (issue #18): the rule is "offered to one of my groups" ---

  static final String OTHER_ADVISOR = "atk-advisor-b";
  static final String OTHER_AGENCY = "AG-ATK-B";
  static final String LATE_ADVISOR = "atk-advisor-c";

  private List<String> visibleTaskIds(String user, String... processInstanceIds) {
    Http.Response tasks = http.get("/engine-rest/task?processInstanceIdIn=" + String.join(",", processInstanceIds), user,
        PASSWORD);
    assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
    List<String> ids = new java.util.ArrayList<>();
    tasks.json().forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }

  private List<String> teamFilterTaskIds(String user) {
    String filterId = null;
    for (com.fasterxml.jackson.databind.JsonNode filter : http.get("/engine-rest/filter?resourceType=Task", user, PASSWORD)
        .json()) {
      if (IdentityBootstrap.TEAM_FILTER.equals(filter.get("name").asText())) {
        filterId = filter.get("id").asText();
      }
    }
    assertThat(filterId).as("team filter of " + user).isNotNull();
    Http.Response list = http.post("/engine-rest/filter/" + filterId + "/list", user, PASSWORD, "{}");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    List<String> ids = new java.util.ArrayList<>();
    list.json().forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }

  /** Neither listed, nor read, nor worked: every door of the engine REST API answers no. */
  private void outOfReach(String user, Task task) {
    String path = "/engine-rest/task/" + task.getId();
    assertThat(http.get(path, user, PASSWORD).status()).as(user + " reads " + path).isIn(403, 404);
    for (String read : List.of("/form-variables", "/variables", "/deployed-form", "/identity-links")) {
      assertThat(http.get(path + read, user, PASSWORD).status()).as(user + " reads " + read).isIn(403, 404);
    }
    assertThat(http.post(path + "/claim", user, PASSWORD, "{\"userId\":\"" + user + "\"}").status())
        .as(user + " claims").isIn(403, 404);
    assertThat(http.post(path + "/complete", user, PASSWORD, "{}").status()).as(user + " completes").isIn(403, 404);
    Task after = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(after).as("still open").isNotNull();
    assertThat(after.getAssignee()).isNull();
  }

  @Test
  void noRightIsWrittenPerTask() {
    String id = priorApproval(true);
    Task task = task(id, "buildFile");
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(
        org.camunda.bpm.engine.authorization.Resources.TASK).resourceId(task.getId()).count()).isZero();
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(
        org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK).resourceId(task.getId()).count()).isZero();
    assertThat(http.post("/engine-rest/task/" + task.getId() + "/claim", IMA, PASSWORD, "{\"userId\":\"" + IMA + "\"}")
        .status()).isEqualTo(204);
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceId(task.getId()).count()).isZero();
  }

  @Test
  void eachZoneSeesAndWorksOnlyItsOwnPriorApprovals() {
    String imaFile = priorApproval(true);
    String hcsFile = priorApproval(false);
    Task imaTask = task(imaFile, "buildFile");
    Task hcsTask = task(hcsFile, "buildFile");
    assertThat(visibleTaskIds(ADMIN, imaFile, hcsFile)).containsExactlyInAnyOrder(imaTask.getId(), hcsTask.getId());
    assertThat(http.get("/engine-rest/task/" + hcsTask.getId() + "/form-variables", ADMIN, PASSWORD).status()).isEqualTo(200);
    assertThat(visibleTaskIds(IMA, imaFile, hcsFile)).containsExactly(imaTask.getId());
    assertThat(visibleTaskIds(HCS, imaFile, hcsFile)).containsExactly(hcsTask.getId());
    assertThat(teamFilterTaskIds(IMA)).contains(imaTask.getId()).doesNotContain(hcsTask.getId());
    assertThat(teamFilterTaskIds(HCS)).contains(hcsTask.getId()).doesNotContain(imaTask.getId());
    outOfReach(IMA, hcsTask);
    outOfReach(HCS, imaTask);
    for (String other : List.of(ADVISOR, DOCTOR, COMMISSION)) {
      assertThat(visibleTaskIds(other, imaFile, hcsFile)).as(other).isEmpty();
      outOfReach(other, imaTask);
    }
    // A task claimed by a colleague stays in sight of the zone, not of the other one.
    assertThat(http.get("/engine-rest/task/" + imaTask.getId() + "/form-variables", IMA, PASSWORD).status()).isEqualTo(200);
    assertThat(http.post("/engine-rest/task/" + imaTask.getId() + "/claim", IMA, PASSWORD, "{\"userId\":\"" + IMA + "\"}")
        .status()).isEqualTo(204);
    assertThat(visibleTaskIds(IMA, imaFile)).containsExactly(imaTask.getId());
    assertThat(visibleTaskIds(HCS, imaFile)).isEmpty();
  }

  @Test
  void medicalTasksOnlyForTheMedecinsConseilAndManagersReadButDoNotWorkOthersTasks() {
    String id = atMedicalReview();
    Task review = task(id, "medicalReview");
    assertThat(visibleTaskIds(DOCTOR, id)).containsExactly(review.getId());
    assertThat(teamFilterTaskIds(DOCTOR)).contains(review.getId());
    for (String other : List.of(IMA, HCS, ADVISOR, COMMISSION)) {
      assertThat(visibleTaskIds(other, id)).as(other).isEmpty();
      outOfReach(other, review);
    }
    // Gestionnaires read every task (Cockpit), but their team filter holds no medical task and they
    // cannot work one that is not offered to them.
    assertThat(visibleTaskIds(MANAGER, id)).containsExactly(review.getId());
    assertThat(teamFilterTaskIds(MANAGER)).doesNotContain(review.getId());
    assertThat(http.post("/engine-rest/task/" + review.getId() + "/claim", MANAGER, PASSWORD,
        "{\"userId\":\"" + MANAGER + "\"}").status()).isEqualTo(403);
    assertThat(task(id, "medicalReview").getAssignee()).isNull();
  }

  @Test
  void anAgencysSocialFileIsOfferedToItsAdvisorsOnly() {
    user(OTHER_ADVISOR, Groups.ADVISORS);
    user(LATE_ADVISOR, Groups.ADVISORS);
    agencies.assign(OTHER_ADVISOR, OTHER_AGENCY);
    Http.Response started = http.post("/api/social-aid-requests", ADVISOR, PASSWORD, """
        {"memberId": "M-ES-ATK", "agencyCode": "%s", "situation": "LATE_INCOME", "aidType": "GRANT",
         "requestedAmount": %d, "monthlyResources": 900, "monthlyCharges": 800, "householdSize": 2}"""
        .formatted(AGENCY, 300 + CASE.incrementAndGet()));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String id = started.json().get("id").asText();
    Task file = task(id, "buildSocialFile");
    assertThat(engine.getTaskService().getIdentityLinksForTask(file.getId()))
        .extracting(link -> link.getGroupId()).containsExactly(Groups.AGENCY_PREFIX + AGENCY);
    assertThat(visibleTaskIds(ADVISOR, id)).containsExactly(file.getId());
    assertThat(teamFilterTaskIds(ADVISOR)).contains(file.getId());
    assertThat(visibleTaskIds(OTHER_ADVISOR, id)).isEmpty();
    assertThat(teamFilterTaskIds(OTHER_ADVISOR)).doesNotContain(file.getId());
    outOfReach(OTHER_ADVISOR, file);
    outOfReach(COMMISSION, file);
    // An advisor recorded for the agency afterwards sees its files at once: the agency is a group.
    assertThat(visibleTaskIds(LATE_ADVISOR, id)).isEmpty();
    agencies.assign(LATE_ADVISOR, AGENCY);
    assertThat(visibleTaskIds(LATE_ADVISOR, id)).containsExactly(file.getId());
  }
}
