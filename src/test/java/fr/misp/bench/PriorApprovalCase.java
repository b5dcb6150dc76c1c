package fr.misp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import fr.misp.bench.Client.Reply;
import fr.misp.bench.Client.User;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One prior-approval case over HTTP, happy path: start, then {@code buildFile} (found, claimed and
 * submitted by the ima user), {@code medicalReview} (the same by the médecin), then reads until the
 * case is over. Tasks are worked through {@code /engine-rest} in both apps; how a case starts and how
 * its end is read differ (see {@link Project} and {@link Bare}).
 */
abstract class PriorApprovalCase {

  enum Call {
    START("start"), TASK_LOOKUP("task lookup"), CLAIM("claim"), COMPLETE_BUILD_FILE("complete buildFile"),
    COMPLETE_MEDICAL_REVIEW("complete medicalReview"), FINAL_READ("final read");

    final String label;

    Call(String label) {
      this.label = label;
    }
  }

  /** Where a client records its calls. */
  interface Recorder {
    void record(Call call, long nanos);
  }

  /** A case that did not go as the happy path says. */
  static final class CaseFailure extends RuntimeException {
    CaseFailure(String message) {
      super(message);
    }
  }

  static final String PASSWORD = "Bench-Passw0rd!1";
  static final User ADVISOR = User.of("conseiller", PASSWORD);
  static final User IMA = User.of("ima", PASSWORD);
  static final User HCS = User.of("hcs", PASSWORD);
  static final User DOCTOR = User.of("medecin", PASSWORD);
  static final String BUILD_FILE_FORM =
      "{\"variables\":{\"documentsComplete\":{\"value\":true},\"quoteAmount\":{\"value\":2000},\"quoteCurrency\":{\"value\":\"EUR\"}}}";
  static final String MEDICAL_REVIEW_FORM =
      "{\"variables\":{\"medicalDecision\":{\"value\":\"APPROVE\"},\"approvedAmount\":{\"value\":2000}}}";
  /** The two network establishments of Spain, where the demo member M-ES-001 lives. */
  static final String[] ESTABLISHMENTS = {"ES-MAD-01", "ES-BCN-01"};
  private static final long END_WAIT_NANOS = 10_000_000_000L;

  final Client client;
  final String name;

  PriorApprovalCase(String name, Client client) {
    this.name = name;
    this.client = client;
  }

