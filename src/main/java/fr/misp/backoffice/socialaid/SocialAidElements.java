package fr.misp.backoffice.socialaid;

/** Ids of {@code processes/social-aid.bpmn} that the code names; a test checks each exists. */
public final class SocialAidElements {

  public static final String BUILD_SOCIAL_FILE = "buildSocialFile";
  public static final String COMMISSION_DECISION = "commissionDecision";
  public static final String ARBITRATE_ENDOWMENT = "arbitrateEndowment";
  public static final String ANNUAL_REVIEW_TIMER = "annualReviewTimer";

  private SocialAidElements() {}
}
