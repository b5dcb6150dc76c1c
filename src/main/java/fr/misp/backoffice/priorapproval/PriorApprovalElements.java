package fr.misp.backoffice.priorapproval;

/** Ids of {@code processes/prior-approval.bpmn} that the code names; a test checks each exists. */
public final class PriorApprovalElements {

  public static final String REVIEW_LATE_REQUEST = "reviewLateRequest";
  public static final String WAIT_HCS_REGISTRATION = "waitHcsRegistration";
  public static final String BUILD_FILE = "buildFile";
  public static final String WAIT_DOCUMENTS = "waitDocuments";
  public static final String MEDICAL_REVIEW = "medicalReview";
  public static final String ESCALATE_MEDICAL_REVIEW = "escalateMedicalReview";

  private PriorApprovalElements() {}
}
