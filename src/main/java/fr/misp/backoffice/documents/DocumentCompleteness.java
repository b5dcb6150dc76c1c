package fr.misp.backoffice.documents;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Pièces complètes" is the presence of the step's required document types ({@link StepDocuments}),
 * not a person's checkbox: a completion that says "complete" while a type is missing is refused.
 */
@Component
public class DocumentCompleteness {

  /** The process variable that picks a death capital's list. */
  static final String VARIANT_VARIABLE = "event";

  private final FileDocuments documents;
  private volatile boolean enforced;

  public DocumentCompleteness(FileDocuments documents,
      @Value("${misp.documents.completeness-check:true}") boolean enforced) {
    this.documents = documents;
    this.enforced = enforced;
  }

  /** Tests turn the check on and off around the process tests that complete files without documents. */
  void enforce(boolean on) {
    this.enforced = on;
  }

  /** The required types the file lacks at this step, in the list's order. */
  public List<DocumentType> missing(String processKey, String taskKey, Object variant, String businessKey) {
    List<DocumentType> required = StepDocuments.required(processKey, taskKey, variant);
    if (required.isEmpty()) {
      return List.of();
    }
    Set<DocumentType> present = documents.presentTypes(businessKey);
    return required.stream().filter(t -> !present.contains(t)).toList();
  }

  /** Refuses "complete" ({@code flag} is the task's variable) while a required type is missing. */
  public void refuseIfIncomplete(DelegateTask task, String flag) {
    if (!enforced) {
      return;
    }
    String definitionId = task.getProcessDefinitionId();
    String processKey = definitionId.substring(0, definitionId.indexOf(':'));
    Object variant = task.getVariable(VARIANT_VARIABLE);
    List<DocumentType> missing = missing(processKey, task.getTaskDefinitionKey(),
        variant == null ? null : variant.toString(), task.getExecution().getProcessBusinessKey());
    if (!missing.isEmpty()) {
      throw new BadUserRequestException("Le dossier ne peut pas être déclaré complet : il manque "
          + missing.stream().map(DocumentType::label).collect(Collectors.joining(", "))
          + ". Ajoutez ces pièces dans « Pièces du dossier », ou indiquez-les comme manquantes / " + flag
          + " needs the required documents (" + missing.stream().map(Enum::name).collect(Collectors.joining(", ")) + ")");
    }
  }
}
