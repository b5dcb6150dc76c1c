package fr.misp.backoffice.letters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.misp.backoffice.letters.FileRecords.AgreementRow;
import fr.misp.backoffice.letters.FileRecords.DeathClaimRow;
import fr.misp.backoffice.letters.FileRecords.MemberRow;
import fr.misp.backoffice.letters.FileRecords.PayeeRow;
import fr.misp.backoffice.letters.FileRecords.PriorApprovalRow;
import fr.misp.backoffice.letters.FileRecords.SocialAidRow;
import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.priorapproval.RequestDeadline;
import fr.misp.backoffice.rules.priorapproval.RequestDeadline.CareType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Chooses the template of a notice and gathers what it says from the file's records: one letter per
 * outcome that concerns a person. Internal notices (reminders to advisors) have no letter: their mail
 * carries the notice's text. A medical refusal says only the non-medical reason the médecin-conseil
 * wrote for the member: the medical notes live in {@code medical_record}, which this class never reads.
 */
@Component
public class LetterComposer {

  /** The appeal route of every letter (parameters.csv, a text parameter). */
  static final String APPEAL_ROUTE = "T-LETTER-APPEAL-ROUTE";

  /** The guide's section of each family of rules (RULES.md headings), named next to a rule in a letter. */
  static final Map<String, String> GUIDE_SECTIONS = Map.of(
      "R-INV", "« Vos garanties Prévoyance », « 2. Allocations d'invalidité »",
      "R-AJ", "« Vos garanties Prévoyance », « 1. Allocations Journalières »",
      "R-CAP", "« 5 & 6. Capital Décès ou Perte Totale et Irréversible d'Autonomie »",
      "R-BEN", "« Comment désigner vos bénéficiaires »",
      "R-AS", "« Vos aides solidaires »",
      "R-PA", "« Comment bénéficier de mes garanties Santé à l'étranger et dans les COM ? »");

  /** A letter ready to render: its template, title, file name and the template's variables. */
  public record Composition(String template, String title, String fileName, Map<String, Object> model) {}

  /** One explained step of a calculation, in a letter's words. */
  public record ExplainedStep(String rule, String section, String label, BigDecimal amount) {}

  private final FileRecords records;
  private final Parameters parameters;
  private final ObjectMapper json;
  private final LetterFormat format = new LetterFormat();

  public LetterComposer(FileRecords records, Parameters parameters, ObjectMapper json) {
    this.records = records;
    this.parameters = parameters;
    this.json = json;
  }

  /** The letter of a notice, or empty when the notice has none (an internal reminder). */
  public Optional<Composition> compose(Notice notice) {
    return switch (notice.baseKind()) {
      case "PRIOR_APPROVAL_AGREEMENT" -> agreement(notice);
      case "PRIOR_APPROVAL_REFUSED" -> priorApprovalRefusal(notice);
      case "PRIOR_APPROVAL_CLOSED" -> priorApprovalClosed(notice);
      case "MISSING_DOCUMENTS_REQUEST", "MISSING_DOCUMENTS_REMINDER", "HCS_REGISTRATION_REQUEST",
          "HCS_REGISTRATION_REMINDER" -> request(notice);
      case "AID_GRANTED", "AID_REFUSED" -> aidDecision(notice);
      case DeathCapitalNotices.KIND -> deathCapital(notice);
      case "PTIA_NOT_RECOGNISED" -> ptiaNotRecognised(notice);
      case "DISABILITY_DECISION", "DISABILITY_YEAR_DECISION", "DISABILITY_RENEWED", "AJ_MONTH" -> prevoyance(notice);
      default -> "member".equals(notice.recipientRole()) || "payee".equals(notice.recipientRole()) ? general(notice)
          : Optional.empty();
    };
  }

