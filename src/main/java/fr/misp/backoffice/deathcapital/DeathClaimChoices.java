package fr.misp.backoffice.deathcapital;

/**
 * The choices people make on the tasks of {@code death-capital.bpmn}: one enum per decision variable,
 * shared by the forms, the gateways and the code (a model test checks they agree).
 */
public final class DeathClaimChoices {

  /** assessPtia: the médecin-conseil's answer (RULES §6 Decision). */
  public enum PtiaDecision { RECOGNISED, NOT_RECOGNISED }

  /** checkBeneficiary: identity and bank details verified, or the beneficiary cannot be found (RULES §7). */
  public enum BeneficiaryCheck { VERIFIED, NOT_FOUND }

  /** searchBeneficiary: found again (checked anew), or still not found (a manager decides). */
  public enum SearchOutcome { FOUND, STILL_UNFOUND }

  /** decideUnfoundShare: keep searching, or set the share aside (never paid to someone else). */
  public enum UnfoundShareDecision { SEARCH_AGAIN, SET_ASIDE }

  private DeathClaimChoices() {}
}
