package fr.misp.backoffice.letters;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.misp.backoffice.support.PostgresProdAppTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import fr.misp.backoffice.notification.OutboxNotifications;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes' dispatchers at the same instant on a real PostgreSQL and a real SMTP server: 34 notices
 * of one death claim (4 payees' letters, whose notices both nodes also race to queue, and 30 reminders),
 * small batches, started together. Each notice is sent exactly once (34 mails, 34 distinct
 * Message-IDs), each letter rendered once, and every row records its sending.
 */
@PostgresProdAppTest
class TwoDispatchersPostgresTest {

  private static final int REMINDERS = 30;
  private static final int PAYEES = 4;

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @Autowired JdbcClient jdbc;
  @Autowired Letters letters;
  @Autowired DeathCapitalNotices deathCapitalNotices;
  @Autowired RuntimeService runtime;

  @Test
  void eachNoticeIsSentOnceWhenTwoNodesDispatchTogether() throws Exception {
    String claim = "DC-RACE-" + System.nanoTime() % 1_000_000;
    jdbc.sql("insert into member (id, name, birth_date, category, country_of_residence, hcs_registered, "
        + "membership_start_date, agency_code) values (?, 'Henri Blanc', date '1960-02-03', 'ACTIVE', 'DE', false, "
        + "date '1990-01-01', 'AG-067')").param("M-" + claim).update();
    jdbc.sql("""
        insert into death_claim (business_key, member_id, event, event_date, capital_amount, majoration_per_child,
        majoration_amount, capital_explanation, created_at) values (?, ?, 'DEATH', date '2026-03-03', 40000.00, 0, 0,
        '{"steps":[{"rule":"R-CAP-1","label":"MP actif : 85 % de l''assiette","amount":40000.00}],"warnings":[]}',
        current_timestamp)""").params(claim, "M-" + claim).update();
    for (int p = 0; p < PAYEES; p++) {
      jdbc.sql("insert into death_claim_payee (claim_key, position, name, beneficiary_rank, purpose, share, amount, "
          + "payment_status) values (?, ?, ?, 'CHILDREN', 'CAPITAL', 0.25, 10000.00, 'PAYMENT_ORDERED')")
          .params(claim, p, "Enfant Blanc " + p).update();
    }
    OutboxNotifications outbox = new OutboxNotifications(jdbc, null);
    for (int i = 1; i <= REMINDERS; i++) {
      outbox.notifyOnce(claim, "NOTARY_DEED_REMINDER#" + i, "agency:advisors", "Rappel " + i + " : l'acte est attendu.");
    }

    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> nodes = new ArrayList<>();
    long start = System.nanoTime();
    for (String node : List.of("node-a", "node-b")) {
      LettersProperties properties = Mailboxes.properties(5, Duration.ofMinutes(1), 3);
      NoticeDispatcher dispatcher = new NoticeDispatcher(jdbc, letters, new Recipients(new FileRecords(jdbc), properties),
          Mailboxes.smtp(smtp.getSmtp().getPort()), runtime, properties, deathCapitalNotices, node,
          Clock.systemDefaultZone());
      nodes.add(pool.submit(() -> {
        go.await();
        int sent = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
          NoticeDispatcher.Round round = dispatcher.dispatchDue(claim);
          sent += round.sent();
          if (round.claimed() == 0) {
            if (unsent(claim) == 0) {
              break;
            }
            Thread.sleep(20);
          }
        }
        return sent;
      }));
    }
    go.countDown();
    int sentByA = nodes.get(0).get(150, TimeUnit.SECONDS);
    int sentByB = nodes.get(1).get(150, TimeUnit.SECONDS);
    pool.shutdown();
    long millis = (System.nanoTime() - start) / 1_000_000;

    int total = REMINDERS + PAYEES;
    assertThat(sentByA + sentByB).isEqualTo(total);
    List<MimeMessage> ours = Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(claim)).toList();
    assertThat(ours).hasSize(total);
    assertThat(ours.stream().map(TwoDispatchersPostgresTest::messageId).collect(Collectors.toSet())).hasSize(total);
    assertThat(unsent(claim)).isZero();
    assertThat(jdbc.sql("select count(*) from notification_outbox where business_key = ? and message_id is not null "
        + "and attempts = 1").param(claim).query(Integer.class).single()).isEqualTo(total);
    assertThat(jdbc.sql("select count(*) from letter where business_key = ?").param(claim).query(Integer.class).single())
        .isEqualTo(PAYEES);
    long withPdf = ours.stream().filter(m -> {
      try {
        return Mailboxes.pdf(m).map(pdf -> {
          try {
            return Mailboxes.text(pdf).contains("10 000,00 €");
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
        }).orElse(false);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).count();
    assertThat(withPdf).isEqualTo(PAYEES);
    assertThat(ours).extracting(m -> m.getAllRecipients()[0].toString()).containsOnly("agence.ag-067@misp.example");
    Map<String, Integer> byNode = Map.of("node-a", sentByA, "node-b", sentByB);
    System.out.println("Two dispatchers on PostgreSQL: " + total + " notices sent once each in " + millis + " ms, by node "
        + byNode);
  }

  private int unsent(String claim) {
    return jdbc.sql("select count(*) from notification_outbox where business_key = ? and sent_at is null").param(claim)
        .query(Integer.class).single();
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
