package fr.misp.backoffice.socialaid;

import fr.misp.backoffice.platform.security.Groups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which agency each advisor works for (advisors see their agency's files). Each agency is also a
 * Camunda group, {@code agence-<code>}, whose members are its advisors: the files to build are offered
 * to it (see {@link AgencyTaskAccess}), so the engine sees an agency as it sees a team.
 */
@Repository
public class AdvisorAgencies {

  static final String GROUP_TYPE = "AGENCY";

  private final JdbcClient jdbc;
  private final ObjectProvider<ProcessEngine> engine;

  public AdvisorAgencies(JdbcClient jdbc, ObjectProvider<ProcessEngine> engine) {
    this.jdbc = jdbc;
    this.engine = engine;
  }

  public static String groupOf(String agencyCode) {
    return Groups.AGENCY_PREFIX + agencyCode;
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
    join(engine.getObject().getIdentityService(), userId, agencyCode);
  }

  /** Every advisor of the table in their agency's group (at start, and every minute for users created later). */
  public void syncGroups(IdentityService identity) {
    jdbc.sql("select user_id, agency_code from advisor_agency").query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
        .list().forEach(row -> join(identity, row[0], row[1]));
  }

  private static void join(IdentityService identity, String userId, String agencyCode) {
    String groupId = groupOf(agencyCode);
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName("Agence " + agencyCode);
      group.setType(GROUP_TYPE);
      identity.saveGroup(group);
    }
    if (identity.createUserQuery().userId(userId).count() > 0
        && identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }
}