  private Optional<Composition> agreement(Notice notice) {
    Optional<PriorApprovalRow> file = records.priorApproval(notice.businessKey());
    Optional<AgreementRow> agreement = records.agreement(notice.businessKey());
    if (file.isEmpty() || agreement.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> model = common(notice, file.get().memberId(), null);
    AgreementRow a = agreement.get();
    model.put("agreement", a);
    model.put("careLabel", careLabel(a.careType()));
    model.put("establishmentName", establishmentName(a.establishmentId()));
    model.put("file", file.get());
    model.put("administratorName", administratorName(file.get().administrator()));
    return Optional.of(new Composition("prior-approval-agreement", "Accord de prise en charge n° " + a.agreementNumber(),
        fileName(notice, "accord-" + a.agreementNumber()), model));
  }

  private Optional<Composition> priorApprovalRefusal(Notice notice) {
    Optional<PriorApprovalRow> found = records.priorApproval(notice.businessKey());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    PriorApprovalRow file = found.get();
    Map<String, Object> model = common(notice, file.memberId(), null);
    model.put("file", file);
    model.put("careLabel", careLabel(file.careType()));
    model.put("establishmentName", establishmentName(file.establishmentId()));
    String reason = file.decisionReason();
    if ("HORS_DELAI".equals(reason)) {
      CareType type = CareType.valueOf(file.careType());
      LocalDate reference = type == CareType.HOSPITALISATION ? file.admissionDate() : file.pregnancyStartDate();
      RequestDeadline.Result result = new RequestDeadline(parameters).check(type, file.receivedDate(), reference);
      model.put("refusal", "LATE");
      model.put("referenceDate", reference);
      model.put("lastOnTimeDate", result.lastOnTimeDate());
      model.put("rule", result.steps().get(0).rule());
      model.put("section", GUIDE_SECTIONS.get("R-PA"));
    } else if ("ETABLISSEMENT_HORS_RESEAU".equals(reason)) {
      LocalDate on = Optional.ofNullable(file.admissionDate()).orElse(file.receivedDate());
      model.put("refusal", "OUT_OF_NETWORK");
      model.put("network", records.networkIn(file.country(), on));
      model.put("section", GUIDE_SECTIONS.get("R-PA"));
    } else {
      // The médecin-conseil's refusal: the reason written for the member, nothing medical.
      model.put("refusal", "MEDICAL");
      model.put("reasonForMember", reason);
    }
    return Optional.of(new Composition("prior-approval-refusal", "Refus de prise en charge",
        fileName(notice, "refus"), model));
  }

  private Optional<Composition> priorApprovalClosed(Notice notice) {
    Optional<PriorApprovalRow> file = records.priorApproval(notice.businessKey());
    if (file.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> model = common(notice, file.get().memberId(), null);
    model.put("file", file.get());
    model.put("careLabel", careLabel(file.get().careType()));
    model.put("closure", file.get().decisionReason());
    return Optional.of(new Composition("prior-approval-closed", "Clôture de votre demande d'accord préalable",
        fileName(notice, "cloture"), model));
  }

  /** A request or a reminder (documents, HCS registration): each round is its own letter. */
  private Optional<Composition> request(Notice notice) {
    Optional<PriorApprovalRow> file = records.priorApproval(notice.businessKey());
    if (file.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> model = common(notice, file.get().memberId(), null);
    boolean hcs = notice.baseKind().startsWith("HCS_");
    boolean reminder = notice.baseKind().endsWith("_REMINDER");
    model.put("file", file.get());
    model.put("careLabel", careLabel(file.get().careType()));
    model.put("hcs", hcs);
    model.put("reminder", reminder);
    model.put("body", notice.message());
    String subject = hcs ? "enregistrement auprès de Health Case Services" : "pièces manquantes";
    String title = (reminder ? "Relance : " : "Demande : ") + subject
        + (notice.roundNumber() > 1 ? " (" + notice.roundNumber() + "e envoi)" : "");
    return Optional.of(new Composition("prior-approval-request", title,
        fileName(notice, (hcs ? "hcs-" : "pieces-") + (reminder ? "relance" : "demande")), model));
  }

  private Optional<Composition> aidDecision(Notice notice) {
    Optional<SocialAidRow> found = records.socialAid(notice.businessKey());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    SocialAidRow file = found.get();
    Map<String, Object> model = common(notice, file.memberId(), file.agencyCode());
    boolean granted = "AID_GRANTED".equals(notice.baseKind());
    boolean orphan = "ORPHAN_ALLOWANCE".equals(file.aidType());
    model.put("file", file);
    model.put("granted", granted);
    model.put("orphan", orphan);
    model.put("aidLabel", aidLabel(file.aidType()));
    model.put("schedule", granted ? records.instalments(file.businessKey()) : List.of());
    model.put("scheduleTotal", records.instalments(file.businessKey()).stream().map(FileRecords.InstalmentRow::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add));
    model.put("section", GUIDE_SECTIONS.get("R-AS"));
    model.put("loanReference", granted ? records.loanReference(file.businessKey()).orElse(null) : null);
    if (orphan) {
      // RULES §6 Decision: written to the orphan when of age, else to the legal representative (the
      // notice's recipient, chosen by the step); the file names the deceased member.
      String addressee = "payee".equals(notice.recipientRole()) ? notice.recipientId()
          : Optional.ofNullable(file.legalRepresentative()).orElse(file.beneficiaryName());
      model.put("addressee", addressee);
      model.put("onBehalfOf", file.beneficiaryName() != null && !file.beneficiaryName().equals(addressee)
          ? file.beneficiaryName() : null);
      records.deathClaim(orphanClaimKey(file.businessKey())).ifPresent(c -> model.put("claim", c));
    }
    String title = (orphan ? "Allocation orphelin : " : "Aide sociale : ") + (granted ? "décision d'attribution"
        : "décision de refus");
    return Optional.of(new Composition("social-aid-decision", title, fileName(notice, granted ? "attribution" : "refus"),
        model));
  }

  private Optional<Composition> deathCapital(Notice notice) {
    Optional<DeathClaimRow> claim = records.deathClaim(notice.businessKey());
    Optional<PayeeRow> payee = claim.flatMap(c -> records.payee(c.businessKey(), notice.kindNumber()));
    if (payee.isEmpty()) {
      return Optional.empty();
    }
    DeathClaimRow c = claim.get();
    Map<String, Object> model = common(notice, c.memberId(), null);
    // A minor or protected payee's letter goes to the legal representative paid for them (RULES §7).
    model.put("addressee", Optional.ofNullable(payee.get().legalRepresentative()).orElse(payee.get().name()));
    model.put("onBehalfOf", payee.get().legalRepresentative() != null ? payee.get().name() : null);
    model.put("claim", c);
    model.put("payee", payee.get());
    model.put("ptia", "PTIA".equals(c.event()));
    model.put("rankLabel", rankLabel(payee.get().beneficiaryRank()));
    model.put("steps", steps(c.capitalExplanation()));
    model.put("total", Optional.ofNullable(c.capitalAmount()).orElse(BigDecimal.ZERO)
        .add(Optional.ofNullable(c.majorationAmount()).orElse(BigDecimal.ZERO)));
    model.put("section", GUIDE_SECTIONS.get("R-CAP"));
    model.put("beneficiariesSection", GUIDE_SECTIONS.get("R-BEN"));
    String title = ("PTIA".equals(c.event()) ? "Capital PTIA" : "Capital décès") + " : notification de vos droits";
    return Optional.of(new Composition("death-capital-notice", title, fileName(notice, "capital-" + payee.get().position()),
        model));
  }

  /** Titles of the notices to a person that have no template of their own (their words are the step's). */
  static final Map<String, String> GENERAL_TITLES = Map.of(
      "LOAN_ARREARS_REMINDER", "Prêt social ou avance : échéance impayée");

  /**
   * Any other notice to a member or a payee still becomes a letter: the step's words, with the
   * reference, the agency and the appeal route.
   */
  private Optional<Composition> general(Notice notice) {
    Optional<String> memberId = "member".equals(notice.recipientRole()) ? Optional.of(notice.recipientId())
        : records.memberOf(notice.businessKey());
    if (memberId.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> model = common(notice, memberId.get(), records.agencyOf(notice.businessKey()).orElse(null));
    model.put("body", notice.message());
    String title = GENERAL_TITLES.getOrDefault(notice.baseKind(), "Information sur votre dossier")
        + (notice.roundNumber() > 1 ? " (" + notice.roundNumber() + "e envoi)" : "");
    return Optional.of(new Composition("notice", title, fileName(notice, "avis"), model));
  }

  static final Map<String, String> PREVOYANCE_TITLES = Map.of(
      "DISABILITY_DECISION", "Allocation d'invalidité : décision",
      "DISABILITY_YEAR_DECISION", "Allocation d'invalidité : votre allocation de l'année",
      "DISABILITY_RENEWED", "Allocation d'invalidité : renouvellement au 1er janvier",
      "AJ_MONTH", "Allocations journalières : votre allocation du mois");

  /**
   * A Prévoyance decision: the step's words and the calculation of its amount, rule by rule, from the records —
   * the invalidity year the notice is about (the first year for the decision, the round's year after), or the
   * month of daily allowances its kind names.
   */
  private Optional<Composition> prevoyance(Notice notice) {
    Optional<String> memberId = records.memberOf(notice.businessKey());
    if (memberId.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> model = common(notice, memberId.get(), records.agencyOf(notice.businessKey()).orElse(null));
    model.put("body", notice.message());
    String explanation = switch (notice.baseKind()) {
      case "DISABILITY_DECISION" -> records.disabilityExplanation(notice.businessKey(), null).orElse(null);
      case "AJ_MONTH" -> records.dailyAllowanceExplanation(notice.businessKey(),
          notice.kind().substring(notice.kind().indexOf('#') + 1)).orElse(null);
      default -> records.disabilityExplanation(notice.businessKey(), notice.roundNumber()).orElse(null);
    };
    model.put("steps", steps(explanation));
    return Optional.of(new Composition("prevoyance-notice", PREVOYANCE_TITLES.get(notice.baseKind()),
        fileName(notice, "prevoyance"), model));
  }

  /** The médecin-conseil did not recognise a PTIA: the notice's words, with the reason written for the member. */
  private Optional<Composition> ptiaNotRecognised(Notice notice) {
    Optional<DeathClaimRow> claim = records.deathClaim(notice.businessKey());
    if (claim.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> model = common(notice, claim.get().memberId(), null);
    model.put("claim", claim.get());
    model.put("body", notice.message());
    model.put("section", GUIDE_SECTIONS.get("R-CAP"));
    return Optional.of(new Composition("ptia-not-recognised", "Perte totale et irréversible d'autonomie : décision",
        fileName(notice, "ptia"), model));
  }

  /** The calculator's steps kept on the claim, each with its rule and the guide's section, in French. */
  List<ExplainedStep> steps(String explanation) {
    List<ExplainedStep> steps = new ArrayList<>();
    if (explanation == null) {
      return steps;
    }
    try {
      for (JsonNode step : json.readTree(explanation).path("steps")) {
        String rule = step.path("rule").asText();
        String family = rule.lastIndexOf('-') > 1 ? rule.substring(0, rule.lastIndexOf('-')) : rule;
        steps.add(new ExplainedStep(rule, GUIDE_SECTIONS.getOrDefault(family, ""), format.text(step.path("label").asText()),
            step.hasNonNull("amount") ? new BigDecimal(step.get("amount").asText()) : null));
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("The claim's explanation is not readable", e);
    }
    return steps;
  }

  /** What every letter has: date, reference, addressee, agency, appeal route. */
  private Map<String, Object> common(Notice notice, String memberId, String agencyCode) {
    Map<String, Object> model = new HashMap<>();
    Optional<MemberRow> member = records.member(memberId);
    LocalDate date = notice.createdAt().toLocalDate();
    model.put("fmt", format);
    model.put("date", date);
    model.put("reference", notice.businessKey());
    model.put("member", member.orElse(null));
    model.put("memberName", member.map(MemberRow::name).orElse("l'adhérent"));
    model.put("agency", agencyCode != null ? agencyCode : member.map(MemberRow::agencyCode).orElse(null));
    model.put("round", notice.roundNumber());
    String role = notice.recipientRole();
    model.put("copyTo", "administrator".equals(role) ? administratorName(notice.recipientId()) : null);
    model.put("addressee", "administrator".equals(role) ? administratorName(notice.recipientId())
        : "payee".equals(role) ? notice.recipientId() : member.map(MemberRow::name).orElse(""));
    model.put("onBehalfOf", null);
    model.put("appeal", parameters.text(APPEAL_ROUTE, date).map(Parameters.Text::text)
        .orElseThrow(() -> new IllegalStateException(APPEAL_ROUTE + " has no text in force")));
    return model;
  }

  private String establishmentName(String id) {
    return records.establishment(id).map(e -> e.name() + " (" + e.city() + ")").orElse(id);
  }

  private static String fileName(Notice notice, String what) {
    String safe = (notice.businessKey() + "-" + what).replaceAll("[^A-Za-z0-9._-]", "_");
    return safe + (notice.roundNumber() > 1 ? "-" + notice.roundNumber() : "") + ".pdf";
  }

  static String careLabel(String careType) {
    return "MATERNITE".equals(careType) ? "maternité" : "hospitalisation";
  }

  static String administratorName(String code) {
    return "HCS".equals(code) ? "Health Case Services (HCS)" : "IMA".equals(code) ? "IMA" : code;
  }

  static String aidLabel(String aidType) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("GRANT", "aide non remboursable");
    labels.put("SOCIAL_LOAN", "prêt social");
    labels.put("SPECIAL_ADVANCE", "avance spéciale");
    labels.put("HOME_HELP", "aide ménagère");
    labels.put("DISABILITY_ALLOWANCE", "allocation handicap");
    labels.put("CARER_ALLOWANCE", "allocation d'aidant");
    labels.put("ORPHAN_ALLOWANCE", "allocation orphelin");
    return labels.getOrDefault(aidType, aidType);
  }

  static String rankLabel(String rank) {
    return switch (rank) {
      case "MEMBER" -> "le membre participant lui-même (PTIA)";
      case "DESIGNATED" -> "bénéficiaire désigné (désignation particulière)";
      case "SPOUSE" -> "conjoint (clause type, 1er rang)";
      case "CHILDREN" -> "enfant (clause type, 2e rang, ou enfant à charge pour la majoration)";
      case "PARENTS" -> "ascendant (clause type, 3e rang)";
      case "HEIRS" -> "héritier (clause type, 4e rang, selon l'acte de notoriété)";
      default -> rank;
    };
  }

  /** {@code SA-ORPHAN-<claim>-<n>} → the claim's business key. */
  static String orphanClaimKey(String businessKey) {
    String rest = businessKey.startsWith("SA-ORPHAN-") ? businessKey.substring("SA-ORPHAN-".length()) : businessKey;
    int last = rest.lastIndexOf('-');
    return last < 0 ? rest : rest.substring(0, last);
  }
}
