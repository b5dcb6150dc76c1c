package fr.misp.backoffice.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Resource names do not depend on how the app was started, so a restart never creates new versions. */
class ModelDeploymentTest {

  @Test
  void aModelHasTheSameNameUnderSpringBootRunAndJavaJar() {
    String fromClasses = ModelDeployment.stableName("file:/srv/app/target/classes/processes/priorApproval.bpmn");
    String fromJar = ModelDeployment.stableName(
        "jar:nested:/opt/misp/app.jar/!BOOT-INF/classes/!/processes/priorApproval.bpmn");
    assertThat(fromClasses).isEqualTo("processes/priorApproval.bpmn").isEqualTo(fromJar);
    assertThat(ModelDeployment.stableName("file:/x/processes/target/classes/forms/medicalReview.form"))
        .isEqualTo("forms/medicalReview.form");
  }

  @Test
  void aResourceOutsideTheModelFoldersIsRefused() {
    assertThatThrownBy(() -> ModelDeployment.stableName("file:/x/other/a.bpmn")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyModelAndFormOfTheRepositoryIsCollected() {
    assertThat(new ModelDeployment().collect().keySet())
        .contains("processes/prior-approval.bpmn", "processes/social-aid.bpmn",
            "processes/death-capital.bpmn", "forms/medicalReview.form", "forms/buildFile.form");
  }
}
