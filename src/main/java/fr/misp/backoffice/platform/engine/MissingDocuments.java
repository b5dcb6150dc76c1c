package fr.misp.backoffice.platform.engine;

import fr.misp.backoffice.documents.DocumentCompleteness;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * No trap on the tasks that build a file: leaving "dossier complet" unticked does not silently send the
 * file to "waiting for documents" — the person must say which documents are missing (the member is asked
 * for them); and "complete" holds only when the file has the step's required documents
 * ({@link DocumentCompleteness}). Completion of {@code buildFile}, {@code recordEvent} and {@code buildSocialFile}.
 */
@Component("missingDocumentsListed")
public class MissingDocuments implements TaskListener {

  public static final ProcessVariable<String> MISSING_DOCUMENTS = ProcessVariable.text("missingDocuments");

  private final DocumentCompleteness completeness;

  public MissingDocuments(DocumentCompleteness completeness) {
    this.completeness = completeness;
  }

  @Override
  public void notify(DelegateTask task) {
    String flag = task.getVariable("documentsComplete") != null ? "documentsComplete" : "fileComplete";
    if (Boolean.TRUE.equals(task.getVariable(flag))) {
      completeness.refuseIfIncomplete(task, flag);
      return;
    }
    String missing = MISSING_DOCUMENTS.get(task);
    if (missing == null || missing.isBlank()) {
      throw new BadUserRequestException("Cochez « dossier complet », ou indiquez les pièces manquantes (elles seront "
          + "demandées au membre) / missingDocuments is required when the file is not complete");
    }
  }
}
