package fr.misp.backoffice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * The layers: adapters (controllers, delegates) → application services → domain and rules. The
 * platform serves the processes and knows none of them; the shared records (members, network,
 * outboxes, payments) know no process; controllers hand the engine's work to application services.
 */
class ArchitectureTest {

  static final String[] PROCESSES = {"fr.misp.backoffice.priorapproval..", "fr.misp.backoffice.socialaid..",
      "fr.misp.backoffice.deathcapital.."};
  static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("fr.misp.backoffice");
  }

  @Test
  void thePlatformKnowsNoProcess() {
    noClasses().that().resideInAPackage("fr.misp.backoffice.platform..").should().dependOnClassesThat()
        .resideInAnyPackage(PROCESSES).check(classes);
  }

  @Test
  void sharedRecordsKnowNoProcess() {
    noClasses().that().resideInAnyPackage("fr.misp.backoffice.member..", "fr.misp.backoffice.network..",
            "fr.misp.backoffice.notification..", "fr.misp.backoffice.payment..", "fr.misp.backoffice.simulation..")
        .should().dependOnClassesThat().resideInAnyPackage(PROCESSES).check(classes);
  }

  @Test
  void controllersDoNotDriveTheEngine() {
    noClasses().that().areAnnotatedWith(RestController.class).should().dependOnClassesThat()
        .haveFullyQualifiedName("org.camunda.bpm.engine.RuntimeService")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.TaskService")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.HistoryService")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.ManagementService")
        .check(classes);
  }

  @Test
  void processesDoNotReachIntoEachOther() {
    noClasses().that().resideInAPackage("fr.misp.backoffice.priorapproval..").should().dependOnClassesThat()
        .resideInAnyPackage("fr.misp.backoffice.socialaid..", "fr.misp.backoffice.deathcapital..").check(classes);
    noClasses().that().resideInAPackage("fr.misp.backoffice.socialaid..").should().dependOnClassesThat()
        .resideInAnyPackage("fr.misp.backoffice.priorapproval..", "fr.misp.backoffice.deathcapital..").check(classes);
  }
}
