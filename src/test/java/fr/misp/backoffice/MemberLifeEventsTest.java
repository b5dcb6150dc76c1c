package fr.misp.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.Jobs;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16, life events: one place knows a member's open benefits; the passage into invalidity ends the daily
 * allowances on its date, and the member's death ends every open benefit on the day of death.
 */
@H2AppTest
class MemberLifeEventsTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MemberDirectory members;

  @Test
  void invalidityEndsTheDailyAllowancesAndDeathEndsEverything() {
    Http http = new Http(port);
    String member = "M-LIFE-" + System.nanoTime() % 100000;
    members.save(new Member(member, "Paul Garnier", LocalDate.of(1975, 4, 4), "ACTIVE", "IT", false,
        LocalDate.of(2001, 1, 1), "AG-075"));
    String aj = http.post("/api/daily-allowance-claims", "conseiller", "demo", """
        {"memberId": "%s", "halfPayDate": "2025-06-01", "referenceMonthlyBase": 3000, "netSalaryBeforeStoppage": 2500}"""
        .formatted(member)).json().get("id").asText();
    assertThat(http.get("/api/members/" + member + "/benefits", "conseiller", "demo").json().findValuesAsText("kind"))
        .containsExactly("DAILY_ALLOWANCE");
    // The pension of invalidity from 1 August ends the daily allowances on that day.
    String invalidity = http.post("/api/disability-claims", "conseiller", "demo", """
        {"memberId": "%s", "pensionStartDate": "2025-08-01", "socialSecurityCategory": 2, "monthlyBaseSalary": 2500,
         "monthlyBonuses": 300, "resources": [{"type": "INVALIDITY_PENSION", "annualAmount": 15000}]}""".formatted(member))
        .json().get("id").asText();
    JsonNode ajView = http.get("/api/daily-allowance-claims/" + aj, "conseiller", "demo").json();
    assertThat(ajView.get("endDate").asText()).isEqualTo("2025-08-01");
    assertThat(ajView.get("endReason").asText()).isEqualTo("INVALIDITY");
    assertThat(http.get("/api/members/" + member + "/benefits", "gestionnaire", "demo").json().findValuesAsText("kind"))
        .containsExactly("DISABILITY_ALLOWANCE");
    // The member dies on 15 October: the invalidity allowance ends that day.
    Http.Response death = http.post("/api/death-claims", "conseiller", "demo", """
        {"memberId": "%s", "event": "DEATH", "eventDate": "2025-10-15", "memberCategory": "ACTIVE",
         "annualContributionBase": 30000, "family": [], "designation": {"type": "STANDARD"}}""".formatted(member));
    String claim = death.json().get("id").asText();
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(claim).singleResult()
        .getId(), Map.of("documentsComplete", true));
    Jobs.runAll(engine, claim);
    assertThat(http.get("/api/disability-claims/" + invalidity, "conseiller", "demo").json().get("endDate").asText())
        .isEqualTo("2025-10-15");
    assertThat(http.get("/api/members/" + member + "/benefits", "conseiller", "demo").json()).isEmpty();
    assertThat(http.get("/api/members/" + member + "/benefits", "commission", "demo").status()).isEqualTo(403);
    assertThat(http.get("/api/members/NOBODY/benefits", "conseiller", "demo").body()).doesNotContain("NOBODY");
    for (String id : new String[] {aj, invalidity, claim}) {
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        engine.getRuntimeService().deleteProcessInstance(id, "test");
      }
    }
  }
}
