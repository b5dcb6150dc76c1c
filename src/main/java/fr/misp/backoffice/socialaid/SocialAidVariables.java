package fr.misp.backoffice.socialaid;

/** Process variables of {@code socialAid}, in one place. Typed reads: see PriorApprovalVariables' helpers. */
public final class SocialAidVariables {

  public static final String MEMBER_ID = "memberId";
  public static final String AGENCY_CODE = "agencyCode";
  public static final String SITUATION = "situation";
  public static final String AID_TYPE = "aidType";
  public static final String REQUESTED_AMOUNT = "requestedAmount";
  public static final String DURATION_MONTHS = "durationMonths";
  public static final String MONTHLY_RESOURCES = "monthlyResources";
  public static final String MONTHLY_CHARGES = "monthlyCharges";
  public static final String HOUSEHOLD_SIZE = "householdSize";
  public static final String CHILDREN_UNDER_14 = "childrenUnder14";
  public static final String CARER_RELATION = "carerRelation";
  public static final String CARER_GIR = "carerGir";
  public static final String ORPHAN_BIRTH_DATE = "orphanBirthDate";
  public static final String RECEIVED_DATE = "receivedDate";
  /** Review cycle: 1 for the request, then +1 at each yearly review of an annual allowance. */
  public static final String CYCLE = "cycle";
  // Computed
  public static final String ELIGIBLE = "eligible";
  /** R-AS-3: an annual allowance comes back to the commission every year (from AidType.annual()). */
  public static final String ANNUAL_ALLOWANCE = "annualAllowance";
  public static final String ELIGIBILITY_REASONS = "eligibilityReasons";
  public static final String DISPOSABLE_INCOME_PER_UNIT = "disposableIncomePerUnit";
  public static final String CONSUMPTION_UNITS = "consumptionUnits";
  public static final String RESERVED = "reserved";
  /** R-AS-2 in words, built from the limits in force, for the commission's form. */
  public static final String DECISION_LIMITS = "decisionLimits";
  public static final String BUDGET_YEAR = "budgetYear";
  // Forms (PROCESSES.md task contracts)
  public static final String FILE_COMPLETE = "fileComplete";
  public static final String ADVISOR_OPINION = "advisorOpinion";
  public static final String COMMISSION_DECISION = "commissionDecision";
  public static final String GRANTED_AMOUNT = "grantedAmount";
  public static final String GRANTED_DURATION_MONTHS = "grantedDurationMonths";
  public static final String MOTIVATION = "motivation";
  public static final String ENDOWMENT_DECISION = "endowmentDecision";
  // Outcome
  public static final String DECISION = "decision";

  private SocialAidVariables() {}
}
