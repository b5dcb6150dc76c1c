package fr.misp.backoffice.oversight;

import java.util.Map;

/** French names of the codes the records hold, as the managers read them; an unknown code shows as it is. */
final class Labels {

  /** The names the models give the processes (a test keeps them equal, here and in the Cockpit view). */
  static final Map<String, String> PROCESSES = Map.of(
      "priorApproval", "Accord préalable de soins à l'étranger",
      "socialAid", "Aide de l'Action Sociale",
      "deathCapital", "Capital décès ou PTIA",
      "paymentException", "Retour de paiement ou écriture bancaire inconnue",
      "loanRepayment", "Remboursement d'un prêt social ou d'une avance",
      "temporaryAutonomyLoss", "Allocation perte temporaire d'autonomie",
      "totalDependency", "Rente et forfait dépendance totale",
      "dailyAllowance", "Allocations journalières",
      "disabilityAllowance", "Allocation d'invalidité");

  private static final Map<String, String> DECISIONS = Map.ofEntries(
      Map.entry("APPROVED", "Accordé"),
      Map.entry("GRANTED", "Accordé"),
      Map.entry("REFUSED", "Refusé"),
      Map.entry("CLOSED", "Clos"),
      Map.entry("CLOSED_INCOMPLETE", "Clos, dossier incomplet"),
      Map.entry("PTIA_NOT_RECOGNISED", "PTIA non reconnue"),
      Map.entry("ADJOURNED", "Ajourné"),
      Map.entry("ACTIVE", "Remboursement en cours"),
      Map.entry("SETTLED", "Prêt remboursé"),
      Map.entry("WRITTEN_OFF", "Créance abandonnée"),
      Map.entry("CANCELLED", "Annulé"));

  private static final Map<String, String> PAYMENTS = Map.of(
      "ORDERED", "Paiement à approuver",
      "APPROVED", "Paiement approuvé",
      "SENT", "Paiement envoyé à la banque",
      "PAID", "Paiement réglé",
      "RETURNED", "Paiement retourné par la banque",
      "REJECTED", "Paiement rejeté",
      "CANCELLED", "Paiement annulé (non dû)");

  private Labels() {}

  static String process(String key) {
    return key == null ? null : PROCESSES.getOrDefault(key, key);
  }

  static String decision(String code) {
    return code == null ? "Sans décision enregistrée" : DECISIONS.getOrDefault(code, code);
  }

  static String paymentStatus(String code) {
    return code == null ? null : PAYMENTS.getOrDefault(code, code);
  }
}
