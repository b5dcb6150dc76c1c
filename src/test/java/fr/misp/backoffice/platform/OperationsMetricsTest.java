package fr.misp.backoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.platform.monitoring.OperationsMetrics;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Operators read the metrics in Prometheus's format; nobody else does. */
@H2AppTest
class OperationsMetricsTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired OperationsMetrics metrics;

  @Test
  void theMonitoringGroupReadsTasksJobsOutboxesAndEndowments() {
    if (engine.getIdentityService().createUserQuery().userId("supervision").count() == 0) {
      User user = engine.getIdentityService().newUser("supervision");
      user.setPassword("demo");
      engine.getIdentityService().saveUser(user);
      engine.getIdentityService().createMembership("supervision", Groups.MONITORING);
    }
    String id = engine.getRuntimeService().startProcessInstanceByKey("deathCapital", "metrics-" + System.nanoTime(),
        Map.of()).getId();
    try {
      metrics.refresh();
      Http http = new Http(port);
      assertThat(http.get("/actuator/prometheus", null, null).status()).isEqualTo(401);
      assertThat(http.get("/actuator/prometheus", "conseiller", "demo").status()).isEqualTo(403);
      Http.Response scrape = http.getText("/actuator/prometheus", "supervision", "demo");
      assertThat(scrape.status()).isEqualTo(200);
      assertThat(scrape.body()).contains("misp_tasks_open{task=\"recordEvent\"}", "misp_tasks_past_due{task=",
          "misp_jobs_waiting", "misp_jobs_failed", "misp_notifications_pending", "misp_payment_orders_pending",
          "camunda_job_successful_total", "camunda_root_process_instance_start_total", "jvm_memory_used_bytes");
      assertThat(http.get("/actuator/health", null, null).status()).isEqualTo(200);
    } finally {
      engine.getRuntimeService().deleteProcessInstance(id, "test");
    }
  }
}
