package fr.misp.backoffice.oversight;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Files late against their due date: the people's open tasks past due (every user task has one), counted per
 * process and step, and the most late of them with their file. Read in two grouped queries, whatever the
 * number of open tasks; the view is the managers', who read every task.
 */
@Component
public class LateFiles {

  static final int MAX_TASKS = 100;

  /** Late tasks of one step of one process. */
  public record Step(String process, String processLabel, String taskKey, String step, long late,
      OffsetDateTime oldestDue) {}

  /** One late task: its file, its step, who holds it, since when it is due. */
  public record Task(String businessKey, String process, String processLabel, String step, String assignee,
      OffsetDateTime dueAt, long daysLate) {}

  /** The whole view. */
  public record View(OffsetDateTime at, long total, List<Step> steps, List<Task> tasks) {}

  private final JdbcClient jdbc;

  public LateFiles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public View now() {
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    OffsetDateTime at = FinishedFiles.paris(now);
    List<Step> steps = jdbc.sql("""
        select d.KEY_, t.TASK_DEF_KEY_, min(t.NAME_), count(*), min(t.DUE_DATE_) from ACT_RU_TASK t
        join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_
        where t.DUE_DATE_ < ? group by d.KEY_, t.TASK_DEF_KEY_ order by count(*) desc, d.KEY_, t.TASK_DEF_KEY_""")
        .param(now).query((rs, n) -> new Step(rs.getString(1), Labels.process(rs.getString(1)), rs.getString(2),
            step(rs.getString(3)), rs.getLong(4), FinishedFiles.paris(rs.getTimestamp(5)))).list();
    List<Task> tasks = jdbc.sql("""
        select r.business_key, d.KEY_, t.NAME_, t.ASSIGNEE_, t.DUE_DATE_ from ACT_RU_TASK t
        join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_
        left join process_request r on r.process_instance_id = t.PROC_INST_ID_
        where t.DUE_DATE_ < ? order by t.DUE_DATE_, t.ID_ fetch first""" + " " + MAX_TASKS + " rows only")
        .param(now).query((rs, n) -> {
          OffsetDateTime due = FinishedFiles.paris(rs.getTimestamp(5));
          return new Task(rs.getString(1), rs.getString(2), Labels.process(rs.getString(2)), step(rs.getString(3)),
              rs.getString(4), due, Duration.between(due, at).toDays());
        }).list();
    return new View(at, steps.stream().mapToLong(Step::late).sum(), steps, tasks);
  }

  /** A task's name is "step — member — file" (TaskTitles): the step alone groups the tasks. */
  static String step(String name) {
    if (name == null) {
      return null;
    }
    int cut = name.indexOf(" — ");
    return cut < 0 ? name : name.substring(0, cut);
  }
}
