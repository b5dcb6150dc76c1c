package fr.misp.backoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.misp.backoffice.payment.PaymentOrders.NewOrder;
import fr.misp.backoffice.support.PostgresProdAppTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SEPA batches on a real PostgreSQL: a node that dies between claiming the orders and writing the file
 * leaves no batch and loses no order; four nodes batching at the same instant put each order in exactly
 * one batch, and the files add up to the cent.
 */
@PostgresProdAppTest
class SepaBatchPostgresTest {

  @Autowired SepaBatches batches;
  @Autowired PaymentOrders orders;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;

  private List<String> approvedOrders(String prefix, int count) {
    BankDetails account = BankDetails.of("FR7630006000011234567890189", null).orElseThrow();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String key = prefix + ":" + i;
      orders.orderOnce(new NewOrder(key, prefix, "Bénéficiaire " + i, new BigDecimal("100.01").add(BigDecimal.valueOf(i)),
          "DEATH_CAPITAL", null, "conseiller", account));
      keys.add(key);
    }
    return keys;
  }

  @Test
  void aNodeDyingBeforeTheFileIsWrittenLosesNoOrderAndLeavesNoBatch() {
    List<String> keys = approvedOrders("PG-DIE-" + System.nanoTime(), 3);
    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      batches.create("node-1");
      throw new IllegalStateException("the node dies before its transaction commits");
    })).hasMessageContaining("dies");
    for (String key : keys) {
      assertThat(orders.byKey(key).orElseThrow().status()).isEqualTo(PaymentOrders.APPROVED);
      assertThat(orders.byKey(key).orElseThrow().batchId()).isNull();
    }
    Optional<SepaBatches.Batch> next = batches.create("node-2");
    assertThat(next).isPresent();
    assertThat(orders.inBatch(next.get().id())).extracting(PaymentOrders.PaymentOrder::orderKey).containsAll(keys);
  }

  @Test
  void fourNodesBatchingAtOnceSendEachOrderOnce() throws Exception {
    String prefix = "PG-RACE-" + System.nanoTime();
    List<String> keys = approvedOrders(prefix, 40);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Optional<SepaBatches.Batch>>> results = new ArrayList<>();
    for (int node = 0; node < 4; node++) {
      String name = "node-" + node;
      results.add(pool.submit(() -> {
        go.await();
        return batches.create(name);
      }));
    }
    go.countDown();
    List<SepaBatches.Batch> made = new ArrayList<>();
    for (Future<Optional<SepaBatches.Batch>> result : results) {
      result.get().ifPresent(made::add);
    }
    pool.shutdown();
    List<String> batched = new ArrayList<>();
    for (SepaBatches.Batch batch : made) {
      List<PaymentOrders.PaymentOrder> inBatch = orders.inBatch(batch.id());
      assertThat(batch.numberOfOrders()).isEqualTo(inBatch.size());
      assertThat(batch.controlSum()).isEqualByComparingTo(inBatch.stream().map(PaymentOrders.PaymentOrder::amount)
          .reduce(BigDecimal.ZERO, BigDecimal::add));
      inBatch.stream().filter(o -> o.businessKey().equals(prefix)).forEach(o -> batched.add(o.orderKey()));
    }
    assertThat(batched).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(jdbc.sql("select count(*) from payment_order where business_key = ? and status = 'SENT'").param(prefix)
        .query(Integer.class).single()).isEqualTo(40);
  }
}
