package fr.misp.backoffice.socialaid;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dated sessions of the Action Sociale commission (RULES §8 Decision, table {@code commission_session}):
 * an adjourned file is put on the agenda of the next one.
 */
@Repository
public class CommissionSessions {

  /** One session. */
  public record Session(LocalDate sessionDate, String createdBy) {}

  private final JdbcClient jdbc;

  public CommissionSessions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a session once (a session already planned on that day is kept as it is). */
  public void plan(LocalDate day, String by) {
    jdbc.sql("""
        insert into commission_session (session_date, created_by, created_at)
        select ?, ?, ? where not exists (select 1 from commission_session where session_date = ?)""")
        .params(day, by, LocalDateTime.now(), day).update();
  }

  /** The first session strictly after {@code day}: a file adjourned today waits for the next sitting. */
  public Optional<LocalDate> nextAfter(LocalDate day) {
    return jdbc.sql("select min(session_date) from commission_session where session_date > ?").param(day)
        .query((rs, n) -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate()).optional();
  }

  /** Sessions from {@code day} on, in date order. */
  public List<Session> from(LocalDate day) {
    return jdbc.sql("select session_date, created_by from commission_session where session_date >= ? order by session_date")
        .param(day).query(Session.class).list();
  }
}
