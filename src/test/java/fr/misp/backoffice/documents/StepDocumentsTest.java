package fr.misp.backoffice.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The list of documents per step names steps that exist, and the completeness steps check it on completion. */
class StepDocumentsTest {

  private static final Pattern PROCESS = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");

  static Map<String, String> models() throws IOException {
    Map<String, String> models = new HashMap<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        String xml = Files.readString(file);
        Matcher process = PROCESS.matcher(xml);
        while (process.find()) {
          models.put(process.group(1), xml);
        }
      }
    }
    return models;
  }

  @Test
  void everyStepIsAUserTaskOfItsProcessAndTheCompletenessStepsRunTheCheck() throws IOException {
    Map<String, String> models = models();
    for (String step : StepDocuments.steps()) {
      String[] parts = step.split("\\.");
      assertThat(models).as(step).containsKey(parts[0]);
      assertThat(models.get(parts[0])).as(step).contains("<bpmn:userTask id=\"" + parts[1] + "\"");
    }
    for (String step : StepDocuments.completenessSteps()) {
      String[] parts = step.split("\\.");
      Matcher task = Pattern.compile("<bpmn:userTask id=\"" + parts[1] + "\".*?</bpmn:userTask>", Pattern.DOTALL)
          .matcher(models.get(parts[0]));
      assertThat(task.find()).isTrue();
      assertThat(task.group()).as(step).contains("${missingDocumentsListed}");
    }
  }

  @Test
  void aDeathCapitalsListFollowsItsEvent() {
    assertThat(StepDocuments.required("deathCapital", "recordEvent", "DEATH")).containsExactly(DocumentType.DEATH_CERTIFICATE);
    assertThat(StepDocuments.required("deathCapital", "recordEvent", "PTIA")).containsExactly(DocumentType.IDENTITY);
    assertThat(StepDocuments.required("deathCapital", "recordEvent", null)).isEmpty();
    assertThat(StepDocuments.read("deathCapital", "checkBeneficiary", "DEATH"))
        .contains(DocumentType.DEATH_CERTIFICATE, DocumentType.BANK_DETAILS);
    assertThat(StepDocuments.read("priorApproval", "medicalReview", null))
        .contains(DocumentType.QUOTE, DocumentType.MEDICAL_REPORT);
  }
}
