package fr.misp.backoffice.socialaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import fr.misp.backoffice.notification.OutboxNotifications;
import fr.misp.backoffice.payment.PaymentOrders;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Jobs;
import fr.misp.backoffice.support.Http;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every path of social-aid.bpmn, the API (400/401/403/duplicates) and who sees what, over HTTP. */
@H2AppTest
class SocialAidProcessTest {

  private static final AtomicInteger AMOUNT = new AtomicInteger(100);

  @LocalServerPort int port;
  static final fr.misp.backoffice.platform.engine.ProcessVariable<LocalDate> NEXT_SESSION =
      SocialAidVariables.NEXT_COMMISSION_SESSION;

  @Autowired ProcessEngine engine;
  @Autowired OutboxNotifications outbox;
  @Autowired PaymentOrders payments;
  @Autowired Endowments endowments;
  @Autowired AdvisorAgencies agencies;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    AbstractAssertions.init(engine);
  }

  /** Each request asks a distinct amount, so each has its own business key. */
  static String request(String aidType, String extra) {
    int amount = AMOUNT.incrementAndGet();
    return """
        {"memberId": "M-ES-001", "agencyCode": "AG-075", "situation": "HIGH_HEALTH_COSTS", "aidType": "%s",
         "requestedAmount": %d.50, "monthlyResources": 2100, "monthlyCharges": 900, "householdSize": 3,
         "childrenUnder14": 1 %s}""".formatted(aidType, amount, extra);
  }

  ProcessInstance start(String body) {
    Http.Response response = http.post("/api/social-aid-requests", "conseiller", "demo", body);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(response.json().get("id").asText())
        .singleResult();
  }


  Http.Response view(ProcessInstance pi, String user) {
    return http.get("/api/social-aid-requests/" + pi.getId(), user, "demo");
  }

  @Test
  void socialLoanGrantedWithItsScheduleAndOnePayment() {
    Endowments.Endowment before = endowments.find(SocialAidDemoData.DEMO_AGENCY, LocalDate.now().getYear()).orElseThrow();
    ProcessInstance pi = start(request("SOCIAL_LOAN", ", \"durationMonths\": 12"));
    assertThat(pi).isWaitingAt("buildSocialFile");
    complete(task("buildSocialFile", pi), withVariables("fileComplete", true, "advisorOpinion", "Situation difficile, dossier complet"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isWaitingAt("commissionDecision");
    // (2100 − 900) / (1 + 0.5 + 0.3) = 666.67 € per consumption unit
    assertThat(SocialAidVariables.DISPOSABLE_INCOME_PER_UNIT.fromEngine(
        engine.getRuntimeService().getVariable(pi.getId(), "disposableIncomePerUnit"))).isEqualByComparingTo("666.67");
    complete(task("commissionDecision", pi), withVariables("commissionDecision", "GRANT", "grantedAmount", 1000, "grantedDurationMonths", 3,
        "motivation", "Accord du prêt"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isEnded().hasPassed("reserveEndowment", "orderPayment", "notifyGrant", "endGranted");
    Http.Response view = view(pi, "conseiller");
    assertThat(view.json().get("decision").asText()).isEqualTo("GRANTED");
    assertThat(view.body()).contains("\"grantedAmount\":1000.00");
    JsonNode schedule = view.json().get("schedule");
    assertThat(schedule.get("instalments")).hasSize(3);
    assertThat(schedule.get("instalments").get(2).get("amount").decimalValue()).isEqualByComparingTo("333.34");
    assertThat(schedule.get("total").decimalValue()).isEqualByComparingTo("1000");
    assertThat(payments.of(pi.getBusinessKey())).singleElement()
        .satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("1000.00"));
    Endowments.Endowment after = endowments.find(SocialAidDemoData.DEMO_AGENCY, LocalDate.now().getYear()).orElseThrow();
    assertThat(after.reserved().subtract(before.reserved())).isEqualByComparingTo("1000");
    assertThat(after.paid().subtract(before.paid())).isEqualByComparingTo("1000");
    assertThat(outbox.queuedFor(pi.getBusinessKey())).extracting(q -> q.kind()).containsExactly("AID_GRANTED#1");
  }

  @Test
  void item14TheSocialFileAndTheCommissionTaskAreDueAfterTheHandlingTimeParameter() {
    ProcessInstance pi = start(request("GRANT", ""));
    org.camunda.bpm.engine.task.Task buildFile = task("buildSocialFile", pi);
    // Due when the process itself first chases the advisor: its 15-day reminder timer.
    assertThat(buildFile.getDueDate()).isNotNull();
    assertThat(java.time.Duration.between(buildFile.getCreateTime().toInstant(), buildFile.getDueDate().toInstant()).toHours())
        .isBetween(15 * 24L - 1, 15 * 24L + 1);
    complete(buildFile, withVariables("fileComplete", true, "advisorOpinion", "Dossier complet"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isWaitingAt("commissionDecision");
    // No dated fact of its own: due after the handling-time parameter (P-TASK-HANDLING-DAYS, 15 days).
    org.camunda.bpm.engine.task.Task commission = task("commissionDecision", pi);
    assertThat(java.time.Duration.between(commission.getCreateTime().toInstant(), commission.getDueDate().toInstant()).toHours())
        .isBetween(15 * 24L - 1, 15 * 24L + 1);
  }

  @Test
  void item16IncompleteFileGoesBackToTheAdvisorsOfTheAgencyWithAReminderEachRound() {
    ProcessInstance pi = start(request("GRANT", ""));
    execute(job("fileReminderTimer", pi));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).hasPassed("remindAdvisor", "endAdvisorReminded").isWaitingAt("buildSocialFile");
    complete(task("buildSocialFile", pi), withVariables("fileComplete", false, "advisorOpinion", "Il manque les justificatifs",
        "missingDocuments", "Justificatifs de ressources"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isWaitingAt("buildSocialFile");
    execute(job("fileReminderTimer", pi));
    Jobs.runAll(engine, pi.getId());
    // Item 16: "Relancer le conseiller" reminds the advisors of the agency, not the member; item 11:
    // every reminder is a notice of its own.
    assertThat(outbox.queuedFor(pi.getBusinessKey())).filteredOn(q -> q.kind().equals("SOCIAL_FILE_REMINDER"))
        .extracting(q -> q.recipient()).containsExactly("advisors:AG-075", "advisors:AG-075");
    complete(task("buildSocialFile", pi), withVariables("fileComplete", true, "advisorOpinion", "Complet désormais"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isWaitingAt("commissionDecision");
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test");
  }

  @Test
  void carerAllowanceForSomeoneElseThanAParentSpouseOrChildIsNotAdmissible() {
    ProcessInstance pi = start(request("CARER_ALLOWANCE", ", \"carerRelation\": \"OTHER\", \"carerGir\": 3"));
    complete(task("buildSocialFile", pi), withVariables("fileComplete", true, "advisorOpinion", "Aidant d'un voisin"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isEnded().hasPassed("refuseIneligible", "endRefusedIneligible");
    Http.Response view = view(pi, "gestionnaire");
    assertThat(view.json().get("decision").asText()).isEqualTo("REFUSED");
    assertThat(view.json().get("motivation").asText()).contains("ascendant", "GIR 1 ou 2");
  }

  @Test
  void commissionRefusesWithItsMotivation() {
    ProcessInstance pi = start(request("GRANT", ""));
    complete(task("buildSocialFile", pi), withVariables("fileComplete", true, "advisorOpinion", "Avis réservé"));
    Jobs.runAll(engine, pi.getId());
    complete(task("commissionDecision", pi), withVariables("commissionDecision", "REFUSE", "motivation", "Ressources suffisantes"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isEnded().hasPassed("notifyRefusal", "endRefused");
    assertThat(outbox.queuedFor(pi.getBusinessKey())).singleElement()
        .satisfies(q -> assertThat(q.message()).contains("Ressources suffisantes"));
  }

  @Test
  void adjournedFilesComeBackToTheNextSessionAndBadDecisionsAreRefusedAtCompletion() {
    ProcessInstance pi = start(request("SPECIAL_ADVANCE", ", \"durationMonths\": 4"));
    complete(task("buildSocialFile", pi), withVariables("fileComplete", true, "advisorOpinion", "Retard de salaire"));
    Jobs.runAll(engine, pi.getId());
    // Item 15 (RULES §8 Decision): adjourned to the next dated session; with none planned, a manager plans one.
    jdbc.sql("delete from commission_session").update();
    complete(task("commissionDecision", pi), withVariables("commissionDecision", "ADJOURN"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).hasPassed("gwAdjourned").isWaitingAt("scheduleCommissionSession");
    assertThat(view(pi, "conseiller").json().get("status").asText()).isEqualTo("ADJOURNED_TO_NEXT_SESSION");
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    String plan = task("scheduleCommissionSession", pi).getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(plan, Map.of("sessionDate", LocalDate.now().toString())))
        .hasMessageContaining("séance à venir");
    LocalDate session = LocalDate.now().plusDays(14);
    complete(task("scheduleCommissionSession", pi), withVariables("sessionDate", session.toString()));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isWaitingAt("nextSessionTimer");
    // The file is back on the commission's table on the day of the session, not before.
    assertThat(job("nextSessionTimer", pi).getDuedate().toInstant())
        .isEqualTo(session.atStartOfDay(java.time.ZoneId.of("Europe/Paris")).toInstant());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    execute(job("nextSessionTimer", pi));
    assertThat(pi).isWaitingAt("commissionDecision");
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("commissionDecision", "GRANT",
        "grantedAmount", 3000.01, "grantedDurationMonths", 4, "motivation", "trop")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("plafond");
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("commissionDecision", "GRANT",
        "grantedAmount", 500, "grantedDurationMonths", 5, "motivation", "trop long")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("maximum");
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(pi).isWaitingAt("commissionDecision");
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test");
  }

  @Test
  void item15AnExhaustedEndowmentIsRaisedInTheArbitrationItselfOrAdjourned() {
    String agency = "AG-T" + AMOUNT.incrementAndGet();
    int year = LocalDate.now().getYear();
    agencies.assign("conseiller", agency);
    endowments.set(agency, year, new BigDecimal("100.00"));
    ProcessInstance pi = start(request("GRANT", "").replace("AG-075", agency));
    complete(task("buildSocialFile", pi), withVariables("fileComplete", true, "advisorOpinion", "Urgence"));
    Jobs.runAll(engine, pi.getId());
    complete(task("commissionDecision", pi), withVariables("commissionDecision", "GRANT", "grantedAmount", 400, "motivation", "Aide accordée"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isWaitingAt("arbitrateEndowment");
    assertThat(view(pi, "gestionnaire").json().get("status").asText()).isEqualTo("ENDOWMENT_ARBITRATION");
    // The gestionnaire sees the endowment as it stands, and what a raise must cover.
    assertThat((String) engine.getTaskService().getVariableLocal(task("arbitrateEndowment", pi).getId(), "fileSummary"))
        .contains("Aide accordée par la commission : 400,00 €", "Dotation " + year + " de l'agence " + agency
            + " : 100,00 € — réservé : 0,00 €", "restant : 100,00 €", "relevée à 400,00 € au moins");
    // A session planned by a manager through the API: the adjourned file waits for it.
    LocalDate session = LocalDate.now().plusDays(7);
    assertThat(http.post("/api/commission-sessions", "conseiller", "demo", "{\"sessionDate\": \"" + session + "\"}").status())
        .isEqualTo(403);
    assertThat(http.post("/api/commission-sessions", "gestionnaire", "demo", "{\"sessionDate\": \"" + LocalDate.now() + "\"}")
        .status()).isEqualTo(400);
    Http.Response planned = http.post("/api/commission-sessions", "gestionnaire", "demo", "{\"sessionDate\": \"" + session + "\"}");
    assertThat(planned.status()).as(planned.body()).isEqualTo(201);
    assertThat(http.get("/api/commission-sessions", "commission", "demo").body()).contains(session.toString());
    complete(task("arbitrateEndowment", pi), withVariables("endowmentDecision", "ADJOURN", "arbitrationMotivation",
        "Dotation épuisée, à revoir en commission"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isWaitingAt("nextSessionTimer");
    assertThat(NEXT_SESSION.fromEngine(engine.getRuntimeService().getVariable(pi.getId(), "nextCommissionSession")))
        .isBeforeOrEqualTo(session);
    execute(job("nextSessionTimer", pi));
    assertThat(pi).isWaitingAt("commissionDecision");
    complete(task("commissionDecision", pi), withVariables("commissionDecision", "GRANT", "grantedAmount", 400, "motivation", "Aide accordée"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isWaitingAt("arbitrateEndowment");
    // Item 15: the raise is decided in the arbitration itself (amount, motivation), never below what it must cover.
    String arbitration = task("arbitrateEndowment", pi).getId();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(arbitration, withVariables(
        "endowmentDecision", "RAISE", "newEndowmentAmount", "300", "arbitrationMotivation", "Relèvement")))
        .hasMessageContaining("couvrir");
    complete(task("arbitrateEndowment", pi), withVariables("endowmentDecision", "RAISE", "newEndowmentAmount", "1000",
        "arbitrationMotivation", "Relèvement décidé par le gestionnaire"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isEnded().hasPassed("endGranted");
    Http.Response endowment = http.get("/api/endowments/" + agency + "/" + year, "gestionnaire", "demo");
    assertThat(endowment.body()).contains("\"amount\":1000.00", "\"reserved\":400.00", "\"paid\":400.00", "\"remaining\":600.00");
    assertThat(http.put("/api/endowments/" + agency + "/" + year, "gestionnaire", "demo", "{\"amount\": 399}").status()).isEqualTo(400);
    assertThat(http.get("/api/endowments/" + agency + "/" + year, "conseiller", "demo").status()).isEqualTo(403);
    Http.Response dashboard = http.get("/api/endowments?year=" + year, "gestionnaire", "demo");
    assertThat(dashboard.body()).contains("\"agencyCode\":\"" + agency + "\"", "\"agencyCode\":\"AG-075\"");
    assertThat(http.get("/api/endowments?year=" + year, "commission", "demo").status()).isEqualTo(403);
  }

  @Test
  void annualAllowancesComeBackEveryYearAndArePaidOncePerYear() {
    ProcessInstance pi = start(request("ORPHAN_ALLOWANCE", ", \"orphanBirthDate\": \"2010-05-01\", \"orphanName\": \"Lina\", "
        + "\"legalRepresentative\": \"Paul, son père\""));
    complete(task("buildSocialFile", pi), withVariables("fileComplete", true, "advisorOpinion", "Orphelin de père"));
    Jobs.runAll(engine, pi.getId());
    complete(task("commissionDecision", pi), withVariables("commissionDecision", "GRANT", "grantedAmount", 1200, "motivation", "Allocation orphelin"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isWaitingAt("annualReviewTimer");
    assertThat(view(pi, "conseiller").json().get("status").asText()).isEqualTo("GRANTED_ANNUAL_REVIEW_PENDING");
    execute(job("annualReviewTimer", pi));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isWaitingAt("buildSocialFile");
    assertThat(((Number) engine.getRuntimeService().getVariable(pi.getId(), "cycle")).intValue()).isEqualTo(2);
    complete(task("buildSocialFile", pi), withVariables("fileComplete", true, "advisorOpinion", "Ressources mises à jour", "monthlyResources", 1500));
    Jobs.runAll(engine, pi.getId());
    complete(task("commissionDecision", pi), withVariables("commissionDecision", "GRANT", "grantedAmount", 1250, "motivation", "Renouvelée"));
    Jobs.runAll(engine, pi.getId());
    assertThat(payments.of(pi.getBusinessKey())).extracting(p -> p.orderKey())
        .containsExactly(pi.getBusinessKey() + "#1:AID_PAYMENT", pi.getBusinessKey() + "#2:AID_PAYMENT");
    assertThat(outbox.queuedFor(pi.getBusinessKey())).extracting(q -> q.kind()).containsExactly("AID_GRANTED#1", "AID_GRANTED#2");
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test");
  }

  @Test
  void anOrphanOver29IsNotAdmissible() {
    ProcessInstance pi = start(request("ORPHAN_ALLOWANCE", ", \"orphanBirthDate\": \"" + LocalDate.now().minusYears(30) + "\", "
        + "\"orphanName\": \"Noa\""));
    complete(task("buildSocialFile", pi), withVariables("fileComplete", true, "advisorOpinion", "Orphelin"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isEnded().hasPassed("refuseIneligible");
  }

  @Test
  void whoSeesWhat() {
    User other = engine.getIdentityService().newUser("conseiller13");
    if (engine.getIdentityService().createUserQuery().userId("conseiller13").count() == 0) {
      other.setPassword("demo");
      engine.getIdentityService().saveUser(other);
      engine.getIdentityService().createMembership("conseiller13", "conseillers");
      agencies.assign("conseiller13", "AG-013");
    }
    ProcessInstance pi = start(request("GRANT", ""));
    assertThat(view(pi, "conseiller").status()).isEqualTo(200);
    assertThat(view(pi, "conseiller13").status()).isEqualTo(403);
    assertThat(view(pi, "commission").status()).isEqualTo(403);
    assertThat(view(pi, "gestionnaire").status()).isEqualTo(200);
    assertThat(view(pi, "medecin").status()).isEqualTo(403);
    // In Tasklist (engine REST) too: the file to build is offered to the agency's advisors only.
    assertThat(http.get("/engine-rest/task?processInstanceId=" + pi.getId(), "conseiller", "demo").json()).hasSize(1);
    assertThat(http.get("/engine-rest/task?processInstanceId=" + pi.getId(), "conseiller13", "demo").json()).isEmpty();
    complete(task("buildSocialFile", pi), withVariables("fileComplete", true, "advisorOpinion", "Complet"));
    Jobs.runAll(engine, pi.getId());
    assertThat(view(pi, "commission").status()).isEqualTo(200);
    assertThat(view(pi, "commission").json().get("status").asText()).isEqualTo("COMMISSION");
    // The other agency's advisor cannot start for this agency either.
    Http.Response foreign = http.post("/api/social-aid-requests", "conseiller13", "demo", request("GRANT", ""));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.body()).contains("not_your_agency");
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test");
  }

  @Test
  void theApiValidatesAndStartsOneProcessPerRequest() {
    String body = request("GRANT", "");
    Http.Response first = http.post("/api/social-aid-requests", "conseiller", "demo", body);
    Http.Response again = http.post("/api/social-aid-requests", "conseiller", "demo", body);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
    assertThat(http.post("/api/social-aid-requests", null, null, body).status()).isEqualTo(401);
    assertThat(http.post("/api/social-aid-requests", "commission", "demo", body).status()).isEqualTo(403);
    Http.Response overLimit = http.post("/api/social-aid-requests", "conseiller", "demo",
        request("SOCIAL_LOAN", ", \"durationMonths\": 60").replaceFirst("\"requestedAmount\": \\d+\\.50", "\"requestedAmount\": 7000"));
    assertThat(overLimit.status()).isEqualTo(400);
    assertThat(overLimit.body()).contains("\"field\":\"durationMonths\"");
    Http.Response loanOver = http.post("/api/social-aid-requests", "conseiller", "demo",
        request("SOCIAL_LOAN", ", \"durationMonths\": 12").replaceFirst("\"requestedAmount\": \\d+\\.50", "\"requestedAmount\": 6000.01"));
    assertThat(loanOver.body()).contains("\"field\":\"requestedAmount\"", "over_limit");
    Http.Response missing = http.post("/api/social-aid-requests", "conseiller", "demo", "{\"aidType\": \"CARER_ALLOWANCE\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("memberId", "agencyCode", "situation", "requestedAmount", "householdSize");
    engine.getRuntimeService().deleteProcessInstance(first.json().get("id").asText(), "test");
  }

  @Test
  void theTasklistStartFormGoesThroughTheApisValidationAndBusinessKey() {
    Map<String, Object> vars = new HashMap<>(Map.of("memberId", "M-SN-001", "agencyCode", "AG-075", "situation", "FAMILY_EVENT",
        "aidType", "GRANT", "requestedAmount", 317, "monthlyResources", 1000, "monthlyCharges", 800, "householdSize", 1));
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("socialAid")
        .latestVersion().singleResult().getId();
    ProcessInstance pi = asAdvisor(() -> engine.getFormService().submitStartForm(definitionId, vars));
    // The API's business key: the same request through either door is one file.
    assertThat(pi.getBusinessKey()).startsWith("SA-M-SN-001-GRANT-AG-075-");
    assertThat(pi).isWaitingAt("buildSocialFile");
    assertThat(List.of(engine.getRuntimeService().getVariable(pi.getId(), "cycle"))).containsExactly(1);
    assertThat(asAdvisor(() -> engine.getFormService().submitStartForm(definitionId, vars)).getId()).isEqualTo(pi.getId());
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test");
    // An advisor of another agency, an unknown member, a field the form does not have: refused, nothing started.
    long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("socialAid").count();
    Map<String, Object> foreign = new HashMap<>(vars);
    foreign.put("agencyCode", "AG-999");
    assertThatThrownBy(() -> asAdvisor(() -> engine.getFormService().submitStartForm(definitionId, foreign)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("agence").hasMessageNotContaining("AG-999");
    Map<String, Object> unknown = new HashMap<>(vars);
    unknown.put("memberId", "M-XX-404");
    assertThatThrownBy(() -> asAdvisor(() -> engine.getFormService().submitStartForm(definitionId, unknown)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Membre inconnu");
    Map<String, Object> extra = new HashMap<>(vars);
    extra.put("grantedAmount", 6000);
    assertThatThrownBy(() -> asAdvisor(() -> engine.getFormService().submitStartForm(definitionId, extra)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("grantedAmount");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("socialAid").count())
        .isEqualTo(before);
  }

  private <T> T asAdvisor(java.util.function.Supplier<T> action) {
    engine.getIdentityService().setAuthentication("conseiller", List.of("conseillers"));
    try {
      return action.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
