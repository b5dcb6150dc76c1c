package fr.misp.backoffice.socialaid;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Annual Action Sociale endowment of each agency (R-AS-5). A reservation is one conditional UPDATE:
 * the database grants it only while what is left covers it, so concurrent grants can never take
 * the endowment below zero; one reservation per file makes a retried step harmless.
 */
@Repository
public class Endowments {

  /**
   * What an endowment holds. {@code remaining} = amount + repayments received − reserved (a loan is an
   * advance of the endowment: its repayments credit it back); {@code paid} is the part already ordered.
   */
  public record Endowment(String agencyCode, int year, BigDecimal amount, BigDecimal reserved, BigDecimal paid,
      BigDecimal remaining) {}

  private final JdbcClient jdbc;

  public Endowments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Endowment> find(String agencyCode, int year) {
    return jdbc.sql("""
        select agency_code, budget_year, initial_amount, reserved_amount, paid_amount,
        initial_amount + repaid_amount - reserved_amount as remaining from agency_endowment
        where agency_code = ? and budget_year = ?""")
        .params(agencyCode, year)
        .query((rs, n) -> new Endowment(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
            rs.getBigDecimal(5), rs.getBigDecimal(6)))
        .optional();
  }

  /** Every agency's endowment of a year, for the managers' dashboard. */
  public java.util.List<Endowment> ofYear(int year) {
    return jdbc.sql("""
        select agency_code, budget_year, initial_amount, reserved_amount, paid_amount,
        initial_amount + repaid_amount - reserved_amount as remaining from agency_endowment where budget_year = ?
        order by agency_code""")
        .param(year)
        .query((rs, n) -> new Endowment(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
            rs.getBigDecimal(5), rs.getBigDecimal(6)))
        .list();
  }

  /** Sets the endowment; refused (false) below what is already reserved. */
  public boolean set(String agencyCode, int year, BigDecimal amount) {
    if (find(agencyCode, year).isEmpty()) {
      jdbc.sql("insert into agency_endowment (agency_code, budget_year, initial_amount) values (?, ?, ?)")
          .params(agencyCode, year, amount).update();
      return true;
    }
    return jdbc.sql("update agency_endowment set initial_amount = ? "
        + "where agency_code = ? and budget_year = ? and reserved_amount <= ? + repaid_amount")
        .params(amount, agencyCode, year, amount).update() == 1;
  }

  /** Reserves once per reservation key; false when the endowment is missing or does not cover it. */
  public boolean reserve(String reservationKey, String agencyCode, int year, BigDecimal amount) {
    Integer existing = jdbc.sql("select count(*) from endowment_reservation where business_key = ?")
        .param(reservationKey).query(Integer.class).single();
    if (existing > 0) {
      return true;
    }
    int updated = jdbc.sql("update agency_endowment set reserved_amount = reserved_amount + ? "
        + "where agency_code = ? and budget_year = ? and initial_amount + repaid_amount - reserved_amount >= ?")
        .params(amount, agencyCode, year, amount).update();
    if (updated == 0) {
      return false;
    }
    jdbc.sql("insert into endowment_reservation (business_key, agency_code, budget_year, amount, reserved_at) values (?, ?, ?, ?, ?)")
        .params(reservationKey, agencyCode, year, amount, LocalDateTime.now()).update();
    return true;
  }

  /** A loan repayment received: the agency's endowment of the year grows by it. */
  public void credit(String agencyCode, int year, BigDecimal amount) {
    if (find(agencyCode, year).isEmpty()) {
      set(agencyCode, year, BigDecimal.ZERO);
    }
    jdbc.sql("update agency_endowment set repaid_amount = repaid_amount + ? where agency_code = ? and budget_year = ?")
        .params(amount, agencyCode, year).update();
  }

  public void markPaid(String agencyCode, int year, BigDecimal amount) {
    jdbc.sql("update agency_endowment set paid_amount = paid_amount + ? where agency_code = ? and budget_year = ?")
        .params(amount, agencyCode, year).update();
  }

  /**
   * A payment cancelled as not due: its reservation is released and what was counted as paid comes off, once
   * (the reservation's {@code released_at}); false when there was nothing (left) to release.
   */
  public boolean release(String reservationKey, BigDecimal paid) {
    var reservation = jdbc.sql("select agency_code, budget_year, amount from endowment_reservation where business_key = ? "
        + "and released_at is null").param(reservationKey)
        .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getBigDecimal(3)}).optional();
    if (reservation.isEmpty()
        || jdbc.sql("update endowment_reservation set released_at = ? where business_key = ? and released_at is null")
            .params(java.time.LocalDateTime.now(), reservationKey).update() == 0) {
      return false;
    }
    Object[] r = reservation.get();
    jdbc.sql("update agency_endowment set reserved_amount = reserved_amount - ?, paid_amount = paid_amount - ? "
        + "where agency_code = ? and budget_year = ?").params(r[2], paid, r[0], r[1]).update();
    return true;
  }
}
