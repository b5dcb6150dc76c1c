package fr.misp.backoffice.socialaid;

import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.platform.security.SystemActions;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which agency each advisor works for (advisors see their agency's files). Each agency is also a
 * Camunda group, {@code agence-<code>}, whose members are its advisors: the files to build are offered
 * to it (see {@link AgencyTaskAccess}), so the engine sees an agency as it sees a team. A file of an
 * agency with no advisor is also offered to the gestionnaires, who hand it to an advisor, until the
 * agency has one.
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

  /**
   * The agencies the back office knows: those of its members, endowments, files and advisors. There is
   * no agency register of its own (the member guide lists none).
   */
  public List<String> known() {
    return jdbc.sql("select agency_code from member union select agency_code from agency_endowment "
        + "union select agency_code from social_aid_file union select agency_code from advisor_agency")
        .query(String.class).list().stream().distinct().sorted().toList();
  }

  public boolean isKnown(String agencyCode) {
    return known().contains(agencyCode);
  }

  /** An advisor on record whose account exists: a deleted account leaves the agency without anyone. */
  public boolean hasAdvisor(String agencyCode) {
    return jdbc.sql("select count(*) from advisor_agency a where a.agency_code = ? "
        + "and exists (select 1 from ACT_ID_USER u where u.ID_ = a.user_id)").param(agencyCode)
        .query(Integer.class).single() > 0;
  }

  /** Records the advisor and puts them in the agency's group; doing it again (or at once twice) changes nothing. */
  public void assign(String userId, String agencyCode) {
    if (!of(userId).contains(agencyCode)) {
      try {
        jdbc.sql("insert into advisor_agency (user_id, agency_code) values (?, ?)").params(userId, agencyCode).update();
      } catch (DuplicateKeyException alreadyThere) {
        // the same assignment sent twice at once: the first one recorded it
      }
    }
    join(engine.getObject().getIdentityService(), userId, agencyCode);
  }

  /** The advisor no longer works for the agency: off the table and out of its group. */
  public void unassign(String userId, String agencyCode) {
    jdbc.sql("delete from advisor_agency where user_id = ? and agency_code = ?").params(userId, agencyCode).update();
    IdentityService identity = engine.getObject().getIdentityService();
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupOf(agencyCode)).count() > 0) {
      try {
        identity.deleteMembership(userId, groupOf(agencyCode));
      } catch (ProcessEngineException alreadyGone) {
        // removed by a concurrent call
      }
    }
  }

  /** Every advisor of the table in their agency's group (at start, and every minute for users created later). */
  public void syncGroups(IdentityService identity) {
    jdbc.sql("select user_id, agency_code from advisor_agency").query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
        .list().forEach(row -> join(identity, row[0], row[1]));
  }

  /**
   * Open files to build of an agency without an advisor are offered to the gestionnaires too; once the
   * agency has one, no longer (a task a gestionnaire already took stays theirs). Runs as the back office,
   * at each assignment and every minute; it reads only the files offered to the gestionnaires and those
   * of agencies without an advisor.
   */
  public void routeOpenFiles(ProcessEngine processEngine) {
    SystemActions.asSystem(processEngine.getIdentityService(), () -> {
      TaskService tasks = processEngine.getTaskService();
      for (Task task : tasks.createTaskQuery().taskDefinitionKey(AgencyTaskAccess.AGENCY_TASK)
          .taskCandidateGroup(Groups.MANAGERS).includeAssignedTasks().list()) {
        String agency = agencyOf(tasks.getIdentityLinksForTask(task.getId()));
        if (agency != null && hasAdvisor(agency)) {
          tasks.deleteCandidateGroup(task.getId(), Groups.MANAGERS);
        }
      }
      for (String group : jdbc.sql("select distinct GROUP_ID_ from ACT_RU_IDENTITYLINK where TYPE_ = 'candidate' "
          + "and GROUP_ID_ like ?").param(Groups.AGENCY_PREFIX + "%").query(String.class).list()) {
        if (hasAdvisor(group.substring(Groups.AGENCY_PREFIX.length()))) {
          continue;
        }
        for (Task task : tasks.createTaskQuery().taskDefinitionKey(AgencyTaskAccess.AGENCY_TASK)
            .taskCandidateGroup(group).includeAssignedTasks().list()) {
          if (tasks.getIdentityLinksForTask(task.getId()).stream().noneMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType())
              && Groups.MANAGERS.equals(l.getGroupId()))) {
            tasks.addCandidateGroup(task.getId(), Groups.MANAGERS);
          }
        }
      }
      return null;
    });
  }

  private static String agencyOf(List<IdentityLink> links) {
    return links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null
            && l.getGroupId().startsWith(Groups.AGENCY_PREFIX))
        .map(l -> l.getGroupId().substring(Groups.AGENCY_PREFIX.length())).findFirst().orElse(null);
  }

  private static void join(IdentityService identity, String userId, String agencyCode) {
    String groupId = groupOf(agencyCode);
    try {
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
    } catch (ProcessEngineException concurrent) {
      // the same group or membership created at the same moment by another call: check it is there
      if (identity.createUserQuery().userId(userId).count() > 0
          && identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
        throw concurrent;
      }
    }
  }
}
