package fr.misp.backoffice.disability;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * The 1 January renewal tells tens of thousands of processes by a message-correlation batch: one job per process
 * (the engine's default) would spend more on jobs than on the work; a job correlates {@value #PER_JOB} of them, in one
 * transaction, retried as a whole (a correlation that finds its process no longer waiting does nothing).
 */
@Component
public class PayrollBatchSettings extends AbstractCamundaConfiguration {

  static final int PER_JOB = 25;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Map<String, Integer> perJob = configuration.getInvocationsPerBatchJobByBatchType() == null
        ? new HashMap<>() : new HashMap<>(configuration.getInvocationsPerBatchJobByBatchType());
    perJob.put(Batch.TYPE_CORRELATE_MESSAGE, PER_JOB);
    configuration.setInvocationsPerBatchJobByBatchType(perJob);
  }
}
