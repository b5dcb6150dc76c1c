package fr.misp.backoffice.deathcapital;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who receives what from a claim (table {@code death_claim_payee}), and whether it was paid. */
@Repository
public class Payees {

  /**
   * One payee: a beneficiary of the capital, or of a majoration. Status PENDING, then PAYMENT_ORDERED;
   * SEARCHING while the beneficiary cannot be found, SET_ASIDE when a manager sets the share aside. A
   * legal representative, when recorded, receives the payment on the payee's behalf (RULES §7).
   */
  public record Payee(int position, String name, String rank, String purpose, BigDecimal share, BigDecimal amount,
      LocalDate birthDate, String paymentStatus, String legalRepresentative) {
    public Payee(int position, String name, String rank, String purpose, BigDecimal share, BigDecimal amount,
        LocalDate birthDate, String paymentStatus) {
      this(position, name, rank, purpose, share, amount, birthDate, paymentStatus, null);
    }
  }

  public static final String PENDING = "PENDING";
  public static final String PAYMENT_ORDERED = "PAYMENT_ORDERED";
  public static final String SEARCHING = "SEARCHING";
  public static final String SET_ASIDE = "SET_ASIDE";

  private final JdbcClient jdbc;

  public Payees(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces the payees of a claim that has paid nobody yet (a paid claim keeps its payees). */
  public void replace(String claimKey, List<Payee> payees) {
    if (!of(claimKey).stream().allMatch(p -> PENDING.equals(p.paymentStatus()))) {
      return;
    }
    jdbc.sql("delete from death_claim_payee where claim_key = ?").param(claimKey).update();
    for (Payee p : payees) {
      jdbc.sql("""
          insert into death_claim_payee (claim_key, position, name, beneficiary_rank, purpose, share, amount, birth_date,
          payment_status) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(claimKey, p.position(), p.name(), p.rank(), p.purpose(), p.share(), p.amount(), p.birthDate(),
              p.paymentStatus()).update();
    }
  }

  public List<Payee> of(String claimKey) {
    return jdbc.sql("""
        select position, name, beneficiary_rank, purpose, share, amount, birth_date, payment_status, legal_representative
        from death_claim_payee where claim_key = ? order by position""").param(claimKey)
        .query((rs, n) -> new Payee(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
            rs.getBigDecimal(6), rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), rs.getString(8),
            rs.getString(9)))
        .list();
  }

  public Payee at(String claimKey, int position) {
    return of(claimKey).stream().filter(p -> p.position() == position).findFirst()
        .orElseThrow(() -> new IllegalStateException("No payee " + position + " in " + claimKey));
  }

  public void markPaid(String claimKey, int position) {
    status(claimKey, position, PAYMENT_ORDERED);
  }

  /** A payee's status before payment (searching, set aside, pending again); a paid payee stays paid. */
  public void status(String claimKey, int position, String status) {
    jdbc.sql("update death_claim_payee set payment_status = ? where claim_key = ? and position = ? "
        + "and payment_status <> 'PAYMENT_ORDERED'").params(status, claimKey, position).update();
  }

  /** The verified account of a payee, and who verified it (the person who decided the payment). */
  public void bankDetails(String claimKey, int position, fr.misp.backoffice.payment.BankDetails account, String by) {
    jdbc.sql("update death_claim_payee set iban = ?, bic = ?, verified_by = ? where claim_key = ? and position = ?")
        .params(account.iban(), account.bic(), by, claimKey, position).update();
  }

  String iban(String claimKey, int position) {
    return column("iban", claimKey, position);
  }

  String bic(String claimKey, int position) {
    return column("bic", claimKey, position);
  }

  String verifiedBy(String claimKey, int position) {
    return column("verified_by", claimKey, position);
  }

  private String column(String column, String claimKey, int position) {
    List<String> values = jdbc.sql("select " + column + " from death_claim_payee where claim_key = ? and position = ?")
        .params(claimKey, position).query((rs, n) -> rs.getString(1)).list();
    return values.isEmpty() ? null : values.get(0);
  }

  /** The legal representative who receives the payee's payment (null: paid to the payee). */
  public void representedBy(String claimKey, int position, String legalRepresentative) {
    jdbc.sql("update death_claim_payee set legal_representative = ? where claim_key = ? and position = ?")
        .params(legalRepresentative, claimKey, position).update();
  }
}
