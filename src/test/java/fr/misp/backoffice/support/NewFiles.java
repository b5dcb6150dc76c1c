package fr.misp.backoffice.support;

import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;

/** Files opened through the API as a conseiller, and their tasks, for the browser tests. */
public final class NewFiles {

  private NewFiles() {}

  /** A prior approval in the NC zone (IMA), admission the given number of days after today. */
  public static String priorApproval(Http http, int daysBefore) {
    LocalDate today = LocalDate.now();
    return http.post("/api/prior-approvals", "conseiller", "demo", """
        {"memberId": "M-NC-001", "type": "HOSPITALISATION", "countryOfResidence": "NC", "receivedDate": "%s",
         "plannedAdmissionDate": "%s", "establishmentId": "NC-NOU-01", "quoteAmount": 900}"""
        .formatted(today, today.plusDays(daysBefore))).json().get("id").asText();
  }

  /** A social aid grant for agency AG-075 (the amount makes the file distinct). */
  public static String socialAid(Http http, String amount) {
    return http.post("/api/social-aid-requests", "conseiller", "demo", """
        {"memberId": "M-ES-001", "agencyCode": "AG-075", "situation": "FAMILY_EVENT", "aidType": "GRANT",
         "requestedAmount": %s, "monthlyResources": 1000, "monthlyCharges": 900, "householdSize": 1}""".formatted(amount))
        .json().get("id").asText();
  }

  /** The task of that key in the file, once the file's pending jobs have run. */
  public static String task(ProcessEngine engine, String processInstanceId, String key) {
    Jobs.runAll(engine, processInstanceId);
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
        .list().get(0).getId();
  }

  /** The business key of a file, from the application's request record. */
  public static String businessKey(org.springframework.jdbc.core.simple.JdbcClient jdbc, String processInstanceId) {
    return jdbc.sql("select business_key from process_request where process_instance_id = ?").param(processInstanceId)
        .query(String.class).single();
  }

  /** A person takes the step's task and completes it, then what follows runs. */
  public static void work(ProcessEngine engine, String processInstanceId, String taskKey, String user,
      java.util.Map<String, Object> variables) {
    Jobs.runAll(engine, processInstanceId);
    String task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskKey).singleResult().getId();
    engine.getTaskService().claim(task, user);
    engine.getTaskService().complete(task, variables);
    Jobs.runAll(engine, processInstanceId);
  }
}
