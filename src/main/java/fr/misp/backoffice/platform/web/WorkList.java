package fr.misp.backoffice.platform.web;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** The tasks a user may see, read as that user (the engine's authorizations apply). */
@Service
public class WorkList {

  /** One task, as a list shows it. */
  public record TaskSummary(String id, String name, String taskDefinitionKey, String processInstanceId,
      String assignee) {}

  private final TaskService tasks;

  public WorkList(TaskService tasks) {
    this.tasks = tasks;
  }

  public List<TaskSummary> visibleTasks() {
    return tasks.createTaskQuery().orderByTaskCreateTime().asc().listPage(0, 200).stream()
        .map(WorkList::summary).toList();
  }

  private static TaskSummary summary(Task t) {
    return new TaskSummary(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getProcessInstanceId(), t.getAssignee());
  }
}
