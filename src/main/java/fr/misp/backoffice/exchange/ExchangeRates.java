package fr.misp.backoffice.exchange;

import fr.misp.backoffice.rules.ExchangeRate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The exchange rates the back office knows, dated, each with its source; a rate once recorded never changes. */
@Repository
public class ExchangeRates {

  /** A rate as recorded: by whom and when. */
  public record Recorded(ExchangeRate rate, String recordedBy, LocalDateTime recordedAt) {}

  /** What recording a rate did. */
  public enum Outcome { RECORDED, ALREADY_RECORDED, OTHER_RATE_THAT_DAY }

  private final JdbcClient jdbc;

  public ExchangeRates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The rate of the currency in force on that day: the latest one that took effect on or before it. */
  public Optional<ExchangeRate> inForce(String currency, LocalDate day) {
    return jdbc.sql("""
        select currency, effective_from, units, euros, source from exchange_rate
        where currency = ? and effective_from <= ? order by effective_from desc fetch first 1 rows only""")
        .params(currency, day)
        .query((rs, i) -> new ExchangeRate(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3),
            rs.getBigDecimal(4), rs.getString(5)))
        .optional();
  }

  public List<Recorded> all() {
    return jdbc.sql("""
        select currency, effective_from, units, euros, source, recorded_by, recorded_at from exchange_rate
        order by currency, effective_from desc""")
        .query((rs, i) -> new Recorded(new ExchangeRate(rs.getString(1), rs.getObject(2, LocalDate.class),
            rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getString(5)), rs.getString(6),
            rs.getObject(7, LocalDateTime.class)))
        .list();
  }

  /**
   * Records "1 € = unitsPerEuro currency" from that day. The same rate sent again is recorded once; another
   * rate for a day that has one is refused: a rate a decision was shown with stays as it was.
   */
  public Outcome record(String currency, LocalDate effectiveFrom, BigDecimal unitsPerEuro, String source, String by) {
    try {
      jdbc.sql("""
          insert into exchange_rate (currency, effective_from, units, euros, source, recorded_by, recorded_at)
          values (?, ?, ?, 1, ?, ?, ?)""")
          .params(currency, effectiveFrom, unitsPerEuro, source, by, LocalDateTime.now()).update();
      return Outcome.RECORDED;
    } catch (DuplicateKeyException alreadyThere) {
      Integer same = jdbc.sql("""
          select count(*) from exchange_rate where currency = ? and effective_from = ? and units = ? and euros = 1""")
          .params(currency, effectiveFrom, unitsPerEuro).query(Integer.class).single();
      return same > 0 ? Outcome.ALREADY_RECORDED : Outcome.OTHER_RATE_THAT_DAY;
    }
  }
}
