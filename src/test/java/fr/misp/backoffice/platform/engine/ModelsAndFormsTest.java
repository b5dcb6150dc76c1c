package fr.misp.backoffice.platform.engine;

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
import org.junit.jupiter.api.Test;

/**
 * The models are drawn for people and their forms render in Tasklist: every BPMN has a diagram,
 * a history time to live and French names; every formRef names a form of forms/; inside a form,
 * component ids are unique and differ from the form's own id (form-js refuses to render otherwise).
 */
class ModelsAndFormsTest {

  private static List<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> paths = Files.list(Path.of(folder))) {
      return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  @Test
  void everyFormRendersItsComponentsOnce() throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (Path form : files("forms", ".form")) {
      JsonNode root = json.readTree(form.toFile());
      String formId = root.get("id").asText();
      assertThat(form.getFileName().toString()).isEqualTo(formId + ".form");
      Set<String> ids = new HashSet<>();
      for (JsonNode component : root.get("components")) {
        String id = component.get("id").asText();
        assertThat(ids.add(id)).as("%s: component id %s is unique", form, id).isTrue();
        assertThat(id).as("%s: a component may not carry the form's id", form).isNotEqualTo(formId);
      }
    }
  }

  @Test
  void everyModelHasADiagramATimeToLiveAndItsFormsExist() throws IOException {
    Pattern formRef = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
    Pattern userTask = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\" name=\"([^\"]*)\"");
    for (Path model : files("processes", ".bpmn")) {
      String xml = Files.readString(model);
      assertThat(xml).as("%s has a diagram", model).contains("<bpmndi:BPMNDiagram", "<bpmndi:BPMNShape", "<dc:Bounds");
      assertThat(xml).as("%s has a history time to live", model).containsPattern("camunda:historyTimeToLive=\"P\\d+D\"");
      Matcher refs = formRef.matcher(xml);
      while (refs.find()) {
        assertThat(Path.of("forms", refs.group(1) + ".form")).as("%s uses form %s", model, refs.group(1)).exists();
      }
      Matcher tasks = userTask.matcher(xml);
      while (tasks.find()) {
        assertThat(tasks.group(2)).as("%s: task %s has a French name", model, tasks.group(1)).isNotBlank();
      }
    }
  }
}
