package fr.misp.backoffice.priorapproval;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.rules.zoning.Zonier;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/** The routing DMN of the process (R-PA-3) gives, for every territory of the zonier, the zonier's administrator. */
class AdministratorRoutingTest {

  @Test
  void theDmnAgreesWithTheZonierForEveryTerritory() throws IOException {
    DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnDecision decision;
    try (InputStream in = new FileInputStream("processes/administrator-routing.dmn")) {
      decision = dmn.parseDecision("administratorRouting", in);
    }
    Zonier zonier = Zonier.standard();
    int checked = 0;
    for (Zonier.Entry entry : zonier.entries()) {
      for (String code : entry.codes()) {
        Zonier.Territory territory = zonier.find(code).orElseThrow();
        String expected = territory.administrator() == null ? "NONE" : territory.administrator().name();
        Object routed = dmn.evaluateDecisionTable(decision, Map.of("countryOfResidence", code)).getSingleEntry();
        assertThat(routed).as(code).isEqualTo(expected);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(240);
    assertThat((Object) dmn.evaluateDecisionTable(decision, Map.of("countryOfResidence", "CU")).getSingleEntry()).isEqualTo("IMA");
    assertThat((Object) dmn.evaluateDecisionTable(decision, Map.of("countryOfResidence", "MX")).getSingleEntry()).isEqualTo("HCS");
  }
}
