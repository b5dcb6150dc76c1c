package fr.misp.backoffice.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/**
 * One name for each process: the managers' views (API labels and the Cockpit "Suivi" filter) call a
 * process by the name its model gives it, the one Tasklist and Cockpit show.
 */
class ProcessNamesTest {

  @Test
  void theManagersViewsUseTheModelsNames() throws IOException {
    Map<String, String> models = new HashMap<>();
    for (File file : new File("processes").listFiles((dir, name) -> name.endsWith(".bpmn"))) {
      for (Process process : Bpmn.readModelFromFile(file).getModelElementsByType(Process.class)) {
        models.put(process.getId(), process.getName());
      }
    }
    Labels.PROCESSES.forEach((key, name) -> assertThat(name).as("Labels: " + key).isEqualTo(models.get(key)));

    String script = Files.readString(Path.of(
        "src/main/resources/META-INF/resources/webjars/camunda/app/cockpit/misp/oversight.js"));
    int start = script.indexOf("const PROCESSES = [");
    String view = script.substring(start, script.indexOf("];", start));
    Matcher pair = Pattern.compile("\\['(\\w+)', [\"'](.+?)[\"']]").matcher(view);
    int pairs = 0;
    while (pair.find()) {
      assertThat(pair.group(2)).as("oversight.js: " + pair.group(1)).isEqualTo(models.get(pair.group(1)));
      pairs++;
    }
    assertThat(pairs).isEqualTo(Labels.PROCESSES.size());
  }
}
