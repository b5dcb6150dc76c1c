package fr.misp.backoffice.deathcapital;

import static fr.misp.backoffice.deathcapital.DeathClaimVariables.*;
import static fr.misp.backoffice.platform.engine.Variables.amount;
import static fr.misp.backoffice.platform.engine.Variables.date;
import static fr.misp.backoffice.platform.engine.Variables.flag;
import static fr.misp.backoffice.platform.engine.Variables.string;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.misp.backoffice.deathcapital.DeathClaimRequest.Designation;
import fr.misp.backoffice.deathcapital.DeathClaimRequest.Relative;
import fr.misp.backoffice.deathcapital.Payees.Payee;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.notification.Notifications;
import fr.misp.backoffice.payment.BankDetails;
import fr.misp.backoffice.payment.PaymentOrders;
import fr.misp.backoffice.platform.engine.FrenchText;
import fr.misp.backoffice.platform.engine.ProcessKeys;
import fr.misp.backoffice.platform.engine.ProcessVariable;
import fr.misp.backoffice.platform.security.SystemActions;
import fr.misp.backoffice.priorapproval.MedicalRecords;
import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.RuleViolation;
import fr.misp.backoffice.socialaid.SocialAidService;
import fr.misp.backoffice.rules.deathcapital.BeneficiaryCascade;
import fr.misp.backoffice.rules.deathcapital.BeneficiaryCascade.Designated;
import fr.misp.backoffice.rules.deathcapital.BeneficiaryCascade.FamilyMember;
import fr.misp.backoffice.rules.deathcapital.BeneficiaryCascade.Rank;
import fr.misp.backoffice.rules.deathcapital.BeneficiaryCascade.Relation;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator.Event;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator.MemberCategory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of death-capital.bpmn: small delegates over the calculators and the ports. */
@Configuration
public class DeathClaimSteps {

  /** A beneficiary as kept in the process (JSON). */
  public record Resolved(String name, Rank rank, BigDecimal share, LocalDate birthDate) {}

  private final ObjectMapper json;

  public DeathClaimSteps(ObjectMapper json) {
    this.json = json;
  }

  List<Relative> family(VariableScope scope) {
    String family = FAMILY.get(scope);
    return family == null ? List.of() : read(family, new TypeReference<>() {});
  }

