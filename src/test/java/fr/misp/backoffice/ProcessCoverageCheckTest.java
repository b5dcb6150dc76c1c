package fr.misp.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs after every other test class (junit-platform.properties orders classes, this one last) and
 * reads the process-coverage reports they left in target/process-test-coverage: every flow node
 * and every sequence flow of each finished model must have been passed by some test.
 */
@Order(Integer.MAX_VALUE)
class ProcessCoverageCheckTest {

  private static final Path REPORTS = Path.of("target", "process-test-coverage");
  private static final Pattern ELEMENT = Pattern.compile(
      "<bpmn:(?:startEvent|endEvent|exclusiveGateway|parallelGateway|eventBasedGateway|userTask|serviceTask|sendTask|"
          + "businessRuleTask|receiveTask|boundaryEvent|intermediateCatchEvent|intermediateThrowEvent|subProcess|"
          + "callActivity|sequenceFlow) id=\"([^\"]+)\"");

  @ParameterizedTest(name = "{1} is fully covered")
  @CsvSource({"processes/prior-approval.bpmn, priorApproval", "processes/social-aid.bpmn, socialAid",
      "processes/death-capital.bpmn, deathCapital", "processes/payment-exception.bpmn, paymentException",
      "processes/loan-repayment.bpmn, loanRepayment", "processes/temporary-autonomy-loss.bpmn, temporaryAutonomyLoss",
      "processes/total-dependency.bpmn, totalDependency", "processes/daily-allowance.bpmn, dailyAllowance",
      "processes/disability-allowance.bpmn, disabilityAllowance",
      "processes/disability-payroll.bpmn, disabilityPayroll"})
  void everyFlowNodeAndSequenceFlowIsCovered(String file, String processKey) throws IOException {
    Set<String> elements = new HashSet<>();
    Matcher matcher = ELEMENT.matcher(Files.readString(Path.of(file)));
    while (matcher.find()) {
      elements.add(matcher.group(1));
    }
    Set<String> covered = covered(processKey);
    Set<String> missing = new HashSet<>(elements);
    missing.removeAll(covered);
    assertThat(elements).hasSizeGreaterThan(10);
    assertThat(missing).as("elements of %s no test passes", file).isEmpty();
  }

  private static Set<String> covered(String processKey) throws IOException {
    assertThat(REPORTS).as("coverage reports (run the whole suite)").isDirectory();
    Set<String> covered = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    List<Path> reports;
    try (Stream<Path> files = Files.walk(REPORTS)) {
      reports = files.filter(p -> p.getFileName().toString().equals("report.json")).toList();
    }
    for (Path report : reports) {
      for (JsonNode suite : json.readTree(report.toFile()).get("suites")) {
        for (JsonNode run : suite.get("runs")) {
          for (JsonNode event : run.get("events")) {
            if (processKey.equals(event.get("modelKey").asText())) {
              covered.add(event.get("definitionKey").asText());
            }
          }
        }
      }
    }
    return covered;
  }
}
