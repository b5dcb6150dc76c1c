package fr.misp.backoffice.autonomy;

import static fr.misp.backoffice.platform.engine.ProcessVariable.choice;
import static fr.misp.backoffice.platform.engine.ProcessVariable.count;
import static fr.misp.backoffice.platform.engine.ProcessVariable.flag;
import static fr.misp.backoffice.platform.engine.ProcessVariable.text;
import static fr.misp.backoffice.platform.engine.ProcessVariable.timerDay;

import fr.misp.backoffice.autonomy.TemporaryAutonomyLossElements.PathologyAssessment;
import fr.misp.backoffice.platform.engine.ProcessVariable;
import java.time.LocalDate;

/** The variables of {@code temporaryAutonomyLoss}, each declared once; the claim and its quarters are in {@link PtaClaims}. */
public final class TemporaryAutonomyLossVariables {

  public static final ProcessVariable<String> MEMBER_ID = text("memberId");
  public static final ProcessVariable<PathologyAssessment> ASSESSMENT = choice("pathologyAssessment", PathologyAssessment.class);
  /** assessPathology: which pathology of the list; medical, moved to the claim's record on completion. */
  public static final ProcessVariable<String> CONDITION = text("ptaCondition");
  /** assessPathology: medical grounds, moved to the medical record on completion. */
  public static final ProcessVariable<String> MEDICAL_NOTES = text("medicalNotes");
  public static final ProcessVariable<Boolean> ELIGIBLE = flag("ptaEligible");
  public static final ProcessVariable<LocalDate> NEXT_QUARTER_START = timerDay("nextQuarterStart");
  /** The quarter (its number) the timer waits for. */
  public static final ProcessVariable<Integer> NEXT_QUARTER = count("nextQuarter");
  public static final ProcessVariable<Boolean> MORE_QUARTERS = flag("moreQuarters");

  private TemporaryAutonomyLossVariables() {}
}
