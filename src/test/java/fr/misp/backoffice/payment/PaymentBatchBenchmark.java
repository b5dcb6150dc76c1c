package fr.misp.backoffice.payment;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import fr.misp.backoffice.MispApplication;
import fr.misp.backoffice.support.EmbeddedPostgresInitializer;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue #15's measure, not a test: 10 000 approved orders gathered into one SEPA file (pain.001.001.09), the file read
 * back with the ISO 20022 model and checked against the EPC rules the tests check (number of transactions, control
 * sum to the cent, lengths and character set of each transfer), then the bank's camt.054 of 10 000 entries read (1 %
 * returned, each return reopening its path). PostgreSQL, prod profile. Prints each time.
 *
 * <p>Run: {@code ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt && java -cp
 * target/classes:target/test-classes:$(cat target/cp.txt) fr.misp.backoffice.payment.PaymentBatchBenchmark [orders]}
 */
public final class PaymentBatchBenchmark {

  private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

  public static void main(String[] args) {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    ConfigurableApplicationContext app = new SpringApplicationBuilder(MispApplication.class).profiles("prod")
        .initializers(new EmbeddedPostgresInitializer())
        .properties("server.port=0", "misp.payments.batch-cron=-", "logging.level.root=WARN",
            "camunda.bpm.job-execution.enabled=false")
        .run();
    try {
      PaymentOrders orders = app.getBean(PaymentOrders.class);
      SepaBatches batches = app.getBean(SepaBatches.class);
      BankNotifications bank = app.getBean(BankNotifications.class);
      TransactionTemplate tx = app.getBean(TransactionTemplate.class);
      BankDetails account = BankDetails.of("FR7630006000011234567890189", null).orElseThrow();
      List<PaymentOrders.NewOrder> newOrders = new ArrayList<>();
      for (int n = 1; n <= total; n++) {
        // Amounts under the four-eyes threshold, each its own cents: approved at once, a sum that tests the cents.
        newOrders.add(new PaymentOrders.NewOrder("BENCH-" + n, "FILE-BENCH-" + n, "Bénéficiaire Élodie N" + n,
            new BigDecimal(100 + n % 4000).add(BigDecimal.valueOf(n % 100, 2)), "DISABILITY_MONTH", null, "conseiller",
            account));
      }
      long t0 = System.nanoTime();
      int ordered = tx.execute(status -> orders.orderAll(newOrders));
      OUT.printf("%,d orders approved at once (orderAll) in %.2f s%n", ordered, seconds(t0));

      long t1 = System.nanoTime();
      SepaBatches.Batch batch = batches.create("bench").orElseThrow();
      double create = seconds(t1);
      OUT.printf("batch of %,d orders, %s € : pain.001.001.09 built and stored in %.2f s (%,d bytes)%n",
          batch.numberOfOrders(), batch.controlSum().toPlainString(), create, batch.fileContent().length());

      long t2 = System.nanoTime();
      MxPain00100109 pain = MxPain00100109.parse(batch.fileContent());
      var header = pain.getCstmrCdtTrfInitn().getGrpHdr();
      BigDecimal expected = newOrders.stream().map(PaymentOrders.NewOrder::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal sum = BigDecimal.ZERO;
      int transfers = 0;
      for (var instruction : pain.getCstmrCdtTrfInitn().getPmtInf()) {
        for (CreditTransferTransaction34 transfer : instruction.getCdtTrfTxInf()) {
          check(transfer.getPmtId().getEndToEndId().length() <= 35, "end-to-end id length");
          check(transfer.getCdtr().getNm().length() <= 70 && transfer.getCdtr().getNm().matches("[A-Za-z0-9/\\-?:().,'+ ]*"),
              "creditor name: EPC length and character set");
          check(transfer.getAmt().getInstdAmt().getValue().scale() <= 2, "amount in cents");
          sum = sum.add(transfer.getAmt().getInstdAmt().getValue());
          transfers++;
        }
      }
      check(Integer.parseInt(header.getNbOfTxs()) == total && transfers == total, "number of transactions");
      check(header.getCtrlSum().compareTo(expected) == 0 && sum.compareTo(expected) == 0, "control sum to the cent");
      double readBack = seconds(t2);
      OUT.printf("file read back and checked (EPC rules: %,d transactions, control sum %s €) in %.2f s%n", transfers,
          sum.toPlainString(), readBack);

      List<PaymentCycleTest.Entry> entries = new ArrayList<>();
      int n = 0;
      for (PaymentOrders.PaymentOrder order : orders.inBatch(batch.id())) {
        boolean returned = ++n % 100 == 0;
        entries.add(PaymentCycleTest.entry("BK-" + n, order.endToEndId(), order.amount(),
            returned ? CreditDebitCode.CRDT : CreditDebitCode.DBIT, returned ? "AC04" : null));
      }
      String camt = PaymentCycleTest.camt054(entries);
      long t3 = System.nanoTime();
      BankNotifications.Outcome outcome = bank.read(camt, "bench");
      double read = seconds(t3);
      OUT.printf("camt.054 of %,d entries (%,d bytes) read in %.2f s: %,d paid, %,d returned (each reopening its "
          + "path), %,d unknown%n", entries.size(), camt.length(), read, outcome.paid(), outcome.returned(),
          outcome.unknown());
      OUT.printf("RESULT: batch of %,d: file %.2f s + read back %.2f s; reconciliation of %,d entries %.2f s (%,.0f/s)%n",
          total, create, readBack, entries.size(), read, entries.size() / read);
    } finally {
      app.close();
    }
  }

  private static void check(boolean holds, String rule) {
    if (!holds) {
      throw new IllegalStateException("SEPA file breaks a rule: " + rule);
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private PaymentBatchBenchmark() {}
}
