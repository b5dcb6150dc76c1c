package fr.misp.backoffice.socialaid;

import static fr.misp.backoffice.platform.engine.ProcessVariable.choice;
import static fr.misp.backoffice.platform.engine.ProcessVariable.count;
import static fr.misp.backoffice.platform.engine.ProcessVariable.date;
import static fr.misp.backoffice.platform.engine.ProcessVariable.flag;
import static fr.misp.backoffice.platform.engine.ProcessVariable.money;
import static fr.misp.backoffice.platform.engine.ProcessVariable.text;

import fr.misp.backoffice.platform.engine.ProcessVariable;
import fr.misp.backoffice.rules.socialaid.SocialAidRules.AidType;
import fr.misp.backoffice.rules.socialaid.SocialAidRules.CarerRelation;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The variables of {@code socialAid}, each declared once with its type. The file's record (request,
 * admissibility, decision, schedule) lives in {@link SocialAidFiles}.
 */
public final class SocialAidVariables {

  public static final ProcessVariable<String> MEMBER_ID = text("memberId");
  /** The day of the session an adjourned file is put on the agenda of (the timer's date, Paris midnight). */
  public static final ProcessVariable<java.time.LocalDate> NEXT_COMMISSION_SESSION =
      fr.misp.backoffice.platform.engine.ProcessVariable.timerDay("nextCommissionSession");
  /** scheduleCommissionSession: the day of the session a manager plans. */
  public static final ProcessVariable<java.time.LocalDate> SESSION_DATE = date("sessionDate");
  public static final ProcessVariable<String> AGENCY_CODE = text("agencyCode");
  public static final ProcessVariable<SocialAidRequest.Situation> SITUATION =
      choice("situation", SocialAidRequest.Situation.class);
  public static final ProcessVariable<AidType> AID_TYPE = choice("aidType", AidType.class);
  public static final ProcessVariable<BigDecimal> REQUESTED_AMOUNT = money("requestedAmount");
  public static final ProcessVariable<Integer> DURATION_MONTHS = count("durationMonths");
  public static final ProcessVariable<BigDecimal> MONTHLY_RESOURCES = money("monthlyResources");
  public static final ProcessVariable<BigDecimal> MONTHLY_CHARGES = money("monthlyCharges");
  public static final ProcessVariable<Integer> HOUSEHOLD_SIZE = count("householdSize");
  public static final ProcessVariable<Integer> CHILDREN_UNDER_14 = count("childrenUnder14");
  public static final ProcessVariable<CarerRelation> CARER_RELATION = choice("carerRelation", CarerRelation.class);
  public static final ProcessVariable<Integer> CARER_GIR = count("carerGir");
  public static final ProcessVariable<LocalDate> ORPHAN_BIRTH_DATE = date("orphanBirthDate");
  public static final ProcessVariable<String> ORPHAN_NAME = text("orphanName");
  public static final ProcessVariable<String> DEATH_CLAIM_KEY = text("deathClaimKey");
  /** The date the request is assessed at (an orphan's age: the date of death); absent: the day of the check. */
  public static final ProcessVariable<LocalDate> ASSESSMENT_DATE = date("assessmentDate");
  public static final ProcessVariable<LocalDate> RECEIVED_DATE = date("receivedDate");
  /** Review cycle: 1 for the request, then +1 at each yearly review of an annual allowance. */
  public static final ProcessVariable<Integer> CYCLE = count("cycle");
  // Computed
  public static final ProcessVariable<Boolean> ELIGIBLE = flag("eligible");
  /** R-AS-3: an annual allowance comes back to the commission every year (from AidType.annual()). */
  public static final ProcessVariable<Boolean> ANNUAL_ALLOWANCE = flag("annualAllowance");
  public static final ProcessVariable<String> ELIGIBILITY_REASONS = text("eligibilityReasons");
  public static final ProcessVariable<BigDecimal> DISPOSABLE_INCOME_PER_UNIT = money("disposableIncomePerUnit");
  public static final ProcessVariable<Boolean> RESERVED = flag("reserved");
  public static final ProcessVariable<Integer> BUDGET_YEAR = count("budgetYear");
  /** R-AS-2 in words, built from the limits in force, for the commission's form. */
  public static final ProcessVariable<String> DECISION_LIMITS = text("decisionLimits");
  // Forms (PROCESSES.md task contracts)
  public static final ProcessVariable<Boolean> FILE_COMPLETE = flag("fileComplete");
  public static final ProcessVariable<String> ADVISOR_OPINION = text("advisorOpinion");
  public static final ProcessVariable<CommissionDecision> COMMISSION_DECISION =
      choice("commissionDecision", CommissionDecision.class);
  public static final ProcessVariable<BigDecimal> GRANTED_AMOUNT = money("grantedAmount");
  public static final ProcessVariable<Integer> GRANTED_DURATION_MONTHS = count("grantedDurationMonths");
  public static final ProcessVariable<String> MOTIVATION = text("motivation");
  public static final ProcessVariable<EndowmentDecision> ENDOWMENT_DECISION =
      choice("endowmentDecision", EndowmentDecision.class);
  /** RULES §8 Decision: raising the endowment is done in the arbitration itself (amount and motivation). */
  public static final ProcessVariable<BigDecimal> NEW_ENDOWMENT_AMOUNT = money("newEndowmentAmount");
  public static final ProcessVariable<String> ARBITRATION_MOTIVATION = text("arbitrationMotivation");
  // Outcome (PROCESSES.md), also on the file's record
  public static final ProcessVariable<String> DECISION = text("decision");

  private SocialAidVariables() {}
}
