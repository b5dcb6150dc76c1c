package fr.misp.backoffice.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.support.Jobs;
import fr.misp.backoffice.support.PostgresProdAppTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The managers' views read the engine's tables and ours in plain SQL: on a real PostgreSQL (prod profile)
 * a finished file is found by member and read with its steps, a late task is counted per step, a loan in
 * arrears and the agencies' endowments are listed.
 */
@PostgresProdAppTest
class OversightPostgresTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired FinishedFiles files;
  @Autowired LateFiles late;
  @Autowired MoneyOverview money;
  @Autowired AgencyEndowments endowments;
  @Autowired fr.misp.backoffice.socialaid.Endowments socialAidEndowments;
  @Autowired fr.misp.backoffice.member.MemberDirectory members;

  @Test
  void theViewsReadPostgresql() {
    String member = "M-PG-OVS-" + System.nanoTime() % 100000;
    String agency = "AG-PGO";
    String key = "SA-PG-OVS-" + System.nanoTime();
    members.save(new fr.misp.backoffice.member.Member(member, "Paul Girard", LocalDate.of(1971, 2, 3), "ACTIVE", "DE", false,
        LocalDate.of(2011, 1, 1), agency));
    Map<String, Object> variables = Map.of("memberId", member, "agencyCode", agency, "situation", "FAMILY_EVENT",
        "aidType", "GRANT", "requestedAmount", 100, "monthlyResources", 1000, "monthlyCharges", 500, "householdSize", 2);
    String id = engine.getRuntimeService().startProcessInstanceByKey("socialAid", key, variables).getId();
    jdbc.sql("insert into process_request (business_key, process_key, process_instance_id, created_by, created_at) "
        + "values (?, 'socialAid', ?, 'conseiller', ?)").params(key, id, LocalDateTime.now()).update();
    jdbc.sql("insert into social_aid_file (business_key, member_id, agency_code, aid_type, requested_amount, created_at) "
        + "values (?, ?, ?, 'GRANT', 100.00, ?)").params(key, member, agency, LocalDateTime.now()).update();
    Task file = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
    // Late by two days before it is done.
    file.setDueDate(Date.from(Instant.now().minus(Duration.ofDays(2)).minusSeconds(60)));
    engine.getTaskService().saveTask(file);
    assertThat(late.now().steps()).anySatisfy(step -> {
      assertThat(step.taskKey()).isEqualTo("buildSocialFile");
      assertThat(step.late()).isPositive();
    });
    engine.getTaskService().claim(file.getId(), "conseiller-pg");
    engine.getTaskService().complete(file.getId(), Map.of("fileComplete", true, "advisorOpinion", "Complet"));
    Jobs.runAll(engine, id);
    Task commission = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
    engine.getTaskService().complete(commission.getId(), Map.of("commissionDecision", "REFUSE", "motivation", "Refus motivé"));
    Jobs.runAll(engine, id);

    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    assertThat(files.search(new FinishedFiles.Criteria(null, member, "socialAid", today, today)))
        .singleElement().satisfies(row -> {
          assertThat(row.businessKey()).isEqualTo(key);
          assertThat(row.endedAt()).isNotNull();
        });
    assertThat(files.search(new FinishedFiles.Criteria(null, null, null, null, null))).isNotEmpty();
    FinishedFiles.File found = files.file(key).orElseThrow();
    assertThat(found.amounts()).contains(new FinishedFiles.Amount("Montant demandé", new BigDecimal("100.00"), "EUR"));
    assertThat(found.steps()).extracting(FinishedFiles.Step::label, FinishedFiles.Step::who)
        .contains(org.assertj.core.groups.Tuple.tuple("Constituer le dossier social", "conseiller-pg"));

    jdbc.sql("insert into loan_instalment (business_key, number, due_date, amount) values (?, 1, ?, 80.00)")
        .params(key, today.minusDays(30)).update();
    jdbc.sql("insert into loan_account (business_key, reference, member_id, agency_code, principal, status, created_at) "
        + "values (?, 'MISP-PRET-0PG0OVS0', ?, ?, 80.00, 'ACTIVE', ?)").params(key, member, agency, LocalDateTime.now())
        .update();
    assertThat(money.on(today).loanArrears()).anySatisfy(arrears -> {
      assertThat(arrears.businessKey()).isEqualTo(key);
      assertThat(arrears.overdue()).isEqualTo(new BigDecimal("80.00"));
    });
    // An agency with last year's endowment shows this year too, as not set yet.
    socialAidEndowments.set(agency, today.getYear() - 1, new BigDecimal("500.00"));
    assertThat(endowments.ofYear(today.getYear())).filteredOn(line -> line.agencyCode().equals(agency))
        .singleElement().satisfies(line -> assertThat(line.set()).isFalse());
    assertThat(endowments.ofYear(today.getYear() - 1)).filteredOn(line -> line.agencyCode().equals(agency))
        .singleElement().satisfies(line -> assertThat(line.remaining()).isEqualTo(new BigDecimal("500.00")));
  }
}
