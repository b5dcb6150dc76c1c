package fr.misp.backoffice.priorapproval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.misp.backoffice.notification.OutboxNotifications;
import fr.misp.backoffice.notification.OutboxNotifications.Queued;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Jobs;
import fr.misp.backoffice.support.Http;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every path of {@code prior-approval.bpmn}: started through the API as an advisor, tasks completed
 * as the engine would from Tasklist, timers fired by the test.
 */
@H2AppTest
class PriorApprovalProcessTest {

  private static final AtomicInteger UNIQUE = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired fr.misp.backoffice.network.MedicalNetwork network;
  @Autowired OutboxNotifications outbox;
  @Autowired fr.misp.backoffice.member.MemberDirectory memberDirectory;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    AbstractAssertions.init(engine);
  }

  /**
   * Starts a hospitalisation request received today, {@code daysBefore} days before admission. Each
   * test uses its own lead time, so its own business key.
   */
  ProcessInstance start(String memberId, String country, String establishment, int daysBefore) {
    LocalDate received = LocalDate.now();
    String body = """
        {"memberId": "%s", "type": "HOSPITALISATION", "countryOfResidence": "%s", "receivedDate": "%s",
         "plannedAdmissionDate": "%s", "establishmentId": "%s", "quoteAmount": 4200.50, "quoteCurrency": "EUR"}"""
        .formatted(memberId, country, received, received.plusDays(daysBefore), establishment);
    Http.Response response = http.post("/api/prior-approvals", "conseiller", "demo", body);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    String id = response.json().get("id").asText();
    ProcessInstance running = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    return running != null ? running : new EndedInstance(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(id).singleResult());
  }

  /** A process instance that ended within its first transaction, for BPM Assert. */
  record EndedInstance(org.camunda.bpm.engine.history.HistoricProcessInstance history) implements ProcessInstance {
    public String getProcessDefinitionId() { return history.getProcessDefinitionId(); }
    public String getProcessDefinitionKey() { return history.getProcessDefinitionKey(); }
    public String getBusinessKey() { return history.getBusinessKey(); }
    public String getRootProcessInstanceId() { return history.getRootProcessInstanceId(); }
    public String getCaseInstanceId() { return history.getCaseInstanceId(); }
    public boolean isSuspended() { return false; }
    public String getId() { return history.getId(); }
    public boolean isEnded() { return true; }
    public String getProcessInstanceId() { return history.getId(); }
    public String getTenantId() { return history.getTenantId(); }
  }

  Task taskOf(ProcessInstance pi, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  List<String> kinds(ProcessInstance pi) {
    return outbox.queuedFor(pi.getBusinessKey()).stream().map(q -> q.kind() + "->" + q.recipient()).toList();
  }

  @Test
  void imaHappyPathToAnAgreement() {
    ProcessInstance pi = start("M-ES-001", "ES", "ES-MAD-01", 30);
    assertThat(pi).isWaitingAt("buildFile").hasPassed("routeAdministrator", "checkDeadline", "checkNetwork");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "administrator")).isEqualTo("IMA");
    assertThat(taskOf(pi, "buildFile")).isNotNull();
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskOf(pi, "buildFile").getId()).taskCandidateGroup("ima").count()).isEqualTo(1);
    complete(task("buildFile", pi), withVariables("documentsComplete", true, "quoteAmount", 4200.5, "quoteCurrency", "EUR"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isWaitingAt("medicalReview");
    complete(task("medicalReview", pi), withVariables("medicalDecision", "APPROVE_ADJUSTED", "approvedAmount", 3900, "medicalNotes", "x"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isEnded().hasPassed("issueAgreement");
    assertThat(pi).variables().containsEntry("decision", "APPROVED");
    String number = (String) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("agreementNumber").singleResult().getValue();
    assertThat(number).startsWith("ACC-");
    assertThat(kinds(pi)).containsExactlyInAnyOrder("PRIOR_APPROVAL_AGREEMENT->member:M-ES-001",
        "PRIOR_APPROVAL_AGREEMENT->administrator:IMA");
    Http.Response view = http.get("/api/prior-approvals/" + pi.getId(), "conseiller", "demo");
    assertThat(view.json().get("status").asText()).isEqualTo("APPROVED");
    assertThat(view.json().get("agreementNumber").asText()).isEqualTo(number);
    assertThat(view.body()).contains("\"approvedAmount\":3900.00");
  }

  @Test
  void lateRequestRefusedByTheAdvisor() {
    ProcessInstance pi = start("M-ES-001", "ES", "ES-BCN-01", 5);
    assertThat(pi).isWaitingAt("reviewLateRequest");
    assertThat(http.get("/api/prior-approvals/" + pi.getId(), "conseiller", "demo").json().get("status").asText())
        .isEqualTo("LATE_REVIEW");
    complete(task("reviewLateRequest", pi), withVariables("lateAccepted", false, "lateComment", "Pas d'urgence"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isEnded().hasPassed("refuseLate", "endRefusedLate");
    Http.Response view = http.get("/api/prior-approvals/" + pi.getId(), "conseiller", "demo");
    assertThat(view.json().get("decision").asText()).isEqualTo("REFUSED");
    assertThat(view.json().get("decisionReason").asText()).isEqualTo("HORS_DELAI");
    assertThat(kinds(pi)).containsExactly("PRIOR_APPROVAL_REFUSED->member:M-ES-001");
  }

  @Test
  void lateRequestAcceptedForUrgencyGoesOn() {
    ProcessInstance pi = start("M-SN-001", "SN", "SN-DKR-01", 9);
    String taskId = taskOf(pi, "reviewLateRequest").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, withVariables("lateAccepted", true)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("commentaire");
    // No answer (the form's two options left unchosen, or cleared) refuses nothing: the advisor is asked to choose.
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, withVariables("lateComment", "Urgence vitale")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Choisissez");
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, withVariables("lateAccepted", "",
        "lateComment", "Urgence vitale"))).isInstanceOf(ProcessEngineException.class).hasMessageContaining("Choisissez");
    assertThat(pi).isWaitingAt("reviewLateRequest");
    // The form's option "true" (a radio sends text): kept as the boolean the task's contract names.
    complete(task("reviewLateRequest", pi), withVariables("lateAccepted", "true", "lateComment", "Urgence vitale"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isWaitingAt("buildFile");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "lateAccepted")).isEqualTo(Boolean.TRUE);
  }

  @Test
  void hcsRegisteredMemberGoesStraightToTheHcsFile() {
    ProcessInstance pi = start("M-US-001", "US", "US-NYC-01", 40);
    assertThat(pi).isWaitingAt("buildFile").hasPassed("checkHcsRegistration");
    Task file = taskOf(pi, "buildFile");
    assertThat(engine.getTaskService().createTaskQuery().taskId(file.getId()).taskCandidateGroup("hcs").count()).isEqualTo(1);
    // The other administrator never sees it, as itself over the engine REST API.
    assertThat(http.get("/engine-rest/task?processInstanceId=" + pi.getId(), "ima", "demo").json()).isEmpty();
    assertThat(http.get("/engine-rest/task?processInstanceId=" + pi.getId(), "hcs", "demo").json()).hasSize(1);
  }

  @Test
  void unregisteredHcsMemberIsRemindedThenClosedAfter30Days() {
    ProcessInstance pi = start("M-US-002", "US", "US-BOS-01", 45);
    assertThat(pi).isWaitingAt("waitHcsRegistration");
    assertThat(http.get("/api/prior-approvals/" + pi.getId(), "conseiller", "demo").json().get("status").asText())
        .isEqualTo("AWAITING_REGISTRATION");
    execute(job("hcsReminderTimer", pi));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isWaitingAt("waitHcsRegistration").hasPassed("remindHcsRegistration");
    execute(job("hcsDeadlineTimer", pi));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isEnded().hasPassed("closeNoRegistration", "endClosedNoRegistration");
    assertThat(kinds(pi)).containsExactlyInAnyOrder("HCS_REGISTRATION_REQUEST->member:M-US-002",
        "HCS_REGISTRATION_REMINDER->member:M-US-002", "PRIOR_APPROVAL_CLOSED->member:M-US-002");
    assertThat(http.get("/api/prior-approvals/" + pi.getId(), "gestionnaire", "demo").json().get("status").asText())
        .isEqualTo("CLOSED_INCOMPLETE");
  }

  @Test
  void registrationReceivedResumesTheRequest() {
    ProcessInstance pi = start("M-US-002", "US", "US-NYC-01", 50);
    assertThat(pi).isWaitingAt("waitHcsRegistration");
    Http.Response resumed = http.post("/api/prior-approvals/" + pi.getId() + "/hcs-registration", "hcs", "demo", "{}");
    assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isWaitingAt("buildFile");
    // The same event again: nobody waits for it any more.
    assertThat(http.post("/api/prior-approvals/" + pi.getId() + "/hcs-registration", "hcs", "demo", "{}").status()).isEqualTo(400);
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test");
    // The member is now registered in the directory; put the demo member back for the other tests.
    memberDirectory.setHcsRegistered("M-US-002", false);
  }

  @Test
  void establishmentOutsideTheNetworkIsRefusedWithTheNetworkListed() {
    // Known, but no longer in the network (an unknown id is a field to correct: PriorApprovalApiTest).
    network.create(new fr.misp.backoffice.network.Establishment("ES-NOT-IN-NETWORK", "Clinique sortie du réseau", "ES", "Madrid"));
    network.setMembershipPeriod("ES-NOT-IN-NETWORK", java.time.LocalDate.of(2000, 1, 1), java.time.LocalDate.of(2001, 1, 1));
    ProcessInstance pi = start("M-ES-001", "ES", "ES-NOT-IN-NETWORK", 25);
    assertThat(pi).isEnded().hasPassed("refuseOutOfNetwork", "endRefusedNetwork");
    List<Queued> sent = outbox.queuedFor(pi.getBusinessKey());
    assertThat(sent).singleElement().satisfies(q -> assertThat(q.message())
        .contains("Hospital Universitario La Paz (Madrid)", "Hospital Clínic de Barcelona (Barcelone)"));
    assertThat(http.get("/api/prior-approvals/" + pi.getId(), "conseiller", "demo").json().get("decisionReason").asText())
        .isEqualTo("ETABLISSEMENT_HORS_RESEAU");
  }

  @Test
  void missingDocumentsAreAskedRemindedAndResumed() {
    ProcessInstance pi = start("M-NC-001", "NC", "NC-NOU-01", 35);
    complete(task("buildFile", pi), withVariables("documentsComplete", false, "missingDocuments", "Devis détaillé"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isWaitingAt("waitDocuments");
    execute(job("documentsReminderTimer", pi));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).hasPassed("remindMissingDocuments").isWaitingAt("waitDocuments");
    assertThat(http.post("/api/prior-approvals/" + pi.getId() + "/documents-received", "ima", "demo", "{}").status()).isEqualTo(200);
    assertThat(pi).isWaitingAt("buildFile");
    assertThat(kinds(pi)).containsExactlyInAnyOrder("MISSING_DOCUMENTS_REQUEST->member:M-NC-001",
        "MISSING_DOCUMENTS_REMINDER->member:M-NC-001");
    // The member is told which documents are missing, as the advisor listed them.
    assertThat(outbox.queuedFor(pi.getBusinessKey())).filteredOn(q -> q.kind().startsWith("MISSING_DOCUMENTS_REQUEST"))
        .singleElement().satisfies(q -> assertThat(q.message()).contains("Devis détaillé"));
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test");
  }

  @Test
  void missingDocumentsCloseTheRequestAfter30Days() {
    ProcessInstance pi = start("M-NC-001", "NC", "NC-NOU-01", 36);
    complete(task("buildFile", pi), withVariables("documentsComplete", false, "missingDocuments", "Devis détaillé"));
    Jobs.runAll(engine, pi.getId());
    execute(job("documentsDeadlineTimer", pi));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isEnded().hasPassed("closeMissingDocuments", "endClosedNoDocuments");
  }

  @Test
  void medicalAdviserAsksMoreThenRefuses() {
    ProcessInstance pi = start("M-SN-001", "SN", "SN-DKR-01", 60);
    complete(task("buildFile", pi), withVariables("documentsComplete", true, "quoteAmount", 1000, "quoteCurrency", "XOF"));
    Jobs.runAll(engine, pi.getId());
    complete(task("medicalReview", pi), withVariables("medicalDecision", "MORE_INFO"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isWaitingAt("buildFile");
    complete(task("buildFile", pi), withVariables("documentsComplete", true, "quoteAmount", 1000, "quoteCurrency", "XOF"));
    Jobs.runAll(engine, pi.getId());
    complete(task("medicalReview", pi), withVariables("medicalDecision", "REFUSE", "decisionReason", "Soins réalisables hors hospitalisation"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isEnded().hasPassed("refuseMedical", "endRefusedMedical");
    Http.Response view = http.get("/api/prior-approvals/" + pi.getId(), "conseiller", "demo");
    assertThat(view.json().get("decisionReason").asText()).isEqualTo("Soins réalisables hors hospitalisation");
    assertThat(kinds(pi)).containsExactly("PRIOR_APPROVAL_REFUSED->member:M-SN-001");
  }

  @Test
  void aDecisionOutsideTheRulesIsRefusedAtCompletionNotAnIncident() {
    ProcessInstance pi = start("M-ES-001", "ES", "ES-MAD-01", 70);
    complete(task("buildFile", pi), withVariables("documentsComplete", true, "quoteAmount", 1000, "quoteCurrency", "EUR"));
    Jobs.runAll(engine, pi.getId());
    String taskId = taskOf(pi, "medicalReview").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, withVariables("medicalDecision", "APPROVE_ADJUSTED", "approvedAmount", 1000.01)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("dépasse le devis");
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, withVariables("medicalDecision", "REFUSE")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("motif");
    assertThat(pi).isWaitingAt("medicalReview");
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    complete(task("medicalReview", pi), withVariables("medicalDecision", "APPROVE"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isEnded();
    assertThat(http.get("/api/prior-approvals/" + pi.getId(), "conseiller", "demo").body()).contains("\"approvedAmount\":1000.00");
  }

  @Test
  void buildFileNeedsAQuoteWhenComplete() {
    ProcessInstance pi = start("M-ES-001", "ES", "ES-MAD-01", 80);
    String taskId = taskOf(pi, "buildFile").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, withVariables("documentsComplete", true, "quoteAmount", -5)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("devis");
    assertThat(pi).isWaitingAt("buildFile");
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test");
  }

  @Test
  void undecidedMedicalReviewIsEscalatedToManagersTwoDaysBeforeAdmission() {
    ProcessInstance pi = start("M-ES-001", "ES", "ES-BCN-01", 90);
    complete(task("buildFile", pi), withVariables("documentsComplete", true, "quoteAmount", 500, "quoteCurrency", "EUR"));
    Jobs.runAll(engine, pi.getId());
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId("escalationTimer").singleResult();
    // Two days before admission, at the start of that day in Paris (where the back office works).
    assertThat(timer.getDuedate().toInstant()).isEqualTo(LocalDate.now().plusDays(88)
        .atStartOfDay(fr.misp.backoffice.platform.engine.ProcessVariable.PARIS).toInstant());
    execute(job("escalationTimer", pi));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isWaitingAt("medicalReview", "escalateMedicalReview");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("escalateMedicalReview")
        .taskCandidateGroup("gestionnaires").count()).isEqualTo(1);
    complete(task("escalateMedicalReview", pi), withVariables("escalationAction", "DENOS relancé par téléphone"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).hasPassed("endEscalated").isWaitingAt("medicalReview");
    complete(task("medicalReview", pi), withVariables("medicalDecision", "APPROVE"));
    Jobs.runAll(engine, pi.getId());
    assertThat(pi).isEnded().hasPassed("endApproved");
  }

  @Test
  void item11EveryRoundOfMissingDocumentsIsANewNotice() {
    ProcessInstance pi = start("M-NC-001", "NC", "NC-NOU-01", 57);
    for (int round = 1; round <= 2; round++) {
      complete(task("buildFile", pi), withVariables("documentsComplete", false, "missingDocuments", "Devis détaillé"));
      Jobs.runAll(engine, pi.getId());
      execute(job("documentsReminderTimer", pi));
      Jobs.runAll(engine, pi.getId());
      assertThat(http.post("/api/prior-approvals/" + pi.getId() + "/documents-received", "ima", "demo", "{}").status())
          .isEqualTo(200);
    }
    // Two requests and two reminders: the member hears of each round.
    assertThat(kinds(pi)).containsExactlyInAnyOrder("MISSING_DOCUMENTS_REQUEST->member:M-NC-001",
        "MISSING_DOCUMENTS_REMINDER->member:M-NC-001", "MISSING_DOCUMENTS_REQUEST->member:M-NC-001",
        "MISSING_DOCUMENTS_REMINDER->member:M-NC-001");
    // A one-off notice stays once: the same refusal or agreement queued again is a no-op.
    assertThat(outbox.notifyOnce(pi.getBusinessKey(), "PRIOR_APPROVAL_CLOSED", "member:M-NC-001", "x")).isTrue();
    assertThat(outbox.notifyOnce(pi.getBusinessKey(), "PRIOR_APPROVAL_CLOSED", "member:M-NC-001", "x")).isFalse();
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test");
  }

}
