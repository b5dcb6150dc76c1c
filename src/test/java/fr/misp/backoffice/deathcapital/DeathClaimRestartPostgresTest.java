package fr.misp.backoffice.deathcapital;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.MispApplication;
import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.payment.PaymentOrders;
import fr.misp.backoffice.support.EmbeddedPostgresInitializer;
import fr.misp.backoffice.support.Jobs;
import fr.misp.backoffice.support.PostgresProdAppTest;
import fr.misp.backoffice.deathcapital.DeathClaimRequest.Designation;
import fr.misp.backoffice.deathcapital.DeathClaimRequest.Relative;
import fr.misp.backoffice.rules.deathcapital.BeneficiaryCascade.Relation;
import fr.misp.backoffice.rules.deathcapital.BeneficiaryCascade.UnionType;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator.Event;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator.MemberCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A restart in the middle of a claim, on PostgreSQL: a first back-office node orders the payment of
 * one beneficiary and is stopped; the running node takes the claim over. Nobody is paid twice.
 */
@PostgresProdAppTest
@Order(Integer.MAX_VALUE - 50)
class DeathClaimRestartPostgresTest {

  @Autowired ProcessEngine engine;
  @Autowired MemberDirectory members;
  @Autowired PaymentOrders payments;
  @Autowired Payees payees;
  @Autowired Environment environment;
  @Autowired DeathClaimService service;

  @Test
  void aNodeStoppedAfterAPaymentIsTakenOverWithoutPayingTwice() {
    members.save(new Member("M-PG-DC", "Louis Petit", LocalDate.of(1960, 1, 1), "ACTIVE", "BE", false,
        LocalDate.of(1995, 1, 1), "AG-075"));
    // Opened as the API opens it (the claim's record, then its process), by an advisor.
    DeathClaimRequest claim = new DeathClaimRequest("M-PG-DC", Event.DEATH, LocalDate.of(2024, 4, 1), MemberCategory.ACTIVE,
        new BigDecimal("36000"), List.of(
            new Relative("Anne Petit", Relation.SPOUSE, UnionType.MARRIAGE, LocalDate.of(1962, 1, 1), true, null),
            new Relative("Tom Petit", Relation.CHILD, null, LocalDate.of(2008, 1, 1), true, true)),
        new Designation(Designation.Type.STANDARD, List.of()));
    String id = service.start(claim, "pg-advisor").getKey().id();
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId(),
        Map.of("documentsComplete", true));
    Jobs.runAll(engine, id);
    assertThat(payees.of("DC-M-PG-DC-DEATH")).hasSize(2);

    // A second node on the same database (its own engine name, no job executor) checks the first payee...
    try (ConfigurableApplicationContext node = new SpringApplicationBuilder(MispApplication.class).profiles("prod")
        // Command-line arguments: they win over application.yml (default properties would not).
        .run("--server.port=0", "--camunda.bpm.process-engine-name=secondNode", "--camunda.bpm.job-execution.enabled=false",
            "--MISP_DB_URL=" + environment.getProperty("MISP_DB_URL"), "--MISP_DB_USER=postgres", "--MISP_DB_PASSWORD=postgres",
            "--MISP_ADMIN_PASSWORD=" + EmbeddedPostgresInitializer.ADMIN_PASSWORD)) {
      TaskService tasks = node.getBean(ProcessEngine.class).getTaskService();
      Task first = tasks.createTaskQuery().processInstanceId(id).taskDefinitionKey("checkBeneficiary").list().stream()
          .filter(t -> "Anne Petit".equals(tasks.getVariable(t.getId(), "payeeName"))).findFirst().orElseThrow();
      tasks.complete(first.getId(), Map.of("beneficiaryCheck", "VERIFIED", "iban", "FR7630006000011234567890189"));
      // The advisor's check is committed with the click; the payment is the next job (which the
      // running node's job executor may already be taking).
      assertThat(tasks.createTaskQuery().taskId(first.getId()).count()).isZero();
      assertThat(payments.of("DC-M-PG-DC-DEATH")).hasSizeLessThanOrEqualTo(1);
    } // ...and is stopped.

    // The running node runs the payment job (once), then the remaining check, then the claim closes.
    Jobs.runAll(engine, id);
    assertThat(payments.of("DC-M-PG-DC-DEATH")).hasSize(1);
    for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("checkBeneficiary").list()) {
      engine.getTaskService().complete(task.getId(), Map.of("beneficiaryCheck", "VERIFIED", "iban", "FR7630006000011234567890189"));
    }
    Jobs.runAll(engine, id);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).finished().count()).isEqualTo(1);
    assertThat(payments.of("DC-M-PG-DC-DEATH")).extracting(p -> p.beneficiary())
        .containsExactlyInAnyOrder("Anne Petit", "Tom Petit");
    assertThat(payments.of("DC-M-PG-DC-DEATH")).filteredOn(p -> p.beneficiary().equals("Anne Petit")).singleElement()
        .satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("30600.00"));
    assertThat(payees.of("DC-M-PG-DC-DEATH")).allSatisfy(p -> assertThat(p.paymentStatus()).isEqualTo("PAYMENT_ORDERED"));
  }
}
