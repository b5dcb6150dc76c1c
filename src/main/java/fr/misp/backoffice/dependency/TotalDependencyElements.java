package fr.misp.backoffice.dependency;

/** Ids of {@code processes/total-dependency.bpmn} that the code names; a test checks each exists. */
public final class TotalDependencyElements {

  /** The médecin-conseil classifies the member's autonomy (GIR), abroad and in a COM (R-DEP-1); a medical task. */
  public static final String ASSESS_GIR = "assessGir";
  public static final String MONTH_DUE = "monthDue";
  /** Each year of dependency: months spent at home (R-DEP-3), from the evidence the advisor received. */
  public static final String HOME_CARE_EVIDENCE = "homeCareEvidence";

  private TotalDependencyElements() {}
}
