package fr.misp.backoffice.socialaid;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.support.PostgresProdAppTest;
import fr.misp.backoffice.support.Jobs;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R-AS-5 on a real PostgreSQL: 24 commission decisions granting 100 € each are completed at the same
 * instant against an endowment of 1 000 €. Exactly ten reserve, the others go to gestionnaires, and
 * the sum reserved never exceeds the endowment.
 */
@PostgresProdAppTest
class EndowmentConcurrencyPostgresTest {

  private static final int GRANTS = 24;

  @Autowired ProcessEngine engine;
  @Autowired Endowments endowments;
  @Autowired MemberDirectory members;

  @Test
  void concurrentGrantsNeverTakeTheEndowmentBelowZero() throws Exception {
    String agency = "AG-PG" + System.nanoTime() % 100000;
    int year = LocalDate.now().getYear();
    endowments.set(agency, year, new BigDecimal("1000.00"));
    members.save(new Member("M-PG-AS", "Jeanne Leroy", LocalDate.of(1970, 1, 1), "ACTIVE", "DE", false,
        LocalDate.of(2010, 1, 1), agency));
    List<String> taskIds = new ArrayList<>();
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < GRANTS; i++) {
      Map<String, Object> vars = new HashMap<>(Map.of("memberId", "M-PG-AS", "agencyCode", agency, "situation", "FAMILY_EVENT",
          "aidType", "GRANT", "requestedAmount", 100, "monthlyResources", 1000, "monthlyCharges", 500, "householdSize", 2));
      String id = engine.getRuntimeService().startProcessInstanceByKey("socialAid", agency + "-" + i, vars).getId();
      instances.add(id);
      String file = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId();
      engine.getTaskService().complete(file, Map.of("fileComplete", true, "advisorOpinion", "Complet"));
      Jobs.runAll(engine, id);
      taskIds.add(engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("commissionDecision")
          .singleResult().getId());
    }
    ExecutorService pool = Executors.newFixedThreadPool(GRANTS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (String taskId : taskIds) {
      done.add(pool.submit(() -> {
        go.await();
        engine.getTaskService().complete(taskId, Map.of("commissionDecision", "GRANT", "grantedAmount", 100,
            "motivation", "Accord"));
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    // The reservations are the jobs that follow the decisions: run them all at once too (the node's
    // own job executor joins in).
    CountDownLatch reserve = new CountDownLatch(1);
    List<Future<?>> reserved = new ArrayList<>();
    for (String id : instances) {
      reserved.add(pool.submit(() -> {
        reserve.await();
        Jobs.runAll(engine, id);
        return null;
      }));
    }
    reserve.countDown();
    for (Future<?> f : reserved) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();

    Endowments.Endowment endowment = endowments.find(agency, year).orElseThrow();
    long granted = instances.stream().filter(id -> engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(id).activityId("endGranted").count() == 1).count();
    long arbitrations = engine.getTaskService().createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new))
        .taskDefinitionKey("arbitrateEndowment").count();
    System.out.printf("%d concurrent grants of 100 EUR on 1000 EUR: %d reserved, %d to arbitration, reserved %s%n",
        GRANTS, granted, arbitrations, endowment.reserved());
    assertThat(endowment.reserved()).isLessThanOrEqualTo(endowment.amount());
    assertThat(endowment.reserved()).isEqualByComparingTo("1000.00");
    assertThat(granted).isEqualTo(10);
    assertThat(arbitrations).isEqualTo(GRANTS - 10);
    assertThat(endowment.remaining()).isEqualByComparingTo("0");
  }
}
