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
import fr.misp.backoffice.payment.PaymentOrders;
import fr.misp.backoffice.platform.engine.ProcessKeys;
import fr.misp.backoffice.platform.security.SystemActions;
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
    return read(FAMILY.get(scope), new TypeReference<>() {});
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
  JavaDelegate computeDeathCapital(Parameters parameters, DeathClaims claims, Payees payees) {
    DeathCapitalCalculator calculator = new DeathCapitalCalculator(parameters);
    return execution -> {
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
        MISSING_PARAMETER.set(execution, unknown.get().message());
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

  /** Whether the member's PTIA claim has ordered a payment (its key is the API's: DC-member-PTIA). */
  static boolean ptiaPaid(Payees payees, String memberId) {
    return payees.of("DC-" + memberId + "-" + Event.PTIA).stream()
        .anyMatch(p -> !"PENDING".equals(p.paymentStatus()));
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

  /** clarifyDesignation: the advisor names the beneficiaries, or judges the designation unusable (standard clause). */
  @Bean
  TaskListener designationClarified() {
    BeneficiaryCascade cascade = new BeneficiaryCascade();
    return task -> {
      if (DESIGNATION_CLEAR.get(task, false)) {
        record(task, cascade.resolve(false, null, parseShares(BENEFICIARIES.get(task), BENEFICIARIES.name()), List.of()));
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

  /** checkBeneficiary shows who is checked: the payee of this instance of the loop. */
  @Bean
  TaskListener showPayee(Payees payees) {
    return task -> {
      Payee payee = payees.at(task.getExecution().getProcessBusinessKey(), ((Number) task.getVariable("loopCounter")).intValue());
      task.setVariableLocal("payeeName", payee.name());
      task.setVariableLocal(PAYEE_AMOUNT.name(), PAYEE_AMOUNT.toEngine(payee.amount()));
      task.setVariableLocal("payeePurpose", "CAPITAL".equals(payee.purpose()) ? "Capital" : "Majoration enfant");
    };
  }

  /** Orders the payment of this payee once: the order key is the claim and the payee. */
  @Bean
  JavaDelegate payBeneficiary(Payees payees, PaymentOrders payments) {
    return execution -> {
      String claim = execution.getProcessBusinessKey();
      int position = ((Number) execution.getVariable("loopCounter")).intValue();
      Payee payee = payees.at(claim, position);
      payments.orderOnce(claim + ":" + position, claim, payee.name(), payee.amount(), "DEATH_" + payee.purpose());
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
          () -> socialAid.openOrphanAllowance(MEMBER_ID.get(execution), agency, child.name(), child.birthDate(), death,
              execution.getProcessBusinessKey(), childIndex));
    }
  }

  static final String ORPHAN_MAX_AGE = "P-AS-ORPHAN-MAX-AGE";
}
