package fr.misp.backoffice.documents;

/** What a document is; the medical ones are read by médecins-conseil only. */
public enum DocumentType {
  QUOTE("Devis", false),
  INVOICE("Facture", false),
  IDENTITY("Pièce d'identité", false),
  BANK_DETAILS("Relevé d'identité bancaire", false),
  PROOF_OF_RESOURCES("Justificatif de ressources", false),
  DEATH_CERTIFICATE("Acte de décès", false),
  NOTARY_DEED("Acte de notoriété", false),
  OTHER("Autre pièce", false),
  MEDICAL_REPORT("Compte rendu médical", true),
  MEDICAL_CERTIFICATE("Certificat médical", true),
  PRESCRIPTION("Prescription médicale", true);

  private final String label;
  private final boolean medical;

  DocumentType(String label, boolean medical) {
    this.label = label;
    this.medical = medical;
  }

  public String label() {
    return label;
  }

  public boolean medical() {
    return medical;
  }
}
