package fr.misp.backoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.MispApplication;
import fr.misp.backoffice.platform.engine.ModelDeployment;
import fr.misp.backoffice.platform.security.IdentityBootstrap;
import fr.misp.backoffice.support.Http;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Operators' view, on a PostgreSQL of its own: two nodes started at the same moment on an empty
 * database converge (one schema, one deployment, one version per model, rights and filters once);
 * async jobs are executed by both nodes, and a node stopped under load hands its locked jobs back;
 * a database outage answers 503 with Retry-After, takes
 * readiness down and back by itself, and leaves liveness up.
 */
@Order(Integer.MAX_VALUE - 50)
class ClusterOnPostgresTest {

  private static final String ADMIN_PASSWORD = "Cluster-Adm1n-Passw0rd!";

  @Test
  void twoNodesStartTogetherShareTheJobsAndRideOutADatabaseRestart() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "cluster-pg-");
    EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
        .setRegisterShutdownHook(false).start();
    int port = pg.getPort();
    List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    ExecutorService starter = Executors.newFixedThreadPool(2);
    // Two nodes in one JVM would initialise the logging system at the same moment (a race of the
    // test harness, not of the nodes, which run in JVMs of their own): keep the logging as it is.
    String loggingSystem = System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    try {
      // 1. Two nodes at once on an empty database.
      CompletableFuture<ConfigurableApplicationContext> a = CompletableFuture.supplyAsync(() -> node("nodeA", pg), starter);
      CompletableFuture<ConfigurableApplicationContext> b = CompletableFuture.supplyAsync(() -> node("nodeB", pg), starter);
      nodes.add(a.get(3, TimeUnit.MINUTES));
      nodes.add(b.get(3, TimeUnit.MINUTES));
      ProcessEngine engineA = nodes.get(0).getBean(ProcessEngine.class);
      assertThat(engineA.getRepositoryService().createDeploymentQuery().deploymentName(ModelDeployment.DEPLOYMENT_NAME)
          .count()).isEqualTo(1);
      assertThat(engineA.getRepositoryService().createProcessDefinitionQuery().list())
          .isNotEmpty().allSatisfy(d -> assertThat(d.getVersion()).isEqualTo(1));
      Map<String, Integer> grants = new TreeMap<>();
      for (Authorization auth : engineA.getAuthorizationService().createAuthorizationQuery().list()) {
        grants.merge(auth.getGroupId() + "|" + auth.getUserId() + "|" + auth.getResourceType() + "|"
            + auth.getResourceId() + "|" + auth.getAuthorizationType(), 1, Integer::sum);
      }
      assertThat(grants).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
      assertThat(engineA.getFilterService().createFilterQuery().filterName(IdentityBootstrap.TEAM_FILTER).count())
          .isEqualTo(6);
      assertThat(engineA.getIdentityService().createUserQuery().userId("admin").count()).isEqualTo(1);

      // 2. Jobs spread over both nodes.
      BpmnModelInstance load = Bpmn.createExecutableProcess("clusterLoad").camundaHistoryTimeToLive(1)
          .startEvent().serviceTask("work").camundaAsyncBefore().camundaExpression("${slowWork.run()}").endEvent().done();
      engineA.getRepositoryService().createDeployment().addModelInstance("clusterLoad.bpmn", load).deploy();
      // Requests reach both nodes, as behind a load balancer; each job takes 20 ms of work.
      ProcessEngine engineB = nodes.get(1).getBean(ProcessEngine.class);
      for (int i = 0; i < 300; i++) {
        (i % 2 == 0 ? engineA : engineB).getRuntimeService().startProcessInstanceByKey("clusterLoad");
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (engineA.getManagementService().createJobQuery().processDefinitionKey("clusterLoad").count() > 0
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(engineA.getManagementService().createJobQuery().processDefinitionKey("clusterLoad").count()).isZero();
      Map<String, Integer> byNode = new TreeMap<>();
      for (HistoricJobLog log : engineA.getHistoryService().createHistoricJobLogQuery().processDefinitionKey("clusterLoad")
          .successLog().list()) {
        byNode.merge(log.getHostname(), 1, Integer::sum);
      }
      System.out.println("Jobs executed per node: " + byNode);
      assertThat(byNode).containsOnlyKeys("nodeA", "nodeB");
      assertThat(byNode.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(300);

      // 3. A node stopped under load hands back the jobs it had locked but not started.
      String ownerB = ((ProcessEngineConfigurationImpl) engineB.getProcessEngineConfiguration()).getJobExecutor()
          .getLockOwner();
      for (int i = 0; i < 200; i++) {
        engineB.getRuntimeService().startProcessInstanceByKey("clusterLoad");
      }
      Thread.sleep(300);
      nodes.remove(1).close();
      assertThat(engineA.getManagementService().createJobQuery().processDefinitionKey("clusterLoad").list())
          .noneMatch(job -> ownerB.equals(((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job).getLockOwner()));
      long drained = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (engineA.getManagementService().createJobQuery().processDefinitionKey("clusterLoad").count() > 0
          && System.nanoTime() < drained) {
        Thread.sleep(200);
      }
      assertThat(engineA.getManagementService().createJobQuery().processDefinitionKey("clusterLoad").count()).isZero();
      assertThat(engineA.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("clusterLoad")
          .completed().count()).isEqualTo(500);

      // 4. The database restarts: 503 with Retry-After, readiness down then up by itself.
      Http http = new Http(((WebServerApplicationContext) nodes.get(0)).getWebServer().getPort());
      assertThat(http.get("/api/me", "admin", ADMIN_PASSWORD).status()).isEqualTo(200);
      pg.close();
      Http.Response api = http.get("/api/me", "admin", ADMIN_PASSWORD);
      assertThat(api.status()).as(api.body()).isEqualTo(503);
      assertThat(api.body()).contains("indisponible");
      assertThat(http.headers("/api/me", "admin", ADMIN_PASSWORD).firstValue("Retry-After")).contains("5");
      assertThat(http.get("/engine-rest/task", "admin", ADMIN_PASSWORD).status()).isEqualTo(503);
      assertThat(http.get("/actuator/health/readiness", null, null).status()).isEqualTo(503);
      assertThat(http.get("/actuator/health/liveness", null, null).status()).isEqualTo(200);
      EmbeddedPostgres restarted = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
          .setPort(port).setRegisterShutdownHook(false).start();
      try {
        long back = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (http.get("/actuator/health/readiness", null, null).status() != 200 && System.nanoTime() < back) {
          Thread.sleep(500);
        }
        assertThat(http.get("/actuator/health/readiness", null, null).status()).isEqualTo(200);
        assertThat(http.get("/api/me", "admin", ADMIN_PASSWORD).status()).isEqualTo(200);
      } finally {
        nodes.forEach(ConfigurableApplicationContext::close);
        nodes.clear();
        restarted.close();
      }
    } finally {
      if (loggingSystem == null) {
        System.clearProperty("org.springframework.boot.logging.LoggingSystem");
      } else {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", loggingSystem);
      }
      nodes.forEach(ConfigurableApplicationContext::close);
      starter.shutdownNow();
      try {
        pg.close();
      } catch (IOException alreadyClosed) {
        // closed by the outage step
      }
    }
  }

  /** A step that takes some time, as a real one (a call to a bank, a PDF) would. */
  public static class SlowWork {
    public void run() throws InterruptedException {
      Thread.sleep(20);
    }
  }

  private static ConfigurableApplicationContext node(String name, EmbeddedPostgres pg) {
    return new SpringApplicationBuilder(MispApplication.class)
        .initializers(context -> context.getBeanFactory().registerSingleton("slowWork", new SlowWork()))
        .profiles("prod")
        .run("--server.port=0", "--camunda.bpm.process-engine-name=" + name,
            "--camunda.bpm.generic-properties.properties.hostname=" + name,
            "--MISP_DB_URL=" + pg.getJdbcUrl("postgres", "postgres"), "--MISP_DB_USER=postgres",
            "--MISP_DB_PASSWORD=postgres", "--MISP_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
            "--spring.datasource.hikari.connection-timeout=2000");
  }
}
