package fr.misp.backoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.AccountNotification17;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerDebitCreditNotificationV08;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus1Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader81;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentReturnReason5;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.ReturnReason5Choice;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences6;
import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.payment.PaymentOrders.PaymentOrder;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.Jobs;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Money out and back over real HTTP: decided → approved (four eyes) → batched in a SEPA pain.001.001.09
 * file → a camt.054 notification pays one order, returns another (the path back to an advisor, paid
 * again once) and brings an entry nobody ordered to a manager.
 */
@H2AppTest
class PaymentCycleTest {

  static final String IBAN = "FR7630006000011234567890189";
  static final String OTHER_IBAN = "DE89370400440532013000";
  static final AtomicInteger CASE = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MemberDirectory members;
  @Autowired PaymentOrders orders;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    if (engine.getIdentityService().createUserQuery().userId("gestionnaire2").count() == 0) {
      var user = engine.getIdentityService().newUser("gestionnaire2");
      user.setPassword("demo");
      engine.getIdentityService().saveUser(user);
      engine.getIdentityService().createMembership("gestionnaire2", "gestionnaires");
    }
  }

  /** A death claim whose spouse is verified by the advisor with an IBAN: one order of {@code base} × 85 %. */
  private PaymentOrder deathCapitalOrder(String spouseName) {
    String member = "M-PAY-" + CASE.incrementAndGet() + "-" + System.nanoTime() % 100000;
    members.save(new Member(member, "Membre " + member, LocalDate.of(1965, 3, 3), "ACTIVE", "MA", false,
        LocalDate.of(2000, 1, 1), "AG-075"));
    Http.Response claim = http.post("/api/death-claims", "conseiller", "demo", """
        {"memberId": "%s", "event": "DEATH", "eventDate": "2024-05-10", "memberCategory": "ACTIVE",
         "annualContributionBase": 40000, "family": [{"name": "%s", "relation": "SPOUSE", "unionType": "MARRIAGE",
         "birthDate": "1966-01-01", "alive": true}], "designation": {"type": "STANDARD"}}""".formatted(member, spouseName));
    assertThat(claim.status()).as(claim.body()).isEqualTo(201);
    String id = claim.json().get("id").asText();
    engine.getTaskService().complete(task(id, "recordEvent").getId(), Map.of("documentsComplete", true));
    Jobs.runAll(engine, id);
    Task check = task(id, "checkBeneficiary");
    assertThat(http.post("/engine-rest/task/" + check.getId() + "/claim", "conseiller", "demo",
        "{\"userId\": \"conseiller\"}").status()).isEqualTo(204);
    Http.Response badIban = http.post("/engine-rest/task/" + check.getId() + "/complete", "conseiller", "demo", """
        {"variables": {"beneficiaryCheck": {"value": "VERIFIED"}, "iban": {"value": "FR7630006000011234567890188"}}}""");
    assertThat(badIban.status()).isEqualTo(400);
    assertThat(badIban.body()).contains("IBAN").doesNotContain("FR7630006000011234567890188");
    assertThat(http.post("/engine-rest/task/" + check.getId() + "/complete", "conseiller", "demo", """
        {"variables": {"beneficiaryCheck": {"value": "VERIFIED"}, "iban": {"value": "%s"}}}""".formatted(IBAN)).status())
        .isEqualTo(204);
    Jobs.runAll(engine, id);
    String businessKey = claim.json().get("businessKey").asText();
    claims.put(businessKey, id);
    return orders.of(businessKey).get(0);
  }

  /** The death claim (process instance) of each order's file. */
  final Map<String, String> claims = new java.util.HashMap<>();

  private String bankStatus(PaymentOrder order) {
    return http.get("/api/death-claims/" + claims.get(order.businessKey()), "conseiller", "demo").json()
        .get("beneficiaries").get(0).get("bankStatus").asText();
  }

  private Task task(String processInstanceId, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
        .singleResult();
  }

  @Test
  void decideApproveBatchPayReturnAndPayAgainOnce() {
    PaymentOrder paid = deathCapitalOrder("Élise Dupré-Ørsted");
    PaymentOrder returned = deathCapitalOrder("Jean Retour");
    // 34 000 € is above the four-eyes threshold: it waits for a gestionnaire; the advisor decided it.
    assertThat(paid.status()).isEqualTo(PaymentOrders.ORDERED);
    assertThat(paid.decidedBy()).isEqualTo("conseiller");
    assertThat(paid.amount()).isEqualByComparingTo("34000.00");
    assertThat(http.get("/api/payment-orders?status=ORDERED", "gestionnaire", "demo").body())
        .contains(paid.endToEndId(), returned.endToEndId());
    assertThat(http.get("/api/payment-orders?status=ORDERED", "conseiller", "demo").status()).isEqualTo(403);
    assertThat(http.post("/api/payment-orders/" + paid.endToEndId() + "/approval", "conseiller", "demo", "").status())
        .isEqualTo(403);
    // A gestionnaire who changes an account cannot approve the order too; another one can, once.
    Http.Response changed = http.put("/api/payment-orders/" + returned.endToEndId() + "/bank-details", "gestionnaire",
        "demo", "{\"iban\": \"DE89 3704 0044 0532 0130 00\"}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(http.post("/api/payment-orders/" + returned.endToEndId() + "/approval", "gestionnaire", "demo", "")
        .status()).isEqualTo(403);
    assertThat(http.put("/api/payment-orders/" + paid.endToEndId() + "/bank-details", "gestionnaire", "demo",
        "{\"iban\": \"NOT-AN-IBAN\"}").status()).isEqualTo(400);
    assertThat(http.post("/api/payment-orders/" + returned.endToEndId() + "/approval", "gestionnaire2", "demo", "")
        .status()).isEqualTo(200);
    assertThat(http.post("/api/payment-orders/" + paid.endToEndId() + "/approval", "gestionnaire", "demo", "")
        .status()).isEqualTo(200);
    assertThat(http.post("/api/payment-orders/" + paid.endToEndId() + "/approval", "gestionnaire2", "demo", "")
        .status()).isEqualTo(400);

    // An order paid to the member of the file ("member:<id>"): the bank's file names the member.
    String memberOrder = "MEMBER-NAME-" + System.nanoTime();
    orders.orderOnce(new PaymentOrders.NewOrder(memberOrder, "AJ-NAME-1", "member:M-ES-001", new BigDecimal("10.00"),
        "DAILY_ALLOWANCE", null, "system", BankDetails.of("FR7630006000011234567890189", null).orElseThrow()));
    String memberEndToEnd = orders.byKey(memberOrder).orElseThrow().endToEndId();
    if (PaymentOrders.ORDERED.equals(orders.byKey(memberOrder).orElseThrow().status())) {
      assertThat(http.post("/api/payment-orders/" + memberEndToEnd + "/approval", "gestionnaire", "demo", "").status())
          .isEqualTo(200);
    }
    // One batch takes every approved order, once; the file says so to the cent.
    Http.Response batch = http.post("/api/payment-batches", "gestionnaire", "demo", "");
    assertThat(batch.status()).as(batch.body()).isEqualTo(201);
    String batchId = batch.json().get("id").asText();
    assertThat(http.post("/api/payment-batches", "gestionnaire", "demo", "").status()).isEqualTo(204);
    List<PaymentOrder> inBatch = orders.inBatch(batchId);
    assertThat(inBatch).extracting(PaymentOrder::endToEndId).contains(paid.endToEndId(), returned.endToEndId());
    assertThat(inBatch).allSatisfy(o -> assertThat(o.status()).isEqualTo(PaymentOrders.SENT));
    BigDecimal total = inBatch.stream().map(PaymentOrder::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    Http.Response file = http.getText("/api/payment-batches/" + batchId + "/file", "gestionnaire", "demo");
    assertThat(file.status()).isEqualTo(200);
    MxPain00100109 pain = MxPain00100109.parse(file.body());
    var header = pain.getCstmrCdtTrfInitn().getGrpHdr();
    assertThat(header.getNbOfTxs()).isEqualTo(String.valueOf(inBatch.size()));
    assertThat(header.getCtrlSum()).isEqualByComparingTo(total);
    PaymentInstruction30 instruction = pain.getCstmrCdtTrfInitn().getPmtInf().get(0);
    assertThat(instruction.getCtrlSum()).isEqualByComparingTo(total);
    assertThat(instruction.getPmtTpInf().getSvcLvl().get(0).getCd()).isEqualTo("SEPA");
    assertThat(instruction.getDbtrAcct().getId().getIBAN()).isEqualTo(IBAN);
    BigDecimal sum = BigDecimal.ZERO;
    for (CreditTransferTransaction34 transfer : instruction.getCdtTrfTxInf()) {
      assertThat(transfer.getPmtId().getEndToEndId()).hasSizeLessThanOrEqualTo(35);
      assertThat(transfer.getCdtr().getNm()).hasSizeLessThanOrEqualTo(70).matches("[A-Za-z0-9/\\-?:().,'+ ]*");
      assertThat(transfer.getRmtInf().getUstrd().get(0)).hasSizeLessThanOrEqualTo(140).matches("[A-Za-z0-9/\\-?:().,'+ ]*");
      assertThat(transfer.getAmt().getInstdAmt().getValue().scale()).isLessThanOrEqualTo(2);
      sum = sum.add(transfer.getAmt().getInstdAmt().getValue());
    }
    assertThat(sum).isEqualByComparingTo(total);
    assertThat(file.body()).contains("Elise Dupre- rsted").doesNotContain("É");
    String memberName = members.find("M-ES-001").orElseThrow().name();
    assertThat(instruction.getCdtTrfTxInf()).filteredOn(t -> t.getPmtId().getEndToEndId().equals(memberEndToEnd))
        .singleElement().satisfies(t -> assertThat(t.getCdtr().getNm()).isEqualTo(memberName));
    assertThat(instruction.getCdtTrfTxInf()).noneSatisfy(t -> assertThat(t.getCdtr().getNm()).startsWith("member"));
    assertThat(http.getText("/api/payment-batches/" + batchId + "/file", "conseiller", "demo").status()).isEqualTo(403);

    // The bank: one paid, one returned (account closed), one entry nobody ordered.
    String camt = camt054(List.of(
        entry("REF-1", paid.endToEndId(), paid.amount(), CreditDebitCode.DBIT, null),
        entry("REF-2", returned.endToEndId(), returned.amount(), CreditDebitCode.CRDT, "AC04"),
        entry("REF-3", "MISPUNKNOWN0000000000000000000000", new BigDecimal("12.34"), CreditDebitCode.DBIT, null)));
    assertThat(send("conseiller", camt).status()).isEqualTo(403);
    Http.Response read = send("gestionnaire", camt);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.json().get("paid").asInt()).isEqualTo(1);
    assertThat(read.json().get("returned").asInt()).isEqualTo(1);
    assertThat(read.json().get("unknown").asInt()).isEqualTo(1);
    // The same file again changes nothing.
    JsonNode again = send("gestionnaire", camt).json();
    assertThat(again.get("alreadyKnown").asInt()).isEqualTo(3);
    assertThat(orders.byKey(paid.orderKey()).orElseThrow().status()).isEqualTo(PaymentOrders.PAID);
    assertThat(orders.byKey(returned.orderKey()).orElseThrow().status()).isEqualTo(PaymentOrders.RETURNED);
    // The claim's answer says where each payment stands at the bank.
    assertThat(bankStatus(paid)).isEqualTo("PAID");
    assertThat(bankStatus(returned)).isEqualTo("RETURNED");

    // The returned payment goes back to an advisor with the bank's reason; paid again once, to the new account.
    var exception = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("PX-RETURN-" + returned.endToEndId()).singleResult();
    Task correct = task(exception.getId(), "correctBankDetails");
    assertThat(engine.getTaskService().getVariable(correct.getId(), "bankReason")).isEqualTo("Compte clôturé (AC04)");
    // Money is blocked: the task comes before ordinary work, and says why (PROCESSES.md, task priority).
    assertThat(correct.getPriority()).isEqualTo(fr.misp.backoffice.rules.TaskPriority.MONEY_BLOCKED);
    assertThat(correct.getDescription()).endsWith("prioritaire (80) : paiement bloqué");
    assertThat(http.post("/engine-rest/task/" + correct.getId() + "/claim", "conseiller", "demo",
        "{\"userId\": \"conseiller\"}").status()).isEqualTo(204);
    assertThat(http.post("/engine-rest/task/" + correct.getId() + "/complete", "conseiller", "demo",
        "{\"variables\": {\"newIban\": {\"value\": \"FR00 1234\"}}}").status()).isEqualTo(400);
    assertThat(http.post("/engine-rest/task/" + correct.getId() + "/complete", "conseiller", "demo",
        "{\"variables\": {\"newIban\": {\"value\": \"" + OTHER_IBAN + "\"}}}").status()).isEqualTo(204);
    Jobs.runAll(engine, exception.getId());
    List<PaymentOrder> afterReturn = orders.of(returned.businessKey());
    assertThat(afterReturn).hasSize(2);
    PaymentOrder again2 = afterReturn.stream().filter(o -> !o.orderKey().equals(returned.orderKey())).findFirst()
        .orElseThrow();
    assertThat(again2.iban()).isEqualTo(OTHER_IBAN);
    assertThat(again2.status()).isEqualTo(PaymentOrders.ORDERED);
    assertThat(again2.amount()).isEqualByComparingTo(returned.amount());
    assertThat(bankStatus(returned)).as("the order that took up the returned one").isEqualTo("ORDERED");
    // The unknown entry is a manager's task, refused without a note.
    var unknown = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("paymentException")
        .variableValueEquals("exceptionKind", "UNKNOWN_ENTRY").list();
    assertThat(unknown).isNotEmpty();
    Task reconcile = task(unknown.get(0).getId(), "reconcileBankEntry");
    assertThat(engine.getTaskService().getIdentityLinksForTask(reconcile.getId())).extracting(l -> l.getGroupId())
        .containsExactly("gestionnaires");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(reconcile.getId(), Map.of()))
        .hasMessageContaining("Indiquez");
    engine.getTaskService().complete(reconcile.getId(), Map.of("reconciliationNote", "Frais bancaires du mois"));
    Jobs.runAll(engine, unknown.get(0).getId());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(unknown.get(0).getId()).count())
        .isZero();
  }

  @Test
  void aHostileOrBrokenBankFileIsRefusedWithoutEffect() {
    Http.Response xxe = send("gestionnaire", """
        <?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn><GrpHdr>
        <MsgId>&x;</MsgId></GrpHdr></BkToCstmrDbtCdtNtfctn></Document>""");
    assertThat(xxe.status()).isIn(200, 400);
    assertThat(xxe.body()).doesNotContain("root:");
    assertThat(send("gestionnaire", "not xml at all").status()).isEqualTo(400);
    Http.Response json = http.send("POST", "/api/bank-notifications", "gestionnaire", "demo", "application/json",
        "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(json.status()).isEqualTo(415);
  }

  private Http.Response send(String user, String xml) {
    return http.send("POST", "/api/bank-notifications", user, "demo", "application/xml", xml.getBytes(StandardCharsets.UTF_8));
  }

  record Entry(String reference, String endToEndId, BigDecimal amount, CreditDebitCode direction, String returnCode) {}

  static Entry entry(String reference, String endToEndId, BigDecimal amount, CreditDebitCode direction, String returnCode) {
    return new Entry(reference, endToEndId, amount, direction, returnCode);
  }

  /** A debit/credit notification as the bank sends it, built with the same ISO 20022 model. */
  static String camt054(List<Entry> entries) {
    AccountNotification17 notification = new AccountNotification17().setId("NTF-" + System.nanoTime())
        .setCreDtTm(OffsetDateTime.now().withNano(0));
    for (Entry e : entries) {
      EntryTransaction10 tx = new EntryTransaction10()
          .setRefs(new TransactionReferences6().setEndToEndId(e.endToEndId()).setAcctSvcrRef(e.reference()))
          .setAmt(new ActiveOrHistoricCurrencyAndAmount().setValue(e.amount()).setCcy("EUR"))
          .setCdtDbtInd(e.direction());
      if (e.returnCode() != null) {
        tx.setRtrInf(new PaymentReturnReason5().setRsn(new ReturnReason5Choice().setCd(e.returnCode())));
      }
      ReportEntry10 entry = new ReportEntry10().setNtryRef(e.reference())
          .setAmt(new ActiveOrHistoricCurrencyAndAmount().setValue(e.amount()).setCcy("EUR"))
          .setCdtDbtInd(e.direction()).setSts(new EntryStatus1Choice().setCd("BOOK"));
      entry.getNtryDtls().add(new EntryDetails9());
      entry.getNtryDtls().get(0).getTxDtls().add(tx);
      notification.getNtry().add(entry);
    }
    BankToCustomerDebitCreditNotificationV08 body = new BankToCustomerDebitCreditNotificationV08()
        .setGrpHdr(new GroupHeader81().setMsgId("CAMT-" + System.nanoTime()).setCreDtTm(OffsetDateTime.now().withNano(0)));
    body.getNtfctn().add(notification);
    return new MxCamt05400108().setBkToCstmrDbtCdtNtfctn(body).document();
  }
}
