package fr.misp.backoffice.socialaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.AccountNotification17;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerDebitCreditNotificationV08;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus1Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader81;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences6;
import fr.misp.backoffice.notification.OutboxNotifications;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.Jobs;
import fr.misp.backoffice.payment.PaymentOrders;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * R-AS-2 repayments: a granted social loan opens a repayment account; the member's transfers (camt.054,
 * named by the loan's reference) pay the oldest instalments and credit the endowment back; missed
 * instalments are reminded, and at the threshold the commission reschedules, waits or writes off.
 */
@H2AppTest
class LoanRepaymentTest {

  static final AtomicInteger AMOUNT = new AtomicInteger(1300);
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired LoanAccounts accounts;
  @Autowired Endowments endowments;
  @Autowired OutboxNotifications outbox;
  @Autowired fr.misp.backoffice.payment.PaymentOrders payments;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A social loan of 1 200 € over 3 months, granted: the file's business key. */
  private String grantedLoan() {
    String body = """
        {"memberId": "M-ES-001", "agencyCode": "AG-075", "situation": "LATE_INCOME", "aidType": "SOCIAL_LOAN",
         "requestedAmount": %d.00, "durationMonths": 3, "monthlyResources": 2100, "monthlyCharges": 900,
         "householdSize": 3}""".formatted(AMOUNT.incrementAndGet());
    Http.Response started = http.post("/api/social-aid-requests", "conseiller", "demo", body);
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String id = started.json().get("id").asText();
    complete(id, "buildSocialFile", Map.of("fileComplete", true, "advisorOpinion", "Retard de salaire"));
    complete(id, "commissionDecision", Map.of("commissionDecision", "GRANT", "grantedAmount", 1200,
        "grantedDurationMonths", 3, "motivation", "Prêt accordé"));
    return started.json().get("businessKey").asText();
  }

