package fr.misp.backoffice.platform.engine;

import java.util.List;

/** The process keys of PROCESSES.md: contracts with other systems, never renamed. */
public final class ProcessKeys {

  public static final String PRIOR_APPROVAL = "priorApproval";
  public static final String SOCIAL_AID = "socialAid";
  public static final String DEATH_CAPITAL = "deathCapital";
  public static final List<String> ALL = List.of(PRIOR_APPROVAL, SOCIAL_AID, DEATH_CAPITAL);

  private ProcessKeys() {}
}
