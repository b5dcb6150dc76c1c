package fr.misp.backoffice.platform.security;

import java.io.InputStream;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Camunda's task service, with the rules a person is held to (see {@link PersonGuard}): a completion
 * carries only the form's fields; variables, owners, candidates, names and due dates are the
 * process's to set; a task is claimed for oneself; nothing is commented on a medical task.
 */
class GuardedTaskService extends TaskServiceImpl {

  private final PersonGuard guard;

  GuardedTaskService(PersonGuard guard) {
    this.guard = guard;
  }

  @Override
  public void complete(String taskId, Map<String, Object> variables) {
    guard.checkTaskSubmission(taskId, variables);
    super.complete(taskId, variables);
  }

  @Override
  public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables, boolean deserialize) {
    guard.checkTaskSubmission(taskId, variables);
    return super.completeWithVariablesInReturn(taskId, variables, deserialize);
  }

  @Override
  public void claim(String taskId, String userId) {
    guard.checkAssignment(taskId, userId);
    super.claim(taskId, userId);
  }

  @Override
  public void setAssignee(String taskId, String userId) {
    guard.checkAssignment(taskId, userId);
    super.setAssignee(taskId, userId);
  }

  @Override
  public Comment createComment(String taskId, String processInstanceId, String message) {
    guard.checkNotMedical(taskId, "Commentaire");
    return super.createComment(taskId, processInstanceId, message);
  }

  @Override
  public void addComment(String taskId, String processInstanceId, String message) {
    guard.checkNotMedical(taskId, "Commentaire");
    super.addComment(taskId, processInstanceId, message);
  }

  // Everything below changes what the process decided or keeps: the model's, never a person's.

  @Override
  public void saveTask(Task task) {
    guard.refuse("créer ou modifier une tâche");
    super.saveTask(task);
  }

  @Override
  public void deleteTask(String taskId, boolean cascade) {
    guard.refuse("supprimer une tâche");
    super.deleteTask(taskId, cascade);
  }

  @Override
  public void deleteTask(String taskId, String deleteReason) {
    guard.refuse("supprimer une tâche");
    super.deleteTask(taskId, deleteReason);
  }

  @Override
  public void deleteTasks(Collection<String> taskIds, boolean cascade) {
    guard.refuse("supprimer des tâches");
    super.deleteTasks(taskIds, cascade);
  }

  @Override
  public void deleteTasks(Collection<String> taskIds, String deleteReason) {
    guard.refuse("supprimer des tâches");
    super.deleteTasks(taskIds, deleteReason);
  }

  @Override
  public void setOwner(String taskId, String userId) {
    guard.refuse("changer le propriétaire");
    super.setOwner(taskId, userId);
  }

  @Override
  public void delegateTask(String taskId, String userId) {
    guard.refuse("déléguer une tâche");
    super.delegateTask(taskId, userId);
  }

  @Override
  public void resolveTask(String taskId) {
    guard.refuse("résoudre une tâche déléguée");
    super.resolveTask(taskId);
  }

  @Override
  public void resolveTask(String taskId, Map<String, Object> variables) {
    guard.refuse("résoudre une tâche déléguée");
    super.resolveTask(taskId, variables);
  }

  @Override
  public void addCandidateUser(String taskId, String userId) {
    guard.refuse("ajouter un candidat");
    super.addCandidateUser(taskId, userId);
  }

  @Override
  public void addCandidateGroup(String taskId, String groupId) {
    guard.refuse("ajouter un groupe candidat");
    super.addCandidateGroup(taskId, groupId);
  }

  @Override
  public void addUserIdentityLink(String taskId, String userId, String identityLinkType) {
    guard.refuse("ajouter un lien");
    super.addUserIdentityLink(taskId, userId, identityLinkType);
  }

  @Override
  public void addGroupIdentityLink(String taskId, String groupId, String identityLinkType) {
    guard.refuse("ajouter un lien");
    super.addGroupIdentityLink(taskId, groupId, identityLinkType);
  }

  @Override
  public void deleteCandidateGroup(String taskId, String groupId) {
    guard.refuse("retirer un groupe candidat");
    super.deleteCandidateGroup(taskId, groupId);
  }

  @Override
  public void deleteCandidateUser(String taskId, String userId) {
    guard.refuse("retirer un candidat");
    super.deleteCandidateUser(taskId, userId);
  }

  @Override
  public void deleteGroupIdentityLink(String taskId, String groupId, String identityLinkType) {
    guard.refuse("retirer un lien");
    super.deleteGroupIdentityLink(taskId, groupId, identityLinkType);
  }

  @Override
  public void deleteUserIdentityLink(String taskId, String userId, String identityLinkType) {
    guard.refuse("retirer un lien");
    super.deleteUserIdentityLink(taskId, userId, identityLinkType);
  }

  @Override
  public void setPriority(String taskId, int priority) {
    guard.refuse("changer la priorité");
    super.setPriority(taskId, priority);
  }

  @Override
  public void setName(String taskId, String name) {
    guard.refuse("renommer une tâche");
    super.setName(taskId, name);
  }

  @Override
  public void setDescription(String taskId, String description) {
    guard.refuse("changer la description");
    super.setDescription(taskId, description);
  }

  @Override
  public void setDueDate(String taskId, Date dueDate) {
    guard.refuse("changer l'échéance");
    super.setDueDate(taskId, dueDate);
  }

  @Override
  public void setFollowUpDate(String taskId, Date followUpDate) {
    guard.refuse("changer la date de suivi");
    super.setFollowUpDate(taskId, followUpDate);
  }

  @Override
  public void setVariable(String taskId, String variableName, Object value) {
    guard.refuse("écrire une variable");
    super.setVariable(taskId, variableName, value);
  }

  @Override
  public void setVariableLocal(String taskId, String variableName, Object value) {
    guard.refuse("écrire une variable");
    super.setVariableLocal(taskId, variableName, value);
  }

  @Override
  public void setVariables(String taskId, Map<String, ? extends Object> variables) {
    guard.refuse("écrire des variables");
    super.setVariables(taskId, variables);
  }

  @Override
  public void setVariablesLocal(String taskId, Map<String, ? extends Object> variables) {
    guard.refuse("écrire des variables");
    super.setVariablesLocal(taskId, variables);
  }

  @Override
  public void updateVariables(String taskId, Map<String, ? extends Object> modifications, Collection<String> deletions) {
    guard.refuse("modifier des variables");
    super.updateVariables(taskId, modifications, deletions);
  }

  @Override
  public void updateVariablesLocal(String taskId, Map<String, ? extends Object> modifications,
      Collection<String> deletions) {
    guard.refuse("modifier des variables");
    super.updateVariablesLocal(taskId, modifications, deletions);
  }

  @Override
  public void removeVariable(String taskId, String variableName) {
    guard.refuse("supprimer une variable");
    super.removeVariable(taskId, variableName);
  }

  @Override
  public void removeVariableLocal(String taskId, String variableName) {
    guard.refuse("supprimer une variable");
    super.removeVariableLocal(taskId, variableName);
  }

  @Override
  public void removeVariables(String taskId, Collection<String> variableNames) {
    guard.refuse("supprimer des variables");
    super.removeVariables(taskId, variableNames);
  }

  @Override
  public void removeVariablesLocal(String taskId, Collection<String> variableNames) {
    guard.refuse("supprimer des variables");
    super.removeVariablesLocal(taskId, variableNames);
  }

  @Override
  public void deleteTaskComment(String taskId, String commentId) {
    guard.refuse("supprimer un commentaire");
    super.deleteTaskComment(taskId, commentId);
  }

  @Override
  public void deleteProcessInstanceComment(String processInstanceId, String commentId) {
    guard.refuse("supprimer un commentaire");
    super.deleteProcessInstanceComment(processInstanceId, commentId);
  }

  @Override
  public void deleteTaskComments(String taskId) {
    guard.refuse("supprimer des commentaires");
    super.deleteTaskComments(taskId);
  }

  @Override
  public void deleteProcessInstanceComments(String processInstanceId) {
    guard.refuse("supprimer des commentaires");
    super.deleteProcessInstanceComments(processInstanceId);
  }

  @Override
  public void updateTaskComment(String taskId, String commentId, String message) {
    guard.refuse("modifier un commentaire");
    super.updateTaskComment(taskId, commentId, message);
  }

  @Override
  public void updateProcessInstanceComment(String processInstanceId, String commentId, String message) {
    guard.refuse("modifier un commentaire");
    super.updateProcessInstanceComment(processInstanceId, commentId, message);
  }

  @Override
  public Attachment createAttachment(String attachmentType, String taskId, String processInstanceId,
      String attachmentName, String attachmentDescription, InputStream content) {
    guard.refuse("joindre un fichier (les pièces se déposent par l'API des dossiers)");
    return super.createAttachment(attachmentType, taskId, processInstanceId, attachmentName, attachmentDescription,
        content);
  }

  @Override
  public Attachment createAttachment(String attachmentType, String taskId, String processInstanceId,
      String attachmentName, String attachmentDescription, String url) {
    guard.refuse("joindre un fichier (les pièces se déposent par l'API des dossiers)");
    return super.createAttachment(attachmentType, taskId, processInstanceId, attachmentName, attachmentDescription, url);
  }

  @Override
  public void saveAttachment(Attachment attachment) {
    guard.refuse("modifier une pièce jointe");
    super.saveAttachment(attachment);
  }

  @Override
  public void deleteAttachment(String attachmentId) {
    guard.refuse("supprimer une pièce jointe");
    super.deleteAttachment(attachmentId);
  }

  @Override
  public void deleteTaskAttachment(String taskId, String attachmentId) {
    guard.refuse("supprimer une pièce jointe");
    super.deleteTaskAttachment(taskId, attachmentId);
  }

  @Override
  public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
    guard.refuse("lever une erreur BPMN");
    super.handleBpmnError(taskId, errorCode, errorMessage, variables);
  }

  @Override
  public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
    guard.refuse("lever une escalade");
    super.handleEscalation(taskId, escalationCode, variables);
  }

  @Override
  public void deleteTask(String taskId) {
    guard.refuse("supprimer une tâche");
    super.deleteTask(taskId);
  }

  @Override
  public void deleteTasks(Collection<String> taskIds) {
    guard.refuse("supprimer des tâches");
    super.deleteTasks(taskIds);
  }

  @Override
  public void handleBpmnError(String taskId, String errorCode) {
    guard.refuse("lever une erreur BPMN");
    super.handleBpmnError(taskId, errorCode);
  }

  @Override
  public void handleBpmnError(String taskId, String errorCode, String errorMessage) {
    guard.refuse("lever une erreur BPMN");
    super.handleBpmnError(taskId, errorCode, errorMessage);
  }

  @Override
  public void handleEscalation(String taskId, String escalationCode) {
    guard.refuse("lever une escalade");
    super.handleEscalation(taskId, escalationCode);
  }
}
