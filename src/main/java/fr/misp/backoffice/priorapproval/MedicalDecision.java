package fr.misp.backoffice.priorapproval;

/**
 * What a médecin-conseil decides on {@code medicalReview} (PROCESSES.md). The one list of values:
 * the form's options and the model's gateway conditions are checked against it by a test.
 */
public enum MedicalDecision {
  APPROVE, APPROVE_ADJUSTED, REFUSE, MORE_INFO;

  public boolean approves() {
    return this == APPROVE || this == APPROVE_ADJUSTED;
  }
}
