package fr.misp.backoffice.oversight;

import fr.misp.backoffice.socialaid.Endowments;
import fr.misp.backoffice.socialaid.Endowments.Endowment;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every agency's endowment of a year (R-AS-5) — also the agencies with advisors or an endowment of another year
 * that have none yet, so that a manager sees them and sets one (through PUT /api/endowments, whose rules stay
 * there; the view also sets one for any agency code).
 */
@Component
public class AgencyEndowments {

  /** One agency: null amounts when its endowment of the year is not set. */
  public record Line(String agencyCode, boolean set, BigDecimal amount, BigDecimal reserved, BigDecimal paid,
      BigDecimal repaid, BigDecimal remaining) {}

  private final JdbcClient jdbc;
  private final Endowments endowments;

  public AgencyEndowments(JdbcClient jdbc, Endowments endowments) {
    this.jdbc = jdbc;
    this.endowments = endowments;
  }

  public List<Line> ofYear(int year) {
    Map<String, Endowment> set = endowments.ofYear(year).stream()
        .collect(Collectors.toMap(Endowment::agencyCode, Function.identity()));
    List<String> agencies = jdbc.sql("""
        select agency_code from advisor_agency union select agency_code from agency_endowment order by 1""")
        .query(String.class).list();
    return agencies.stream().map(code -> {
      Endowment e = set.get(code);
      if (e == null) {
        return new Line(code, false, null, null, null, null, null);
      }
      // remaining = amount + repaid − reserved (Endowments)
      return new Line(code, true, e.amount().setScale(2), e.reserved().setScale(2), e.paid().setScale(2),
          e.remaining().subtract(e.amount()).add(e.reserved()).setScale(2), e.remaining().setScale(2));
    }).toList();
  }
}
