package fr.misp.backoffice.platform.security;

import java.util.Set;

/**
 * User tasks whose content is medical: only {@code medecins-conseil} work them, and nothing written
 * on them by a generic engine feature (comments, attachments) may leave medical secrecy.
 */
public final class MedicalTasks {

  public static final Set<String> KEYS = Set.of("medicalReview", "assessPtia", "assessPathology", "assessGir");

  private MedicalTasks() {}

  public static boolean isMedical(String taskDefinitionKey) {
    return taskDefinitionKey != null && KEYS.contains(taskDefinitionKey);
  }
}
