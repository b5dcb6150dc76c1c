package fr.misp.backoffice.platform.engine;

import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.network.Establishment;
import fr.misp.backoffice.network.MedicalNetwork;
import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.TaskPriority;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Every task says whose file it is: when a user task is created, its name becomes "step — member's name —
 * file reference" and its description says when it is due, in French, so that three "Vérifier identité et
 * coordonnées bancaires" tasks can be told apart in a Tasklist list. Added to every model by a parse
 * listener: no model repeats it. The name holds no medical detail (only who and which file). Its priority
 * follows the rule {@link TaskPriority} (shown in Tasklist's list, the reason in the description).
 *
 * <p>The forms show the member and the establishment of the file in words, not by their codes: the task
 * gets read-only local texts {@value #MEMBER_SHOWN} ("Lucie Martin (n° M-ES-001)") and
 * {@value #ESTABLISHMENT_SHOWN} ("Hospital Universitario de Madrid, Madrid (Espagne)"). Nothing of them can
 * be submitted (a read-only field is not part of a form's contract).
 */
@Component
public class TaskTitles extends AbstractCamundaConfiguration {

  static final int NAME_LENGTH = 255;
  public static final String MEMBER_SHOWN = "memberShown";
  public static final String ESTABLISHMENT_SHOWN = "establishmentShown";

  private final MemberDirectory members;
  private final MedicalNetwork network;
  private final Parameters parameters;

  public TaskTitles(@Lazy MemberDirectory members, @Lazy MedicalNetwork network, Parameters parameters) {
    this.members = members;
    this.network = network;
    this.parameters = parameters;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener title = this::title;
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, title);
      }
    });
  }

  void title(DelegateTask task) {
    showInWords(task);
    List<String> parts = new ArrayList<>();
    parts.add(task.getName());
    String who = who(task);
    if (who != null) {
      parts.add(who);
    }
    // A task about one payee of the file (checkBeneficiary, searchBeneficiary…) names that payee too.
    Object payee = task.getVariableLocal("payeeName");
    if (payee instanceof String p && !p.isBlank()) {
      parts.add("pour " + p);
    }
    String file = task.getExecution().getProcessBusinessKey();
    if (file != null) {
      parts.add(file);
    }
    String name = String.join(" — ", parts);
    task.setName(name.length() <= NAME_LENGTH ? name : name.substring(0, NAME_LENGTH - 1) + "…");
    LocalDate due = task.getDueDate() == null ? null : task.getDueDate().toInstant().atZone(ProcessVariable.PARIS).toLocalDate();
    LocalDate today = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ProcessVariable.PARIS).toLocalDate();
    TaskPriority.Result priority = TaskPriority.of(task.getTaskDefinitionKey(), today, due, parameters);
    task.setPriority(priority.priority());
    if (due != null) {
      task.setDescription("Dossier " + (file == null ? "" : file + " ") + "— à traiter avant le " + FrenchText.date(due)
          + (priority.reason() == null ? "" : " — prioritaire (" + priority.priority() + ") : " + priority.reason()));
    }
  }

  private void showInWords(DelegateTask task) {
    if (task.getVariable("memberId") instanceof String id && !id.isBlank()) {
      task.setVariableLocal(MEMBER_SHOWN, members.find(id).map(m -> m.name() + " (n° " + id + ")")
          .orElse("Membre inconnu du fichier (n° " + id + ")"));
    }
    if (task.getVariable("establishmentId") instanceof String id && !id.isBlank()) {
      task.setVariableLocal(ESTABLISHMENT_SHOWN, network.find(id).map(Establishment::inWords)
          .orElse("Établissement inconnu du réseau (" + id + ")"));
    }
  }

  /** The member of the file, by name; else the person the task is about (a payee), if the file names one. */
  private String who(DelegateTask task) {
    Object memberId = task.getVariable("memberId");
    if (memberId instanceof String id && !id.isBlank()) {
      String name = members.find(id).map(Member::name).orElse(null);
      if (name != null) {
        return name;
      }
    }
    Object beneficiary = task.getVariable("beneficiary");
    return beneficiary instanceof String b && !b.isBlank() ? b : null;
  }
}
