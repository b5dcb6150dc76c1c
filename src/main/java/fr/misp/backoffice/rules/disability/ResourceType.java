package fr.misp.backoffice.rules.disability;

/** Resources of an invalid member and whether R-INV-5 deducts them from the guarantee. */
public enum ResourceType {
  INVALIDITY_PENSION(true, "pension d'invalidité des régimes obligatoires"),
  OLD_AGE_PENSION(true, "pension de vieillesse des régimes obligatoires"),
  ACTIVITY_INCOME(true, "revenus d'activité"),
  REVERSION_PENSION(false, "pension de réversion"),
  THIRD_PERSON_MAJORATION(false, "majoration pour tierce personne"),
  CHILD_MAJORATION(false, "majoration pour enfants"),
  VOLUNTARY_SAVINGS(false, "épargne ou retraite facultative"),
  ALIMONY(false, "pension alimentaire"),
  PROPERTY_INCOME(false, "revenus fonciers"),
  ASPA(false, "allocation de solidarité aux personnes âgées (ASPA)"),
  MJPM_FEES(false, "frais de mandataire judiciaire (MJPM)");

  private final boolean deducted;
  private final String label;

  ResourceType(boolean deducted, String label) {
    this.deducted = deducted;
    this.label = label;
  }

  public boolean deducted() {
    return deducted;
  }

  public String label() {
    return label;
  }
}
