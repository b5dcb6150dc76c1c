package fr.misp.backoffice.platform.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Deploys every model of {@code processes/} and every form of {@code forms/} under one fixed
 * deployment name, with duplicate filtering.
 *
 * <p>Why not the starter's auto-deployment: it names resources by their absolute path under
 * {@code spring-boot:run} and by bare name under {@code java -jar}, so a move between the two
 * creates new versions. Here a resource is named by its path from the classpath root
 * ({@code processes/priorApproval.bpmn}), identical in both.
 */
@Component
@Order(20)
public class ModelDeployment extends AbstractCamundaConfiguration {

  public static final String DEPLOYMENT_NAME = "misp-models";
  static final List<String> ROOTS = List.of("processes/", "forms/");
  private static final List<String> PATTERNS =
      List.of("classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form");
  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);

  private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    deploy(processEngine);
  }

  /** Deploys the models; unchanged resources are filtered out, so no new version appears for them. */
  public Deployment deploy(ProcessEngine engine) {
    Map<String, byte[]> resources = collect();
    DeploymentBuilder builder = engine.getRepositoryService().createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("misp-backoffice")
        .enableDuplicateFiltering(true);
    resources.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
    Deployment deployment = builder.deploy();
    LOG.info("Models deployed as '{}': {} resources (deployment {})", DEPLOYMENT_NAME, resources.size(), deployment.getId());
    return deployment;
  }

  /** Resources sorted by their stable name, so the deployment is the same from any start mode. */
  Map<String, byte[]> collect() {
    Map<String, byte[]> byName = new TreeMap<>();
    for (String pattern : PATTERNS) {
      try {
        for (Resource resource : resolver.getResources(pattern)) {
          String name = stableName(resource.getURL().toString());
          try (InputStream in = resource.getInputStream()) {
            byName.putIfAbsent(name, in.readAllBytes());
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read models matching " + pattern, e);
      }
    }
    return byName;
  }

  /** {@code file:/x/target/classes/processes/a.bpmn} and {@code jar:...!/BOOT-INF/classes!/processes/a.bpmn} → {@code processes/a.bpmn}. */
  static String stableName(String url) {
    int best = -1;
    for (String root : ROOTS) {
      int at = url.lastIndexOf("/" + root);
      if (at > best) {
        best = at;
      }
    }
    if (best < 0) {
      throw new IllegalArgumentException("Not under processes/ or forms/: " + url);
    }
    return url.substring(best + 1);
  }
}
