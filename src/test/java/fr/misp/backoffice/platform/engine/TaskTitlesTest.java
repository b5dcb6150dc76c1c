package fr.misp.backoffice.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.Jobs;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 13: a task in a Tasklist list says whose file it is, for whom, and by when. */
@H2AppTest
class TaskTitlesTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MemberDirectory members;

  @Test
  void eachTaskNamesTheMemberThePayeeTheFileAndItsDueDate() {
    String member = "M-TITLE-" + System.nanoTime() % 100000;
    members.save(new Member(member, "Lucie Martin", LocalDate.of(1960, 1, 1), "RETIRED", "ES", false,
        LocalDate.of(1990, 1, 1), "AG-075"));
    Http.Response claim = new Http(port).post("/api/death-claims", "conseiller", "demo", """
        {"memberId": "%s", "event": "DEATH", "eventDate": "2024-03-01", "memberCategory": "RETIRED",
         "annualContributionBase": 0, "family": [{"name": "Paul Martin", "relation": "SPOUSE", "unionType": "MARRIAGE",
         "birthDate": "1958-02-02", "alive": true}, {"name": "Léa Martin", "relation": "CHILD", "birthDate": "1990-05-05",
         "alive": true, "dependent": true}], "designation": {"type": "STANDARD"}}""".formatted(member));
    assertThat(claim.status()).as(claim.body()).isEqualTo(201);
    String id = claim.json().get("id").asText();
    String file = claim.json().get("businessKey").asText();
    Task record = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
    assertThat(record.getName()).isEqualTo("Enregistrer l'événement et les pièces — Lucie Martin — " + file);
    assertThat(record.getDescription()).isEqualTo("Dossier " + file + " — à traiter avant le "
        + DateTimeFormatter.ofPattern("dd/MM/yyyy").format(record.getDueDate().toInstant().atZone(ProcessVariable.PARIS)));
    engine.getTaskService().complete(record.getId(), Map.of("documentsComplete", true));
    Jobs.runAll(engine, id);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("checkBeneficiary").list())
        .extracting(Task::getName).containsExactlyInAnyOrder(
            "Vérifier identité et coordonnées bancaires — Lucie Martin — pour Paul Martin — " + file,
            "Vérifier identité et coordonnées bancaires — Lucie Martin — pour Léa Martin — " + file);
  }
}
