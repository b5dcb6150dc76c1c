package fr.misp.backoffice.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily SEPA batch ({@code misp.payments.batch-cron}, Paris time). Every node may run it: the orders
 * are claimed by one conditional update, so a second node finds nothing left to send.
 */
@Component
public class DailyBatch {

  private static final Logger LOG = LoggerFactory.getLogger(DailyBatch.class);

  private final SepaBatches batches;

  public DailyBatch(SepaBatches batches) {
    this.batches = batches;
  }

  @Scheduled(cron = "${misp.payments.batch-cron}", zone = "Europe/Paris")
  public void run() {
    batches.create("system").ifPresent(b -> LOG.info("SEPA batch {}: {} orders", b.id(), b.numberOfOrders()));
  }
}
