package fr.misp.backoffice.platform.security;

import java.util.List;

/** The Camunda groups of PROCESSES.md: the one list of actors. */
public final class Groups {

  public static final String ADVISORS = "conseillers";
  public static final String MEDICAL_ADVISERS = "medecins-conseil";
  public static final String SOCIAL_AID_COMMISSION = "commission-action-sociale";
  public static final String MANAGERS = "gestionnaires";
  public static final String IMA = "ima";
  public static final String HCS = "hcs";
  public static final String ADMINS = "camunda-admin";
  /** Operators: read the metrics, nothing else. */
  public static final String MONITORING = "monitoring";

  /**
   * Prefix of an agency's group ({@code agence-AG-075}): its advisors, to whom the agency's social
   * files are offered (socialaid.AdvisorAgencies).
   */
  public static final String AGENCY_PREFIX = "agence-";

  /** Groups that work tasks in Tasklist. */
  public static final List<String> TASK_GROUPS =
      List.of(ADVISORS, MEDICAL_ADVISERS, SOCIAL_AID_COMMISSION, MANAGERS, IMA, HCS);

  /** Every group, with its French name shown in Admin and Tasklist. */
  public static final List<String[]> ALL = List.of(
      new String[] {ADVISORS, "Conseillers des agences départementales"},
      new String[] {MEDICAL_ADVISERS, "Médecins-conseil DENOS"},
      new String[] {SOCIAL_AID_COMMISSION, "Commission d'Action Sociale"},
      new String[] {MANAGERS, "Gestionnaires"},
      new String[] {IMA, "IMA (gestionnaire de zone)"},
      new String[] {HCS, "Health Case Services (gestionnaire de zone)"},
      new String[] {ADMINS, "Administrateurs"},
      new String[] {MONITORING, "Supervision (exploitation)"});

  private Groups() {}
}
