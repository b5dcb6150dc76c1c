package fr.misp.backoffice.socialaid;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which agency each advisor works for (advisors see their agency's files). */
@Repository
public class AdvisorAgencies {

  private final JdbcClient jdbc;

  public AdvisorAgencies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<String> of(String userId) {
    return jdbc.sql("select agency_code from advisor_agency where user_id = ? order by agency_code").param(userId)
        .query(String.class).list();
  }

  public List<String> advisorsOf(String agencyCode) {
    return jdbc.sql("select user_id from advisor_agency where agency_code = ? order by user_id").param(agencyCode)
        .query(String.class).list();
  }

  public void assign(String userId, String agencyCode) {
    if (!of(userId).contains(agencyCode)) {
      jdbc.sql("insert into advisor_agency (user_id, agency_code) values (?, ?)").params(userId, agencyCode).update();
    }
  }
}