  <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (Exception e) {
      throw new IllegalStateException("Unreadable claim data", e);
    }
  }

  String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<FamilyMember> members(List<Relative> family) {
    return family.stream().map(r -> new FamilyMember(r.name(), r.relation(), r.unionType(), r.birthDate(),
        Boolean.TRUE.equals(r.alive()), Boolean.TRUE.equals(r.dependent()), r.childOf())).toList();
  }

  /** R-CAP-1..3: capital and majoration at the event date; the explanation is kept with the claim. */
  @Bean
  JavaDelegate computeDeathCapital(Parameters parameters, DeathClaims claims, Payees payees,
      fr.misp.backoffice.member.MemberBenefits benefits) {
    DeathCapitalCalculator calculator = new DeathCapitalCalculator(parameters);
    return execution -> {
      if (EVENT.get(execution) == Event.DEATH) {
        // The member's death ends every open benefit on the day of death (no payment for a later period).
        benefits.died(MEMBER_ID.get(execution), EVENT_DATE.get(execution));
      }
      int dependentChildren = (int) family(execution).stream()
          .filter(r -> r.relation() == Relation.CHILD && Boolean.TRUE.equals(r.alive()) && Boolean.TRUE.equals(r.dependent()))
          .count();
      DeathCapitalCalculator.Result result;
      try {
        result = calculator.calculate(new DeathCapitalCalculator.Input(
            EVENT.get(execution), EVENT_DATE.get(execution),
            MEMBER_CATEGORY.get(execution), CONTRIBUTION_BASE.get(execution), dependentChildren));
      } catch (RuleViolation violation) {
        // RULES §1: a date before the first known value of a parameter is a modelled path to a manager
        // (the value is to be added, with its source), never a technical incident.
        Optional<RuleViolation.Problem> unknown = violation.problems().stream()
            .filter(p -> "no_parameter_in_force".equals(p.code())).findFirst();
        if (unknown.isEmpty()) {
          throw violation;
        }
        MISSING_PARAMETER.set(execution, FrenchText.label(unknown.get().message())); // shown to a manager: French dates
        throw new BpmnError(DeathCapitalElements.NO_PARAMETER_IN_FORCE, unknown.get().messageEn());
      }
      // RULES §6 Decision "Capital décès ou PTIA": one capital per member; a PTIA paid uses up the cover.
      if (EVENT.get(execution) == Event.DEATH && ptiaPaid(payees, MEMBER_ID.get(execution))) {
        String explanation = write(Map.of("steps", List.of(fr.misp.backoffice.rules.Step.of("R-CAP-3",
            "Capital et majoration déjà versés au titre de la PTIA du membre : un seul capital par membre "
                + "(« Capital Décès ou PTIA »)", BigDecimal.ZERO)), "warnings", List.of()));
        claims.computed(execution.getProcessBusinessKey(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, explanation);
        return;
      }
      // The amounts and their explanation go on the claim's record, where the payments read them.
      String explanation = write(Map.of("steps", result.steps(), "warnings", result.warnings()));
      claims.computed(execution.getProcessBusinessKey(), result.capitalAmount(), result.majorationPerChild(),
          result.majorationAmount(), explanation);
    };
  }

  /** Whether the member's PTIA claim has ordered (or set aside) a payment (its key is the API's: DC-member-PTIA). */
  static boolean ptiaPaid(Payees payees, String memberId) {
    return payees.of("DC-" + memberId + "-" + Event.PTIA).stream()
        .anyMatch(p -> Payees.PAYMENT_ORDERED.equals(p.paymentStatus()) || Payees.SET_ASIDE.equals(p.paymentStatus()));
  }

  /**
   * assessPtia (RULES §6 Decision): the médecin-conseil recognises the PTIA or not; a refusal carries a
   * reason for the member that is not medical. The medical grounds go to the medical record, readable by
   * médecins-conseil only, and never stay in the process (nor in its history: MedicalSecrecy).
   */
  @Bean
  TaskListener ptiaAssessed(MedicalRecords records, fr.misp.backoffice.member.MemberBenefits benefits) {
    return task -> {
      DeathClaimChoices.PtiaDecision decision = PTIA_DECISION.submitted(task);
      if (decision == null) {
        throw new BadUserRequestException("Décision requise : PTIA reconnue ou non reconnue / ptiaDecision is required");
      }
      if (decision == DeathClaimChoices.PtiaDecision.NOT_RECOGNISED && blank(PTIA_REFUSAL_REASON.get(task))) {
        throw new BadUserRequestException("Un motif communiqué au membre (non médical) est requis / "
            + "ptiaRefusalReason is required when the PTIA is not recognised");
      }
      if (decision == DeathClaimChoices.PtiaDecision.RECOGNISED) {
        // R-AJ-6: a PTIA ends the daily allowances on its date.
        benefits.end(MEMBER_ID.get(task), EVENT_DATE.get(task), "PTIA",
            java.util.Set.of(fr.misp.backoffice.member.MemberBenefits.DAILY_ALLOWANCE));
      }
      String notes = MEDICAL_NOTES.get(task);
      if (!blank(notes)) {
        String author = fr.misp.backoffice.platform.engine.EngineContext.actor();
        records.add(task.getExecution().getProcessBusinessKey(), author, notes);
      }
      task.removeVariable(MEDICAL_NOTES.name());
      task.getExecution().removeVariable(MEDICAL_NOTES.name());
    };
  }

  /** A PTIA not recognised: the claim ends without capital, and the member is told why (non-medical reason). */
  @Bean
  JavaDelegate ptiaNotRecognised(DeathClaims claims, Notifications notifications) {
    return execution -> {
      claims.decided(execution.getProcessBusinessKey(), "PTIA_NOT_RECOGNISED");
      notifications.notifyOnce(execution.getProcessBusinessKey(), "PTIA_NOT_RECOGNISED", "member:" + MEMBER_ID.get(execution),
          "Votre demande de capital au titre de la perte totale et irréversible d'autonomie n'a pas été reconnue par le "
              + "médecin-conseil. Motif : " + PTIA_REFUSAL_REASON.get(execution));
    };
  }

  static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  static LocalDate today() {
    return fr.misp.backoffice.platform.engine.EngineContext.today();
  }

  /** R-BEN-1 / R-BEN-2: PTIA → the member; a clear specific designation; else the cascade. */
  @Bean
  JavaDelegate resolveBeneficiaries() {
    BeneficiaryCascade cascade = new BeneficiaryCascade();
    return execution -> {
      Designation designation = read(DESIGNATION.get(execution), new TypeReference<>() {});
      List<Designated> specific = designation.type() == Designation.Type.SPECIFIC
          ? (designation.beneficiaries() == null ? List.of()
              : designation.beneficiaries().stream().map(s -> new Designated(s.name(), s.share(), !Boolean.FALSE.equals(s.alive()))).toList())
          : null;
      record(execution, cascade.resolve(EVENT.get(execution) == Event.PTIA, MEMBER_NAME.get(execution), specific,
          members(family(execution))));
    };
  }

  private void record(VariableScope scope, BeneficiaryCascade.Resolution resolution) {
    RESOLUTION.set(scope, resolution.outcome());
    BENEFICIARIES_JSON.set(scope, write(resolution.beneficiaries().stream()
        .map(b -> new Resolved(b.name(), b.rank(), b.share(), b.birthDate())).toList()));
  }

  /** "Nom ; part" lines, shares in percent adding up to 100. */
  static List<Designated> parseShares(String text, String field) {
    List<Designated> shares = new ArrayList<>();
    if (text != null) {
      for (String line : text.split("\\R")) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(";");
        try {
          shares.add(new Designated(cells[0].trim(), new BigDecimal(cells[1].trim().replace(',', '.').replace("%", ""))));
        } catch (RuntimeException e) {
          throw new BadUserRequestException("Ligne illisible « " + line + " » : attendu « Nom ; part en % » (" + field + ")");
        }
      }
    }
    BeneficiaryCascade.designationProblem(shares).ifPresent(problem -> {
      throw new BadUserRequestException("Bénéficiaires à corriger : " + problem + " (" + field + ")");
    });
    return shares;
  }

  /**
   * clarifyDesignation: the advisor names the beneficiaries, or judges the designation unusable (standard
   * clause) — a choice made explicitly, never by a box left unticked.
   */
  @Bean
  TaskListener designationClarified() {
    BeneficiaryCascade cascade = new BeneficiaryCascade();
    return task -> {
      Boolean clear = DESIGNATION_CLEAR.answered(task);
      if (clear == null) {
        throw new BadUserRequestException("Choisissez : désignation clarifiée (bénéficiaires indiqués), ou désignation "
            + "inutilisable (clause type) / designationClear is required");
      }
      DESIGNATION_CLEAR.set(task.getExecution(), clear);
      if (clear) {
        record(task, cascade.resolve(false, null, parseShares(BENEFICIARIES.get(task), BENEFICIARIES.name()), List.of()));
      } else if (!blank(BENEFICIARIES.get(task))) {
        // Names typed under "unusable" would be dropped without a word: the advisor says which is meant.
        throw new BadUserRequestException("Des bénéficiaires sont indiqués : choisissez « Désignation clarifiée », ou "
            + "effacez-les pour appliquer la clause type (beneficiaries) / beneficiaries are given with an unusable designation");
      } else {
        record(task, cascade.resolve(false, null, null, members(family(task))));
      }
    };
  }

  /** notaryDeed: the heirs and their shares, from the notary's deed of heirship (R-BEN-2 rank 4). */
  @Bean
  TaskListener notaryDeedRecorded() {
    return task -> {
      List<Designated> heirs = parseShares(HEIRS.get(task), HEIRS.name());
      RESOLUTION.set(task, BeneficiaryCascade.Outcome.RESOLVED);
      BENEFICIARIES_JSON.set(task, write(heirs.stream().map(h -> new Resolved(h.name(), Rank.HEIRS,
          h.sharePercent().divide(BigDecimal.valueOf(100), 12, RoundingMode.UNNECESSARY), null)).toList()));
    };
  }

  /** Reminds the advisor every 30 days that the notary's deed is awaited (one notification per reminder). */
  @Bean
  JavaDelegate remindNotaryDeed(Notifications notifications) {
    return execution -> {
      int count = NOTARY_REMINDERS.get(execution, 0) + 1;
      NOTARY_REMINDERS.set(execution, count);
      notifications.notifyOnce(execution.getProcessBusinessKey(), "NOTARY_DEED_REMINDER#" + count, "agency:advisors",
          "Dossier " + execution.getProcessBusinessKey() + " : l'acte de notoriété du notaire est toujours attendu.");
    };
  }

  /** Capital split by shares (remainder to the first), majoration to dependent children or to the member (PTIA). */
  @Bean
  JavaDelegate preparePayments(Payees payees, DeathClaims claims, MemberDirectory members, SocialAidService socialAid,
      Parameters parameters) {
    return execution -> {
      List<Resolved> beneficiaries = read(BENEFICIARIES_JSON.get(execution), new TypeReference<>() {});
      DeathClaims.Claim claim = claims.byBusinessKey(execution.getProcessBusinessKey()).orElseThrow(() ->
          new IllegalStateException("A claim being paid has its record"));
      BigDecimal capital = claim.capitalAmount();
      List<BigDecimal> parts = BeneficiaryCascade.split(capital, beneficiaries.stream().map(Resolved::share).toList());
      List<Payee> rows = new ArrayList<>();
      for (int i = 0; i < beneficiaries.size(); i++) {
        Resolved b = beneficiaries.get(i);
        if (parts.get(i).signum() > 0) {
          rows.add(new Payee(rows.size(), b.name(), b.rank().name(), "CAPITAL", b.share(), parts.get(i), b.birthDate(), "PENDING"));
        }
      }
      BigDecimal perChild = claim.majorationPerChild();
      BigDecimal majoration = claim.majorationAmount();
      if (majoration.signum() > 0) {
        if (EVENT.get(execution) == Event.PTIA) {
          rows.add(new Payee(rows.size(), MEMBER_NAME.get(execution), Rank.MEMBER.name(), "MAJORATION", BigDecimal.ONE,
              majoration, null, "PENDING"));
        } else {
          for (Relative child : family(execution)) {
            if (child.relation() == Relation.CHILD && Boolean.TRUE.equals(child.alive()) && Boolean.TRUE.equals(child.dependent())) {
              rows.add(new Payee(rows.size(), child.name(), Rank.CHILDREN.name(), "MAJORATION", BigDecimal.ONE, perChild,
                  child.birthDate(), "PENDING"));
            }
          }
        }
      }
      payees.replace(execution.getProcessBusinessKey(), rows);
      PAYEE_COUNT.set(execution, payees.of(execution.getProcessBusinessKey()).size());
      openOrphanRequests(execution, members, socialAid, parameters);
    };
  }

  /**
   * The execution of this payee's instance of the loop (it holds its loopCounter): it lives as long as the
   * payee's checks, whereas a task with a reminder timer runs in a scope of its own that ends with it.
   */
  static DelegateExecution payeeScope(DelegateExecution execution) {
    org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution scope =
        (org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution) execution;
    while (scope != null && !scope.hasVariableLocal("loopCounter")) {
      scope = scope.getParent();
    }
    if (scope == null) {
      throw new IllegalStateException("A payee's task runs inside the payee loop");
    }
    return scope;
  }

  static int position(VariableScope scope) {
    return ((Number) scope.getVariable("loopCounter")).intValue();
  }

  /** Whether a payee is a minor on {@code day} (the one rule: AllowancePayees); unknown birth: not known as minor. */
  static boolean minor(Payee payee, LocalDate day, fr.misp.backoffice.socialaid.AllowancePayees allowancePayees) {
    return payee.birthDate() != null && allowancePayees.minor(payee.birthDate(), day);
  }

  /**
   * The tasks of the payee loop show who is concerned: the payee of this instance of the loop, whether a
   * minor today, and the legal representative recorded on the file (prefilled, the advisor confirms it).
   */
  @Bean
  TaskListener showPayee(Payees payees, fr.misp.backoffice.socialaid.AllowancePayees allowancePayees, DeathClaims claims) {
    return task -> {
      Payee payee = payees.at(task.getExecution().getProcessBusinessKey(), position(task));
      task.setVariableLocal("payeeName", payee.name());
      task.setVariableLocal(PAYEE_AMOUNT.name(), PAYEE_AMOUNT.toEngine(payee.amount()));
      task.setVariableLocal("payeePurpose", "CAPITAL".equals(payee.purpose()) ? "Capital" : "Majoration enfant");
      task.setVariableLocal(PAYEE_MINOR.name(), minor(payee, today(), allowancePayees));
      task.setVariableLocal(FILE_SUMMARY, payeeSummary(claims.byBusinessKey(task.getExecution().getProcessBusinessKey())
          .orElse(null), payee));
      String representative = payee.legalRepresentative() != null ? payee.legalRepresentative()
          : family(task).stream().filter(r -> r.name().equals(payee.name()) && r.legalRepresentative() != null)
              .map(Relative::legalRepresentative).findFirst().orElse(null);
      // The payees are checked side by side: what a person submits on this task lands on this payee's own
      // scope (declared here, fresh on each round), never on a variable another payee's task shares.
      DelegateExecution scope = payeeScope(task.getExecution());
      for (ProcessVariable<?> choice : List.of(BENEFICIARY_CHECK, PROTECTED_ADULT, IBAN, BIC, SEARCH_OUTCOME,
          UNFOUND_SHARE_DECISION, UNFOUND_SHARE_MOTIVATION)) {
        scope.setVariableLocal(choice.name(), null);
      }
      if (!scope.hasVariableLocal(SEARCH_NOTES.name())) {
        scope.setVariableLocal(SEARCH_NOTES.name(), null);
      }
      scope.setVariableLocal(LEGAL_REPRESENTATIVE.name(), representative);
    };
  }

  /**
   * checkBeneficiary (RULES §7 Decisions): verified — a minor or a protected adult is paid through the
   * legal representative, who must be named; not found — the share is set aside while a search runs.
   * Nothing unticked sends the file anywhere: a decision is required.
   */
  @Bean
  TaskListener beneficiaryChecked(Payees payees, fr.misp.backoffice.socialaid.AllowancePayees allowancePayees) {
    return task -> {
      DeathClaimChoices.BeneficiaryCheck check = BENEFICIARY_CHECK.submitted(task);
      if (check == null) {
        throw new BadUserRequestException("Choisissez : bénéficiaire vérifié, ou introuvable / beneficiaryCheck is required");
      }
      String claim = task.getExecution().getProcessBusinessKey();
      int position = position(task);
      if (check == DeathClaimChoices.BeneficiaryCheck.NOT_FOUND) {
        payees.status(claim, position, Payees.SEARCHING);
        return;
      }
      Payee payee = payees.at(claim, position);
      // The account the payment goes to (the representative's for a minor or a protected adult).
      BankDetails account = BankDetails.of(IBAN.get(task), BIC.get(task)).orElseThrow(() -> new BadUserRequestException(
          "IBAN (ou BIC) invalide ou manquant : saisissez celui du RIB vérifié / iban is missing or not a valid IBAN"));
      String author = fr.misp.backoffice.platform.engine.EngineContext.actor();
      payees.bankDetails(claim, position, account, author);
      boolean represented = minor(payee, today(), allowancePayees) || PROTECTED_ADULT.get(task, false);
      String representative = LEGAL_REPRESENTATIVE.get(task);
      if (represented && blank(representative)) {
        throw new BadUserRequestException("Bénéficiaire mineur ou majeur protégé : indiquez son représentant légal, qui "
            + "recevra le paiement / legalRepresentative is required for a minor or a protected adult");
      }
      payees.representedBy(claim, position, represented ? representative.strip() : null);
      payees.status(claim, position, Payees.PENDING);
    };
  }

  /** searchBeneficiary: found again → checked anew; still not found → a manager decides. */
  @Bean
  TaskListener searchOutcomeRecorded(Payees payees) {
    return task -> {
      if (SEARCH_OUTCOME.submitted(task) == null) {
        throw new BadUserRequestException("Choisissez : bénéficiaire retrouvé, ou toujours introuvable / searchOutcome is required");
      }
    };
  }

  /** decideUnfoundShare: search again, or set the share aside with a motivation (never paid to someone else). */
  @Bean
  TaskListener unfoundShareDecided(Payees payees) {
    return task -> {
      DeathClaimChoices.UnfoundShareDecision decision = UNFOUND_SHARE_DECISION.submitted(task);
      if (decision == null) {
        throw new BadUserRequestException("Décision requise : poursuivre la recherche ou mettre la part de côté / "
            + "unfoundShareDecision is required");
      }
      if (decision == DeathClaimChoices.UnfoundShareDecision.SET_ASIDE) {
        if (blank(UNFOUND_SHARE_MOTIVATION.get(task))) {
          throw new BadUserRequestException("Une motivation est requise pour mettre la part de côté / "
              + "unfoundShareMotivation is required");
        }
        payees.status(task.getExecution().getProcessBusinessKey(), position(task), Payees.SET_ASIDE);
      }
    };
  }

  /** Reminds the advisor, every P-BENEFICIARY-SEARCH-REMINDER-DAYS, that a beneficiary is still searched for. */
  @Bean
  JavaDelegate remindBeneficiarySearch(Notifications notifications, Payees payees) {
    return execution -> {
      Payee payee = payees.at(execution.getProcessBusinessKey(), position(execution));
      notifications.notifyNextRound(execution.getProcessBusinessKey(), "BENEFICIARY_SEARCH_REMINDER#" + payee.position(),
          "agency:advisors", "Dossier " + execution.getProcessBusinessKey() + " : le bénéficiaire " + payee.name()
              + " est toujours recherché ; sa part reste mise de côté.");
    };
  }

  /**
   * Orders the payment of this payee once: the order key is the claim and the payee. A minor or a protected
   * adult is paid through the legal representative recorded at checkBeneficiary (RULES §7 Decision).
   */
  @Bean
  JavaDelegate payBeneficiary(Payees payees, PaymentOrders payments) {
    return execution -> {
      String claim = execution.getProcessBusinessKey();
      int position = position(execution);
      Payee payee = payees.at(claim, position);
      boolean represented = payee.legalRepresentative() != null;
      payments.orderOnce(new PaymentOrders.NewOrder(claim + ":" + position, claim,
          represented ? payee.legalRepresentative() : payee.name(), payee.amount(), "DEATH_" + payee.purpose(),
          represented ? payee.name() : null, payees.verifiedBy(claim, position),
          BankDetails.of(payees.iban(claim, position), payees.bic(claim, position)).orElse(null)));
      payees.markPaid(claim, position);
    };
  }

  /**
   * R-CAP-4 (RULES §6 Decision): each child aged P-AS-ORPHAN-MAX-AGE or less at the date of death gets
   * an orphan allowance request, opened as soon as the beneficiaries are resolved — never held back by
   * a payment — and assessed at the date of death. Opened by the back office itself; once per child
   * (a retried step finds the request already open).
   */
  void openOrphanRequests(DelegateExecution execution, MemberDirectory members, SocialAidService socialAid,
      Parameters parameters) {
    if (EVENT.get(execution) != Event.DEATH) {
      return;
    }
    LocalDate death = EVENT_DATE.get(execution);
    int maxAge = parameters.require(ORPHAN_MAX_AGE, death, "eventDate").value().intValue();
    String agency = members.find(MEMBER_ID.get(execution)).map(m -> m.agencyCode()).orElse("INCONNUE");
    int index = 0;
    for (Relative child : family(execution)) {
      if (child.relation() != Relation.CHILD || !Boolean.TRUE.equals(child.alive()) || child.birthDate() == null
          || Period.between(child.birthDate(), death).getYears() > maxAge) {
        continue;
      }
      int childIndex = index++;
      SystemActions.asSystem(execution.getProcessEngineServices().getIdentityService(),
          () -> socialAid.openOrphanAllowance(MEMBER_ID.get(execution), agency, child.name(), child.birthDate(),
              child.legalRepresentative(), death, execution.getProcessBusinessKey(), childIndex));
    }
  }

  static final String FILE_SUMMARY = "fileSummary";
  static final Map<String, String> RANKS = Map.of("MEMBER", "le membre (PTIA)", "DESIGNATED", "désignation particulière",
      "SPOUSE", "conjoint (rang 1)", "CHILDREN", "enfant (rang 2)", "PARENTS", "ascendant (rang 3)", "HEIRS",
      "héritier (rang 4, acte de notoriété)");

  /**
   * What the advisor checks a payee against (issue 13): the amount and its calculation step by step, as the
   * calculator explained it (rule and amount of each step, its warnings), and this payee's part.
   */
  String payeeSummary(DeathClaims.Claim claim, Payee payee) {
    List<String> lines = new ArrayList<>();
    lines.add("Bénéficiaire : " + payee.name() + " — " + RANKS.getOrDefault(payee.rank(), payee.rank())
        + ("CAPITAL".equals(payee.purpose()) ? " — part " + payee.share().multiply(BigDecimal.valueOf(100))
            .setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString().replace('.', ',') + " % du capital"
            : " — majoration pour enfant à charge") + " : " + FrenchText.euros(payee.amount()));
    if (claim != null && claim.capitalExplanation() != null) {
      Map<String, Object> explanation = read(claim.capitalExplanation(), new TypeReference<>() {});
      lines.add("Calcul du dossier :");
      Object steps = explanation.get("steps");
      if (steps instanceof List<?> list) {
        for (Object step : list) {
          if (step instanceof Map<?, ?> m) {
            Object amount = m.get("amount");
            lines.add("• " + FrenchText.label(String.valueOf(m.get("label"))) + (amount == null ? "" : " : "
                + FrenchText.euros(new BigDecimal(amount.toString())))
                + " (" + m.get("rule") + ")");
          }
        }
      }
      Object warnings = explanation.get("warnings");
      if (warnings instanceof List<?> list && !list.isEmpty()) {
        lines.add("Avertissements : " + String.join(" ; ", list.stream().map(w -> FrenchText.label(fr.misp.backoffice.platform.web.BusinessRefusal.french(String.valueOf(w)))).toList()));
      }
    }
    return FrenchText.summary(lines);
  }

  static final Map<BeneficiaryCascade.UnionType, String> UNIONS = Map.of(BeneficiaryCascade.UnionType.MARRIAGE,
      "mariage", BeneficiaryCascade.UnionType.PACS, "PACS", BeneficiaryCascade.UnionType.CONCUBINAGE, "concubinage",
      BeneficiaryCascade.UnionType.LEGALLY_SEPARATED, "séparé(e) de corps");
  static final Map<Relation, String> RELATIONS = Map.of(Relation.SPOUSE, "conjoint", Relation.CHILD, "enfant",
      Relation.PARENT, "ascendant", Relation.GRANDCHILD, "petit-enfant");

  /** recordEvent shows the family the claim declares (issue 13), to check it against the documents. */
  @Bean
  TaskListener eventShown() {
    return task -> task.setVariableLocal(FILE_SUMMARY, FrenchText.summary(eventAndFamily(task)));
  }

  /**
   * clarifyDesignation shows the designation as the member wrote it, in words (name, share, alive), beside
   * the event and the family: what the advisor clarifies.
   */
  @Bean
  TaskListener designationShown() {
    return task -> {
      List<String> lines = eventAndFamily(task);
      Designation designation = read(DESIGNATION.get(task), new TypeReference<>() {});
      List<DeathClaimRequest.Share> shares = designation.beneficiaries() == null ? List.of() : designation.beneficiaries();
      lines.add(shares.isEmpty() ? "Désignation particulière : aucun bénéficiaire nommé" : "Désignation particulière :");
      for (DeathClaimRequest.Share share : shares) {
        lines.add("• " + (share.name() == null || share.name().isBlank() ? "(nom absent)" : share.name()) + " — "
            + (share.share() == null ? "part non indiquée" : share.share().stripTrailingZeros().toPlainString().replace('.', ',') + " %")
            + (Boolean.FALSE.equals(share.alive()) ? ", décédé(e)" : ""));
      }
      task.setVariableLocal(FILE_SUMMARY, FrenchText.summary(lines));
    };
  }

  private List<String> eventAndFamily(DelegateTask task) {
    List<String> lines = new ArrayList<>();
    lines.add("Membre : " + (MEMBER_NAME.get(task) == null ? MEMBER_ID.get(task) : MEMBER_NAME.get(task)) + " — "
        + (EVENT.get(task) == Event.PTIA ? "PTIA" : "décès") + " le " + FrenchText.date(EVENT_DATE.get(task)));
    List<Relative> family = family(task);
    lines.add(family.isEmpty() ? "Famille déclarée : personne" : "Famille déclarée :");
    for (Relative r : family) {
      lines.add("• " + r.name() + " — " + RELATIONS.get(r.relation())
          + (r.unionType() == null ? "" : " (" + UNIONS.get(r.unionType()) + ")")
          + (r.birthDate() == null ? "" : ", né(e) le " + FrenchText.date(r.birthDate()))
          + (Boolean.TRUE.equals(r.alive()) ? "" : ", décédé(e)")
          + (Boolean.TRUE.equals(r.dependent()) ? ", à charge" : "")
          + (r.childOf() == null ? "" : ", enfant de " + r.childOf())
          + (r.legalRepresentative() == null ? "" : ", représentant légal : " + r.legalRepresentative()));
    }
    return lines;
  }

  static final String ORPHAN_MAX_AGE = "P-AS-ORPHAN-MAX-AGE";
}
