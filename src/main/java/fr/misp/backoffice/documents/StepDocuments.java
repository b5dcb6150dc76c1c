package fr.misp.backoffice.documents;

import static fr.misp.backoffice.documents.DocumentType.BANK_DETAILS;
import static fr.misp.backoffice.documents.DocumentType.DEATH_CERTIFICATE;
import static fr.misp.backoffice.documents.DocumentType.IDENTITY;
import static fr.misp.backoffice.documents.DocumentType.MEDICAL_CERTIFICATE;
import static fr.misp.backoffice.documents.DocumentType.MEDICAL_REPORT;
import static fr.misp.backoffice.documents.DocumentType.NOTARY_DEED;
import static fr.misp.backoffice.documents.DocumentType.PRESCRIPTION;
import static fr.misp.backoffice.documents.DocumentType.PROOF_OF_RESOURCES;
import static fr.misp.backoffice.documents.DocumentType.QUOTE;

import fr.misp.backoffice.platform.engine.ProcessKeys;
import java.util.List;
import java.util.Map;

/**
 * The one list of the documents each step needs (docs/documents.md): the types whose presence makes a
 * file complete at the steps that check it, and the types its decider reads. The member guide names
 * no list: these are the back office's decision, to be confirmed by the MISP.
 */
public final class StepDocuments {

  private StepDocuments() {}

  /**
   * Completeness at the steps that check it; a death capital's list depends on its event (DEATH, PTIA).
   * The advisor records no medical document for a PTIA (the médecin-conseil gets them in assessPtia).
   */
  private static final Map<String, List<DocumentType>> REQUIRED = Map.of(
      ProcessKeys.PRIOR_APPROVAL + ".buildFile", List.of(QUOTE, MEDICAL_REPORT),
      ProcessKeys.SOCIAL_AID + ".buildSocialFile", List.of(IDENTITY, PROOF_OF_RESOURCES),
      ProcessKeys.DEATH_CAPITAL + ".recordEvent.DEATH", List.of(DEATH_CERTIFICATE),
      ProcessKeys.DEATH_CAPITAL + ".recordEvent.PTIA", List.of(IDENTITY));

  /** What the decider of a step reads first (the others of the file are listed after them). */
  private static final Map<String, List<DocumentType>> READ_BY_DECIDER = Map.ofEntries(
      Map.entry(ProcessKeys.PRIOR_APPROVAL + ".medicalReview", List.of(QUOTE, MEDICAL_REPORT, MEDICAL_CERTIFICATE, PRESCRIPTION)),
      Map.entry(ProcessKeys.PRIOR_APPROVAL + ".escalateMedicalReview", List.of(QUOTE)),
      Map.entry(ProcessKeys.SOCIAL_AID + ".commissionDecision", List.of(PROOF_OF_RESOURCES, IDENTITY)),
      Map.entry(ProcessKeys.DEATH_CAPITAL + ".assessPtia", List.of(MEDICAL_CERTIFICATE, MEDICAL_REPORT)),
      Map.entry(ProcessKeys.DEATH_CAPITAL + ".checkBeneficiary", List.of(DEATH_CERTIFICATE, BANK_DETAILS, IDENTITY)),
      Map.entry(ProcessKeys.DEATH_CAPITAL + ".clarifyDesignation", List.of(DEATH_CERTIFICATE)),
      Map.entry(ProcessKeys.DEATH_CAPITAL + ".notaryDeed", List.of(NOTARY_DEED, DEATH_CERTIFICATE)),
      Map.entry(ProcessKeys.DEATH_CAPITAL + ".searchBeneficiary", List.of(DEATH_CERTIFICATE)));

  /** The types a step requires for the file to be complete; {@code variant} is the death capital's event. */
  public static List<DocumentType> required(String processKey, String taskKey, Object variant) {
    String step = processKey + "." + taskKey;
    List<DocumentType> plain = REQUIRED.get(step);
    if (plain != null) {
      return plain;
    }
    return variant == null ? List.of() : REQUIRED.getOrDefault(step + "." + variant, List.of());
  }

  /** The types the step's decider reads: those it requires, else those it decides on. */
  public static List<DocumentType> read(String processKey, String taskKey, Object variant) {
    List<DocumentType> required = required(processKey, taskKey, variant);
    return required.isEmpty() ? READ_BY_DECIDER.getOrDefault(processKey + "." + taskKey, List.of()) : required;
  }

  /** The steps of both lists, {@code process.task[.variant]} (for the test against the models). */
  static java.util.Set<String> steps() {
    java.util.Set<String> steps = new java.util.TreeSet<>(REQUIRED.keySet());
    steps.addAll(READ_BY_DECIDER.keySet());
    return steps;
  }

  static java.util.Set<String> completenessSteps() {
    return new java.util.TreeSet<>(REQUIRED.keySet());
  }
}
