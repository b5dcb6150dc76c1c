package fr.misp.backoffice.payment;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation26;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;
import fr.misp.backoffice.payment.PaymentOrders.PaymentOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers approved orders into SEPA credit-transfer batches, one ISO 20022 {@code pain.001.001.09} file per
 * batch. The orders are claimed by one conditional update and the file is written in the same
 * transaction: an order is in exactly one batch, and a node that dies half-way leaves no batch at all.
 */
@Service
public class SepaBatches {

  /** A batch and its file. */
  public record Batch(String id, String createdBy, LocalDateTime createdAt, int numberOfOrders, BigDecimal controlSum,
      String fileContent) {}

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final JdbcClient jdbc;
  private final PaymentOrders orders;
  private final PaymentProperties debtor;

  private final BeneficiaryNames names;

  public SepaBatches(JdbcClient jdbc, PaymentOrders orders, PaymentProperties debtor, BeneficiaryNames names) {
    this.jdbc = jdbc;
    this.orders = orders;
    this.debtor = debtor;
    this.names = names;
  }

  /** @return the new batch, or empty when no approved order waits. */
  @Transactional
  public Optional<Batch> create(String by) {
    OffsetDateTime now = OffsetDateTime.now(PARIS);
    String id = "MISP-" + now.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "-"
        + PaymentOrders.newEndToEndId().substring(4, 12);
    int claimed = jdbc.sql("update payment_order set batch_id = ?, status = 'SENT' where status = 'APPROVED' "
        + "and batch_id is null and iban is not null").param(id).update();
    if (claimed == 0) {
      return Optional.empty();
    }
    List<PaymentOrder> batch = orders.inBatch(id);
    BigDecimal controlSum = batch.stream().map(o -> o.amount().setScale(2)).reduce(BigDecimal.ZERO, BigDecimal::add);
    String xml = pain001(id, now, batch, controlSum);
    jdbc.sql("insert into payment_batch (id, created_by, created_at, number_of_orders, control_sum, file_content) "
        + "values (?, ?, ?, ?, ?, ?)").params(id, by, now.toLocalDateTime(), batch.size(), controlSum, xml).update();
    return byId(id);
  }

  public Optional<Batch> byId(String id) {
    return jdbc.sql("select id, created_by, created_at, number_of_orders, control_sum, file_content from payment_batch "
        + "where id = ?").param(id).query(Batch.class).optional();
  }

  public List<Batch> recent() {
    return jdbc.sql("select id, created_by, created_at, number_of_orders, control_sum, '' as file_content "
        + "from payment_batch order by created_at desc limit 50").query(Batch.class).list();
  }

  /** The customer credit-transfer initiation of a batch: one payment information block, SEPA, shared charges. */
  String pain001(String id, OffsetDateTime now, List<PaymentOrder> batch, BigDecimal controlSum) {
    GroupHeader85 header = new GroupHeader85().setMsgId(id).setCreDtTm(now.withNano(0))
        .setNbOfTxs(String.valueOf(batch.size())).setCtrlSum(controlSum)
        .setInitgPty(new PartyIdentification135().setNm(SepaText.of(debtor.debtorName(), 70)));
    PaymentTypeInformation26 sepa = new PaymentTypeInformation26();
    sepa.getSvcLvl().add(new ServiceLevel8Choice().setCd("SEPA"));
    PaymentInstruction30 instruction = new PaymentInstruction30().setPmtInfId(id).setPmtMtd(PaymentMethod3Code.TRF)
        .setNbOfTxs(String.valueOf(batch.size())).setCtrlSum(controlSum).setPmtTpInf(sepa)
        .setReqdExctnDt(new DateAndDateTime2Choice().setDt(LocalDate.now(PARIS)))
        .setDbtr(new PartyIdentification135().setNm(SepaText.of(debtor.debtorName(), 70)))
        .setDbtrAcct(account(debtor.debtorIban()))
        .setDbtrAgt(agent(debtor.debtorBic()))
        .setChrgBr(ChargeBearerType1Code.SLEV);
    // The creditor by name (one reading per beneficiary of the batch).
    java.util.Map<String, String> creditors = new java.util.HashMap<>();
    for (PaymentOrder order : batch) {
      RemittanceInformation16 remittance = new RemittanceInformation16();
      remittance.getUstrd().add(SepaText.of(remittanceText(order), 140));
      CreditTransferTransaction34 transfer = new CreditTransferTransaction34()
          .setPmtId(new PaymentIdentification6().setEndToEndId(order.endToEndId()))
          .setAmt(new AmountType4Choice().setInstdAmt(new ActiveOrHistoricCurrencyAndAmount()
              .setValue(order.amount().setScale(2)).setCcy("EUR")))
          .setCdtr(new PartyIdentification135().setNm(SepaText.of(
              creditors.computeIfAbsent(order.beneficiary(), names::of), 70)))
          .setCdtrAcct(account(order.iban()))
          .setRmtInf(remittance);
      if (order.bic() != null) {
        transfer.setCdtrAgt(agent(order.bic()));
      }
      instruction.getCdtTrfTxInf().add(transfer);
    }
    CustomerCreditTransferInitiationV09 initiation = new CustomerCreditTransferInitiationV09().setGrpHdr(header);
    initiation.getPmtInf().add(instruction);
    return new MxPain00100109().setCstmrCdtTrfInitn(initiation).document();
  }

  /** What the payee reads on the bank statement: the file, the benefit and, when paid to a representative, for whom. */
  static String remittanceText(PaymentOrder order) {
    String forWhom = order.onBehalfOf() == null ? "" : " pour le compte de " + order.onBehalfOf();
    return "MGEN MISP " + order.businessKey() + " " + order.purpose() + forWhom;
  }

  private static CashAccount38 account(String iban) {
    return new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(iban));
  }

  private static BranchAndFinancialInstitutionIdentification6 agent(String bic) {
    return new BranchAndFinancialInstitutionIdentification6().setFinInstnId(new FinancialInstitutionIdentification18()
        .setBICFI(bic));
  }
}
