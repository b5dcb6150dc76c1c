package fr.misp.backoffice.support;

import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Runs the async continuations of a process instance (the commit after each human step), as the
 * job executor would, at the moment the test chooses. Timers are not run: they are the test's to fire.
 */
public final class Jobs {

  private Jobs() {}

  /** Executes every due async job of the instance (and of those they create) until none is left. */
  public static void runAll(ProcessEngine engine, String processInstanceId) {
    asBackOffice(engine, () -> drain(engine, processInstanceId));
  }

  /** Jobs run as the job executor runs them: as the back office, whoever the test is signed in as. */
  private static void asBackOffice(ProcessEngine engine, Runnable work) {
    var identity = engine.getIdentityService();
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      work.run();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private static void drain(ProcessEngine engine, String processInstanceId) {
    // Where the node's job executor runs (prod profile), it does the work: wait for it, never run a
    // job beside it (a job it has locked would run twice, which the executor itself never does).
    boolean executorRuns = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor()
        .isActive();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      var query = engine.getManagementService().createJobQuery().messages().executable();
      List<Job> jobs = (processInstanceId == null ? query : query.processInstanceId(processInstanceId)).list();
      if (jobs.isEmpty()) {
        return;
      }
      if (executorRuns) {
        sleep();
        continue;
      }
      for (Job job : jobs) {
        try {
          engine.getManagementService().executeJob(job.getId());
        } catch (OptimisticLockingException | org.camunda.bpm.engine.exception.NullValueException takenByTheExecutor) {
          // Where a job executor runs (prod profile), it may have taken this job first: wait for it.
          sleep();
        }
      }
    }
    throw new IllegalStateException("Async jobs keep coming for " + processInstanceId);
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The same, as a condition a wait can poll (always true once the jobs are done). */
  public static boolean run(ProcessEngine engine, String processInstanceId) {
    runAll(engine, processInstanceId);
    return true;
  }

  /** Executes every due async job of every instance: for steps that start other processes. */
  public static void runAll(ProcessEngine engine) {
    asBackOffice(engine, () -> drain(engine, null));
  }

  /**
   * Runs the Camunda batches (seed and batch jobs, e.g. a message correlated to many processes) as the job executor
   * would, then their further async jobs; the monitor jobs are left to their poll time.
   */
  public static void runBatches(ProcessEngine engine) {
    asBackOffice(engine, () -> {
      var management = engine.getManagementService();
      for (int round = 0; round < 1000; round++) {
        List<Job> jobs = new java.util.ArrayList<>();
        for (var batch : management.createBatchQuery().list()) {
          jobs.addAll(management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).executable().list());
          jobs.addAll(management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).executable().list());
        }
        if (jobs.isEmpty()) {
          return;
        }
        jobs.forEach(job -> management.executeJob(job.getId()));
      }
      throw new IllegalStateException("Batch jobs keep coming");
    });
  }
}