  /**
   * Case number {@code n}: a request no earlier case made (the admission date moves one day every
   * two cases, the establishment alternates), so the project never takes it for a duplicate.
   */
  void run(long n, Recorder recorder) {
    String instance = start(request(n), recorder);
    work(instance, "buildFile", IMA, BUILD_FILE_FORM, Call.COMPLETE_BUILD_FILE, recorder);
    work(instance, "medicalReview", DOCTOR, MEDICAL_REVIEW_FORM, Call.COMPLETE_MEDICAL_REVIEW, recorder);
    long deadline = System.nanoTime() + END_WAIT_NANOS;
    while (true) {
      long t0 = System.nanoTime();
      boolean ended = ended(instance);
      recorder.record(Call.FINAL_READ, System.nanoTime() - t0);
      if (ended) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new CaseFailure(name + ": instance " + instance + " not over 10 s after its last task");
      }
      AppProcess.sleep(10);
    }
  }

  static Map<String, Object> request(long n) {
    LocalDate today = LocalDate.now();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("memberId", "M-ES-001");
    body.put("type", "HOSPITALISATION");
    body.put("countryOfResidence", "ES");
    body.put("receivedDate", today.toString());
    body.put("plannedAdmissionDate", today.plusDays(30 + n / 2).toString());
    body.put("establishmentId", ESTABLISHMENTS[(int) (n % 2)]);
    body.put("quoteAmount", 2000);
    body.put("quoteCurrency", "EUR");
    return body;
  }

  /** Starts the case; returns its process instance id. */
  abstract String start(Map<String, Object> request, Recorder recorder);

  /** Whether the case is over, as its app tells it. */
  abstract boolean ended(String processInstanceId);

  private void work(String instance, String taskKey, User user, String form, Call completion, Recorder recorder) {
    String task = null;
    long deadline = System.nanoTime() + END_WAIT_NANOS;
    while (task == null) {
      long t0 = System.nanoTime();
      Reply found = client.get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + taskKey, user);
      recorder.record(Call.TASK_LOOKUP, System.nanoTime() - t0);
      expect(found, 200, "task lookup " + taskKey);
      JsonNode tasks = found.json();
      if (tasks.size() > 0) {
        task = tasks.get(0).get("id").asText();
      } else if (System.nanoTime() > deadline) {
        throw new CaseFailure(name + ": no " + taskKey + " task for " + instance + " within 10 s");
      } else {
        AppProcess.sleep(10);
      }
    }
    long t0 = System.nanoTime();
    Reply claimed = client.post("/engine-rest/task/" + task + "/claim", user, "{\"userId\":\"" + user.id() + "\"}");
    recorder.record(Call.CLAIM, System.nanoTime() - t0);
    expect(claimed, 204, "claim " + taskKey);
    t0 = System.nanoTime();
    Reply submitted = client.post("/engine-rest/task/" + task + "/submit-form", user, form);
    recorder.record(completion, System.nanoTime() - t0);
    expect(submitted, 204, "submit-form " + taskKey);
  }

  void expect(Reply reply, int status, String what) {
    if (reply.status() != status) {
      throw new CaseFailure(name + ": " + what + " answered " + reply.status() + " (expected " + status + "): "
          + Client.abbreviate(reply.body()));
    }
  }

  /** The back office: starts through its API as an advisor, reads the outcome there. */
  static final class Project extends PriorApprovalCase {

    Project(Client client) {
      super("project", client);
    }

    @Override
    String start(Map<String, Object> request, Recorder recorder) {
      long t0 = System.nanoTime();
      Reply started = client.post("/api/prior-approvals", ADVISOR, Client.json(request));
      recorder.record(Call.START, System.nanoTime() - t0);
      // 200 would be a duplicate: the request was taken for an earlier one.
      expect(started, 201, "POST /api/prior-approvals");
      return started.json().get("id").asText();
    }

    @Override
    boolean ended(String processInstanceId) {
      Reply view = client.get("/api/prior-approvals/" + processInstanceId, ADVISOR);
      expect(view, 200, "GET /api/prior-approvals/{id}");
      JsonNode json = view.json();
      String decision = json.path("decision").asText(null);
      if (decision != null && !"APPROVED".equals(decision)) {
        throw new CaseFailure(name + ": decision " + decision + " for " + processInstanceId);
      }
      return "APPROVED".equals(decision);
    }
  }

  /** The bare engine: starts through the engine REST API as the starter, reads the end in the history. */
  static final class Bare extends PriorApprovalCase {

    static final String PROCESS_KEY = "barePriorApproval";

    Bare(Client client) {
      super("bare", client);
    }

    @Override
    String start(Map<String, Object> request, Recorder recorder) {
      Map<String, Object> variables = new LinkedHashMap<>();
      request.forEach((key, value) -> variables.put(key, Map.of("value", value)));
      String businessKey = "PA-" + request.get("memberId") + "-" + request.get("type") + "-"
          + request.get("plannedAdmissionDate") + "-" + request.get("establishmentId");
      String body = Client.json(Map.of("businessKey", businessKey, "variables", variables));
      long t0 = System.nanoTime();
      Reply started = client.post("/engine-rest/process-definition/key/" + PROCESS_KEY + "/start", ADVISOR, body);
      recorder.record(Call.START, System.nanoTime() - t0);
      expect(started, 200, "start " + PROCESS_KEY);
      return started.json().get("id").asText();
    }

    @Override
    boolean ended(String processInstanceId) {
      Reply history = client.get("/engine-rest/history/process-instance/" + processInstanceId, ADVISOR);
      expect(history, 200, "GET /engine-rest/history/process-instance/{id}");
      String state = history.json().path("state").asText("");
      if (!state.equals("COMPLETED") && !state.equals("ACTIVE")) {
        throw new CaseFailure(name + ": state " + state + " for " + processInstanceId);
      }
      return state.equals("COMPLETED");
    }
  }
}
