package fr.misp.backoffice.platform.engine;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import fr.misp.backoffice.platform.security.SystemActions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One process per business request: the business key is claimed in {@code process_request} before
 * the process starts, so the same request posted twice (even at once) answers with the first process.
 */
@Component
public class ProcessRequests {

  /** The process of a request, and whether this call started it. */
  public record Started(String processInstanceId, boolean created) {}

  private static final Logger LOG = LoggerFactory.getLogger(ProcessRequests.class);

  /** Enough for the automatic steps a start runs before its first wait state (routing, checks, notices). */
  private static final int START_STEPS = 10;

  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final TransactionTemplate transaction;
  private final IdentityService identity;

  public ProcessRequests(JdbcClient jdbc, RuntimeService runtime, TransactionTemplate transaction,
      IdentityService identity, ManagementService management) {
    this.identity = identity;
    this.management = management;
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.transaction = transaction;
  }

  public Started startOnce(String processKey, String businessKey, String userId, Map<String, Object> variables) {
    return startOnce(processKey, businessKey, userId, variables, () -> { });
  }

  /**
   * The same, recording the file's business record first, in the transaction that starts its process:
   * the steps the start runs (a refusal, a routing) find the record to complete.
   */
  public Started startOnce(String processKey, String businessKey, String userId, Map<String, Object> variables,
      Runnable recordFile) {
    Optional<String> existing = existing(businessKey);
    if (existing.isPresent()) {
      return new Started(awaitInstance(businessKey, existing.get()), false);
    }
    Started started;
    try {
      started = transaction.execute(status -> {
        jdbc.sql("insert into process_request (business_key, process_key, created_by, created_at) values (?, ?, ?, ?)")
            .params(businessKey, processKey, userId, LocalDateTime.now()).update();
        recordFile.run();
        // The caller's right to open this file was checked by the API; the engine grants no one
        // CREATE_INSTANCE, so that no process starts around the API's validation.
        String id = SystemActions.asSystem(identity, () ->
            runtime.startProcessInstanceByKey(processKey, businessKey, variables).getId());
        jdbc.sql("update process_request set process_instance_id = ? where business_key = ?").params(id, businessKey).update();
        return new Started(id, true);
      });
    } catch (DuplicateKeyException concurrentTwin) {
      return new Started(awaitInstance(businessKey, null), false);
    }
    runFirstSteps(started.processInstanceId());
    return started;
  }

  /**
   * The automatic steps after the start are asynchronous jobs (the same steps also follow a person's
   * task, where a fault must never land in the click). The API runs them once here, each in its own
   * transaction, so the caller gets the file's first state; a fault leaves the job to its retries and,
   * at the end, to a manager's incident — never an error in the answer.
   */
  private void runFirstSteps(String processInstanceId) {
    for (int i = 0; i < START_STEPS * 20; i++) {
      Job next = management.createJobQuery().processInstanceId(processInstanceId).messages().executable()
          .listPage(0, 1).stream().findFirst().orElse(null);
      if (next == null) {
        return;
      }
      // A job the node's job executor already holds is left to it: wait for its commit.
      boolean heldByTheExecutor = next instanceof JobEntity entity && entity.getLockOwner() != null
          && entity.getLockExpirationTime() != null && entity.getLockExpirationTime().after(ClockUtil.getCurrentTime());
      try {
        if (heldByTheExecutor) {
          Thread.sleep(50);
          continue;
        }
        SystemActions.asSystem(identity, () -> {
          management.executeJob(next.getId());
          return null;
        });
      } catch (OptimisticLockingException executorWasFaster) {
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException fault) {
        LOG.warn("A first step of process {} failed; its job will be retried ({})", processInstanceId,
            fault.getClass().getSimpleName());
        return;
      }
    }
  }

  /** The business key of a process instance started through here. */
  public Optional<String> businessKeyOf(String processInstanceId) {
    return jdbc.sql("select business_key from process_request where process_instance_id = ?").param(processInstanceId)
        .query(String.class).optional();
  }

  private Optional<String> existing(String businessKey) {
    return jdbc.sql("select coalesce(process_instance_id, '') from process_request where business_key = ?")
        .param(businessKey).query(String.class).optional();
  }

  /** The twin request's transaction may still be running: its row commits with its instance id. */
  private String awaitInstance(String businessKey, String known) {
    String id = known;
    for (int i = 0; (id == null || id.isEmpty()) && i < 50; i++) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      id = existing(businessKey).orElse("");
    }
    if (id == null || id.isEmpty()) {
      throw new IllegalStateException("The twin request of " + businessKey + " did not complete");
    }
    return id;
  }
}