  private void complete(String processInstanceId, String key, Map<String, Object> variables) {
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(key).singleResult().getId(), variables);
    Jobs.runAll(engine, processInstanceId);
  }

  private ProcessInstance repayment(String fileKey) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("LR-" + fileKey)
        .singleResult();
  }

  /** The repayment's timer fires on {@code day} (the engine's clock set to it). */
  private void reviewOn(ProcessInstance loan, LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(PARIS).toInstant()));
    var timer = engine.getManagementService().createJobQuery().processInstanceId(loan.getId()).timers().singleResult();
    engine.getManagementService().executeJob(timer.getId());
    Jobs.runAll(engine, loan.getId());
  }

  private Http.Response transfer(String remittance, String amount) {
    return http.send("POST", "/api/bank-notifications", "gestionnaire", "demo", "application/xml",
        camt054Credit(remittance, new BigDecimal(amount)).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void repaymentsPayTheOldestInstalmentsCreditTheEndowmentAndArrearsGoToTheCommission() {
    String fileKey = grantedLoan();
    LoanAccounts.Account account = accounts.find(fileKey).orElseThrow();
    assertThat(account.principal()).isEqualByComparingTo("1200.00");
    assertThat(account.reference()).matches("MISP-PRET-[0-9A-F]{8}");
    ProcessInstance loan = repayment(fileKey);
    assertThat(engine.getRuntimeService().getActiveActivityIds(loan.getId())).containsExactly("nextRepaymentCheck");
    LocalDate firstDue = accounts.lines(fileKey).get(0).dueDate();
    // The first review is the day after the first instalment's grace (P-AS-REPAYMENT-GRACE-DAYS = 10).
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(loan.getId()).timers().singleResult()
        .getDuedate().toInstant()).isEqualTo(firstDue.plusDays(11).atStartOfDay(PARIS).toInstant());

    int year = LocalDate.now(PARIS).getYear();
    BigDecimal remainingBefore = endowments.find("AG-075", year).orElseThrow().remaining();
    Http.Response first = transfer("Remboursement " + account.reference() + " echeance 1", "400.00");
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().get("repaid").asInt()).isEqualTo(1);
    assertThat(accounts.lines(fileKey)).extracting(LoanAccounts.Line::status).containsExactly("PAID", "DUE", "DUE");
    assertThat(endowments.find("AG-075", year).orElseThrow().remaining()).isEqualByComparingTo(remainingBefore.add(
        new BigDecimal("400.00")));
    // More than what is owed is not applied: a person looks at it.
    assertThat(transfer("Remboursement " + account.reference(), "5000.00").json().get("unknown").asInt()).isEqualTo(1);

    // Up to date after the first due date: the repayment waits for the next one.
    reviewOn(loan, firstDue.plusDays(11));
    assertThat(engine.getRuntimeService().getActiveActivityIds(loan.getId())).containsExactly("nextRepaymentCheck");
    // Two instalments missed: the member is reminded, and the commission decides.
    LocalDate thirdDue = accounts.lines(fileKey).get(2).dueDate();
    reviewOn(loan, thirdDue.plusDays(11));
    assertThat(engine.getRuntimeService().getActiveActivityIds(loan.getId())).containsExactly("decideArrears");
    assertThat(outbox.queuedFor(fileKey)).filteredOn(q -> q.kind().equals("LOAN_ARREARS_REMINDER")).singleElement()
        .satisfies(q -> assertThat(q.message()).contains("2 mensualité(s)", "800,00 €", account.reference()));
    String decide = engine.getTaskService().createTaskQuery().processInstanceId(loan.getId()).singleResult().getId();
    assertThat(engine.getTaskService().getIdentityLinksForTask(decide)).extracting(l -> l.getGroupId())
        .containsExactly("commission-action-sociale");
    assertThatThrownBy(() -> engine.getTaskService().complete(decide, Map.of("arrearsDecision", "RESCHEDULE",
        "arrearsMotivation", "Difficultés passagères"))).hasMessageContaining("1 à 48");
    complete(loan.getId(), "decideArrears", Map.of("arrearsDecision", "RESCHEDULE", "rescheduleMonths", 3,
        "arrearsMotivation", "Difficultés passagères"));
    // 800 € over 3 months: 266,66 ; 266,66 ; 266,68 (rounded down, the last takes the remainder).
    assertThat(accounts.lines(fileKey)).filteredOn(l -> l.status().equals("DUE")).extracting(LoanAccounts.Line::amount)
        .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("266.66"), new BigDecimal("266.66"),
            new BigDecimal("266.68"));
    // The rest repaid at once: settled, the repayment ends.
    assertThat(transfer(account.reference(), "800.00").json().get("repaid").asInt()).isEqualTo(1);
    assertThat(accounts.find(fileKey).orElseThrow().status()).isEqualTo(LoanAccounts.SETTLED);
    reviewOn(loan, thirdDue.plusDays(60));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(loan.getId()).count()).isZero();
  }

  @Test
  void theCommissionMayWaitThenWriteTheRestOff() {
    String fileKey = grantedLoan();
    ProcessInstance loan = repayment(fileKey);
    LocalDate secondDue = accounts.lines(fileKey).get(1).dueDate();
    reviewOn(loan, secondDue.plusDays(11));
    complete(loan.getId(), "decideArrears", Map.of("arrearsDecision", "WAIT", "arrearsMotivation", "Membre contacté"));
    assertThat(engine.getRuntimeService().getActiveActivityIds(loan.getId())).containsExactly("nextRepaymentCheck");
    reviewOn(loan, secondDue.plusDays(45));
    complete(loan.getId(), "decideArrears", Map.of("arrearsDecision", "WRITE_OFF", "arrearsMotivation",
        "Situation irrémédiable"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(loan.getId()).count()).isZero();
    assertThat(accounts.find(fileKey).orElseThrow().status()).isEqualTo(LoanAccounts.WRITTEN_OFF);
    assertThat(outbox.queuedFor(fileKey)).filteredOn(q -> q.kind().equals("LOAN_ARREARS_REMINDER")).hasSize(2);
  }

  /** A credit transfer received, as the bank notifies it. */
  static String camt054Credit(String remittance, BigDecimal amount) {
    RemittanceInformation16 text = new RemittanceInformation16();
    text.getUstrd().add(remittance);
    EntryTransaction10 tx = new EntryTransaction10()
        .setRefs(new TransactionReferences6().setEndToEndId("NOTPROVIDED").setAcctSvcrRef("IN-" + System.nanoTime()))
        .setAmt(new ActiveOrHistoricCurrencyAndAmount().setValue(amount).setCcy("EUR"))
        .setCdtDbtInd(CreditDebitCode.CRDT).setRmtInf(text);
    ReportEntry10 entry = new ReportEntry10().setNtryRef("E-" + System.nanoTime())
        .setAmt(new ActiveOrHistoricCurrencyAndAmount().setValue(amount).setCcy("EUR"))
        .setCdtDbtInd(CreditDebitCode.CRDT).setSts(new EntryStatus1Choice().setCd("BOOK"));
    entry.getNtryDtls().add(new EntryDetails9());
    entry.getNtryDtls().get(0).getTxDtls().add(tx);
    AccountNotification17 notification = new AccountNotification17().setId("N-" + System.nanoTime())
        .setCreDtTm(OffsetDateTime.now().withNano(0));
    notification.getNtry().add(entry);
    BankToCustomerDebitCreditNotificationV08 body = new BankToCustomerDebitCreditNotificationV08()
        .setGrpHdr(new GroupHeader81().setMsgId("M-" + System.nanoTime()).setCreDtTm(OffsetDateTime.now().withNano(0)));
    body.getNtfctn().add(notification);
    return new MxCamt05400108().setBkToCstmrDbtCdtNtfctn(body).document();
  }

  @Test
  void aLoanWhosePaymentIsCancelledAsNotDueIsNeitherOwedNorCountedAgainstTheEndowment() {
    int year = LocalDate.now().getYear();
    var before = endowments.find("AG-075", year).orElseThrow();
    String file = grantedLoan();
    var order = payments.of(file).get(0);
    var granted = endowments.find("AG-075", year).orElseThrow();
    assertThat(granted.remaining()).isEqualByComparingTo(before.remaining().subtract(order.amount()));
    assertThat(http.post("/api/payment-orders/" + order.endToEndId() + "/rejection", "gestionnaire", "demo",
        "{\"reason\": \"Le membre a renoncé au prêt\"}").status()).isEqualTo(200);
    String review = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("PX-REJECT-" + order.endToEndId()).singleResult().getId();
    complete(review, "reviewRejectedPayment", Map.of("rejectedPaymentDecision", "CANCEL",
        "rejectedPaymentMotivation", "Le membre renonce au prêt"));
    assertThat(payments.of(file)).singleElement().satisfies(o -> {
      assertThat(o.status()).isEqualTo(PaymentOrders.CANCELLED);
      assertThat(o.statusReason()).contains("non dû");
    });
    // The endowment gets the amount back (reserved and paid), the loan is owed by no one.
    var after = endowments.find("AG-075", year).orElseThrow();
    assertThat(after.remaining()).isEqualByComparingTo(before.remaining());
    assertThat(after.paid()).isEqualByComparingTo(before.paid());
    assertThat(accounts.find(file).orElseThrow().status()).isEqualTo(LoanAccounts.CANCELLED);
    assertThat(accounts.lines(file)).allSatisfy(line -> assertThat(line.status()).isEqualTo(LoanAccounts.CANCELLED));
    // Its review ends the repayment process: no reminder, no commission.
    ProcessInstance loan = repayment(file);
    reviewOn(loan, LocalDate.now().plusMonths(3));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(loan.getId()).count()).isZero();
    assertThat(outbox.queuedFor("LR-" + file)).noneSatisfy(q -> assertThat(q.kind()).contains("ARREARS"));
  }

  @Test
  void aRepaymentWithoutItsReferenceIsAppliedByAGestionnaireToTheLoanOnce() {
    int year = LocalDate.now().getYear();
    String file = grantedLoan();
    LoanAccounts.Account account = accounts.find(file).orElseThrow();
    BigDecimal remainingBefore = endowments.find("AG-075", year).orElseThrow().remaining();
    // The member forgot the reference: nobody recognises the transfer, a gestionnaire gets it.
    assertThat(transfer("Virement de M. Martin", "400.00").status()).isEqualTo(200);
    var task = engine.getTaskService().createTaskQuery().taskDefinitionKey("reconcileBankEntry")
        .orderByTaskCreateTime().desc().list().get(0);
    String exception = task.getProcessInstanceId();
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), Map.of("reconciliationNote",
        "Remboursement du prêt", "loanReference", "MISP-PRET-INCONNU"))).hasMessageContaining("Aucun prêt en cours");
    complete(exception, "reconcileBankEntry", Map.of("reconciliationNote", "Remboursement du prêt de M. Martin, "
        + "confirmé par téléphone", "loanReference", account.reference()));
    assertThat(accounts.find(file).orElseThrow().repaid()).isEqualByComparingTo("400.00");
    assertThat(accounts.lines(file).get(0).status()).isEqualTo("PAID");
    assertThat(endowments.find("AG-075", year).orElseThrow().remaining())
        .isEqualByComparingTo(remainingBefore.add(new BigDecimal("400.00")));
  }
}
