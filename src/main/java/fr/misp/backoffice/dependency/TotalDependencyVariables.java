package fr.misp.backoffice.dependency;

import static fr.misp.backoffice.platform.engine.ProcessVariable.count;
import static fr.misp.backoffice.platform.engine.ProcessVariable.flag;
import static fr.misp.backoffice.platform.engine.ProcessVariable.text;
import static fr.misp.backoffice.platform.engine.ProcessVariable.timerDay;

import fr.misp.backoffice.platform.engine.ProcessVariable;
import java.time.LocalDate;

/** The variables of {@code totalDependency}, each declared once; the claim and its payments are in {@link DependencyClaims}. */
public final class TotalDependencyVariables {

  public static final ProcessVariable<String> MEMBER_ID = text("memberId");
  /** assessGir: the autonomy grade 1–6 (only GIR 1 is total dependency). */
  public static final ProcessVariable<Integer> GIR = count("gir");
  /** assessGir: medical grounds, moved to the medical record on completion. */
  public static final ProcessVariable<String> MEDICAL_NOTES = text("medicalNotes");
  public static final ProcessVariable<Boolean> ELIGIBLE = flag("dependencyEligible");
  public static final ProcessVariable<LocalDate> NEXT_MONTH = timerDay("nextAnnuityMonth");
  public static final ProcessVariable<Boolean> ANNUITY_GOES_ON = flag("annuityGoesOn");
  public static final ProcessVariable<LocalDate> NEXT_YEAR = timerDay("nextForfaitYear");
  public static final ProcessVariable<Integer> FORFAIT_YEAR = count("forfaitYear");
  /** homeCareEvidence: months the member stayed at home over the past year (0–12). */
  public static final ProcessVariable<Integer> HOME_MONTHS = count("homeMonthsLastYear");
  public static final ProcessVariable<Boolean> FORFAIT_GOES_ON = flag("forfaitGoesOn");

  private TotalDependencyVariables() {}
}
