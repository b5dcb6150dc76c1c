package fr.misp.backoffice.autonomy;

/** Ids and choices of {@code processes/temporary-autonomy-loss.bpmn} that the code names; a test checks each exists. */
public final class TemporaryAutonomyLossElements {

  /** A médecin-conseil says whether the pathology is one of the list (R-PTA-1); a medical task. */
  public static final String ASSESS_PATHOLOGY = "assessPathology";
  public static final String QUARTER_STARTS = "quarterStarts";

  /** assessPathology: the médecin-conseil's answer. */
  public enum PathologyAssessment { RECOGNISED, NOT_RECOGNISED }

  private TemporaryAutonomyLossElements() {}
}
