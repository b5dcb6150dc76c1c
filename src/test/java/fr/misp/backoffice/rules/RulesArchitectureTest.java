package fr.misp.backoffice.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The calculators stay plain Java: no Spring, no Camunda, no web, no persistence. */
class RulesArchitectureTest {

  @Test
  void rulesDependOnNoFramework() {
    JavaClasses rules = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("fr.misp.backoffice.rules");
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..",
            "jakarta..", "com.fasterxml..", "io.swagger..", "fr.misp.backoffice.platform..")
        .check(rules);
  }
}
