package fr.misp.backoffice.socialaid;

/** Ids of {@code processes/social-aid.bpmn} that the code names; a test checks each exists. */
public final class SocialAidElements {

  public static final String BUILD_SOCIAL_FILE = "buildSocialFile";
  public static final String COMMISSION_DECISION = "commissionDecision";
  public static final String ARBITRATE_ENDOWMENT = "arbitrateEndowment";
  public static final String ANNUAL_REVIEW_TIMER = "annualReviewTimer";
  /** RULES §8 Decision: an adjourned file waits for the next dated session of the commission. */
  public static final String NEXT_SESSION_TIMER = "nextSessionTimer";
  public static final String SCHEDULE_COMMISSION_SESSION = "scheduleCommissionSession";
  /** BPMN error of scheduleNextSession when no session is planned after today. */
  public static final String NO_SESSION_SCHEDULED = "NO_SESSION_SCHEDULED";

  private SocialAidElements() {}
}
