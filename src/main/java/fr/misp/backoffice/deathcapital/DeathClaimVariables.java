package fr.misp.backoffice.deathcapital;

import static fr.misp.backoffice.platform.engine.ProcessVariable.choice;
import static fr.misp.backoffice.platform.engine.ProcessVariable.count;
import static fr.misp.backoffice.platform.engine.ProcessVariable.date;
import static fr.misp.backoffice.platform.engine.ProcessVariable.flag;
import static fr.misp.backoffice.platform.engine.ProcessVariable.money;
import static fr.misp.backoffice.platform.engine.ProcessVariable.text;

import fr.misp.backoffice.platform.engine.ProcessVariable;
import fr.misp.backoffice.rules.deathcapital.BeneficiaryCascade;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator.Event;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator.MemberCategory;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The variables of {@code deathCapital}, each declared once with its type. The claim's record, its
 * amounts with their explanation and its payees live in {@link DeathClaims} and {@link Payees}.
 */
public final class DeathClaimVariables {

  public static final ProcessVariable<String> MEMBER_ID = text("memberId");
  public static final ProcessVariable<String> MEMBER_NAME = text("memberName");
  public static final ProcessVariable<Event> EVENT = choice("event", Event.class);
  public static final ProcessVariable<LocalDate> EVENT_DATE = date("eventDate");
  public static final ProcessVariable<MemberCategory> MEMBER_CATEGORY = choice("memberCategory", MemberCategory.class);
  public static final ProcessVariable<BigDecimal> CONTRIBUTION_BASE = money("annualContributionBase");
  /** The family as JSON: [{name, relation, unionType, birthDate, alive, dependent}]. */
  public static final ProcessVariable<String> FAMILY = text("familyJson");
  /** The designation as JSON: {type, beneficiaries: [{name, share}]}. */
  public static final ProcessVariable<String> DESIGNATION = text("designationJson");
  public static final ProcessVariable<Boolean> DOCUMENTS_COMPLETE = flag("documentsComplete");
  public static final ProcessVariable<BeneficiaryCascade.Outcome> RESOLUTION =
      choice("resolutionOutcome", BeneficiaryCascade.Outcome.class);
  /** Resolved beneficiaries as JSON: [{name, rank, share, birthDate}], until their payees are recorded. */
  public static final ProcessVariable<String> BENEFICIARIES_JSON = text("beneficiariesJson");
  public static final ProcessVariable<Integer> PAYEE_COUNT = count("payeeCount");
  public static final ProcessVariable<Integer> NOTARY_REMINDERS = count("notaryReminders");
  /** checkBeneficiary shows the amount of the payee it checks (a task-local copy of the payee's row). */
  public static final ProcessVariable<BigDecimal> PAYEE_AMOUNT = money("payeeAmount");
  // Forms (PROCESSES.md task contracts)
  public static final ProcessVariable<Boolean> DESIGNATION_CLEAR = flag("designationClear");
  /** clarifyDesignation: one line per beneficiary, "Nom ; part en %". */
  public static final ProcessVariable<String> BENEFICIARIES = text("beneficiaries");
  /** notaryDeed: one line per heir, "Nom ; part en %". */
  public static final ProcessVariable<String> HEIRS = text("heirs");
  public static final ProcessVariable<DeathClaimChoices.BeneficiaryCheck> BENEFICIARY_CHECK =
      choice("beneficiaryCheck", DeathClaimChoices.BeneficiaryCheck.class);
  /** checkBeneficiary: the verified account (RIB) the payment goes to, validated (iban4j) on completion. */
  public static final ProcessVariable<String> IBAN = text("iban");
  public static final ProcessVariable<String> BIC = text("bic");
  /** checkBeneficiary: an adult under guardianship or curatorship, paid through the representative. */
  public static final ProcessVariable<Boolean> PROTECTED_ADULT = flag("protectedAdult");
  /** checkBeneficiary: the legal representative who receives the payment (prefilled from the file). */
  public static final ProcessVariable<String> LEGAL_REPRESENTATIVE = text("legalRepresentative");
  /** checkBeneficiary shows whether the payee is a minor on the day of the check. */
  public static final ProcessVariable<Boolean> PAYEE_MINOR = flag("payeeMinor");
  /** assessPtia: the médecin-conseil's decision; its medical grounds never stay in the process. */
  public static final ProcessVariable<DeathClaimChoices.PtiaDecision> PTIA_DECISION =
      choice("ptiaDecision", DeathClaimChoices.PtiaDecision.class);
  /** assessPtia: the medical grounds, moved to the medical record on completion (medical secrecy). */
  public static final ProcessVariable<String> MEDICAL_NOTES = text("medicalNotes");
  /** assessPtia: the reason told to the member when not recognised — never medical. */
  public static final ProcessVariable<String> PTIA_REFUSAL_REASON = text("ptiaRefusalReason");
  public static final ProcessVariable<DeathClaimChoices.SearchOutcome> SEARCH_OUTCOME =
      choice("searchOutcome", DeathClaimChoices.SearchOutcome.class);
  /** searchBeneficiary: what was tried (letters, registers), shown to the manager if the search fails. */
  public static final ProcessVariable<String> SEARCH_NOTES = text("searchNotes");
  public static final ProcessVariable<DeathClaimChoices.UnfoundShareDecision> UNFOUND_SHARE_DECISION =
      choice("unfoundShareDecision", DeathClaimChoices.UnfoundShareDecision.class);
  public static final ProcessVariable<String> UNFOUND_SHARE_MOTIVATION = text("unfoundShareMotivation");
  /** addMissingParameter: which parameter has no value at the event date (shown to the manager). */
  public static final ProcessVariable<String> MISSING_PARAMETER = text("missingParameter");
  /** addMissingParameter: the manager confirms the value was added, with its source. */
  public static final ProcessVariable<Boolean> PARAMETER_ADDED = flag("parameterAdded");

  private DeathClaimVariables() {}
}
