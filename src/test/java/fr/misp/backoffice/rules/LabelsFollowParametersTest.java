package fr.misp.backoffice.rules;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.rules.autonomy.Beneficiary;
import fr.misp.backoffice.rules.autonomy.TemporaryAutonomyLossCalculator;
import fr.misp.backoffice.rules.autonomy.TemporaryAutonomyLossCalculator.Condition;
import fr.misp.backoffice.rules.dailyallowance.DailyAllowanceCalculator;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator.Event;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator.MemberCategory;
import fr.misp.backoffice.rules.disability.DisabilityCalculator;
import fr.misp.backoffice.rules.disability.DisabilityCalculator.Resource;
import fr.misp.backoffice.rules.disability.ResourceType;
import fr.misp.backoffice.rules.priorapproval.RequestDeadline;
import fr.misp.backoffice.rules.priorapproval.RequestDeadline.CareType;
import fr.misp.backoffice.rules.socialaid.LoanScheduleCalculator;
import fr.misp.backoffice.rules.socialaid.LoanScheduleCalculator.LoanType;
import fr.misp.backoffice.rules.socialaid.SocialAidRules;
import fr.misp.backoffice.rules.socialaid.SocialAidRules.AidType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A new value of a parameter changes the amount and the explanation together: no label repeats a
 * number of the guide by hand. Each case adds a later value and computes the day before and the day of.
 */
class LabelsFollowParametersTest {

  private static final LocalDate CHANGE = LocalDate.of(2025, 1, 1);
  private static final LocalDate BEFORE = CHANGE.minusDays(1);

  private static Parameters with(String id, String value) {
    return Parameters.standard().with(id, CHANGE, new BigDecimal(value), "test: a later value");
  }

  private static String labelOf(List<Step> steps, String rule, String start) {
    return steps.stream().filter(s -> s.rule().equals(rule) && s.label().startsWith(start)).map(Step::label)
        .findFirst().orElseThrow(() -> new AssertionError("no " + rule + " step starting with " + start + " in " + steps));
  }

  /** R-AJ-3 on the guide's Matthieu: 77 % until the change, 80 % from it. */
  @Test
  void dailyAllowanceGuaranteeRate() {
    DailyAllowanceCalculator calculator = new DailyAllowanceCalculator(with(DailyAllowanceCalculator.GUARANTEE_RATE, "0.80"));
    DailyAllowanceCalculator.Result before = calculator.calculate(new DailyAllowanceCalculator.Input(new BigDecimal("4431"),
        new BigDecimal("2405.50"), new BigDecimal("3945.02"), new BigDecimal("1972.51"), BEFORE));
    DailyAllowanceCalculator.Result after = calculator.calculate(new DailyAllowanceCalculator.Input(new BigDecimal("4431"),
        new BigDecimal("2405.50"), new BigDecimal("3945.02"), new BigDecimal("1972.51"), CHANGE));

    assertThat(before.guarantee()).isEqualByComparingTo("3411.87");
    assertThat(before.monthlyAllowance()).isEqualByComparingTo("1006.37");
    assertThat(before.steps()).extracting(Step::label).contains("Garantie : 77 % de l'assiette de référence");
    assertThat(after.guarantee()).isEqualByComparingTo("3544.80");
    assertThat(after.monthlyAllowance()).isEqualByComparingTo("1139.30");
    assertThat(after.steps()).extracting(Step::label).contains("Garantie : 80 % de l'assiette de référence")
        .noneMatch(label -> label.contains("77 %"));
  }

  /** R-INV-6 and R-INV-4: a new annual cap and a new IPP share, in the amounts and in the words. */
  @Test
  void disabilityCapAndIppShare() {
    Parameters parameters = with(DisabilityCalculator.ANNUAL_CAP, "22500")
        .with(DisabilityCalculator.IPP_SHARE, CHANGE, new BigDecimal("0.75"), "test: a later value");
    DisabilityCalculator calculator = new DisabilityCalculator(parameters);

    // Chantal (IPT) without resources: 2 800 × 70 % × 12 = 23 520 €, over either cap.
    DisabilityCalculator.Result before = calculator.calculate(ipt(BEFORE));
    DisabilityCalculator.Result after = calculator.calculate(ipt(CHANGE));
    assertThat(before.annualBenefit()).isEqualByComparingTo("20000.00");
    assertThat(labelOf(before.steps(), "R-INV-6", "Plafond")).isEqualTo("Plafond annuel de l'allocation temporaire : 20 000 €");
    assertThat(after.annualBenefit()).isEqualByComparingTo("22500.00");
    assertThat(after.monthlyBenefit()).isEqualByComparingTo("1875.00");
    assertThat(labelOf(after.steps(), "R-INV-6", "Plafond")).isEqualTo("Plafond annuel de l'allocation temporaire : 22 500 €");

    // Pierre (IPP): 2/3 of 20 672,40 € before, 3/4 after.
    DisabilityCalculator.Result pierre = calculator.calculate(ipp(BEFORE));
    DisabilityCalculator.Result pierreAfter = calculator.calculate(ipp(CHANGE));
    assertThat(pierre.annualGuarantee()).isEqualByComparingTo("13781.60");
    assertThat(labelOf(pierre.steps(), "R-INV-4", "Garantie IPP")).isEqualTo("Garantie IPP : 2/3 de la garantie IPT");
    assertThat(pierreAfter.annualGuarantee()).isEqualByComparingTo("15504.30");
    assertThat(labelOf(pierreAfter.steps(), "R-INV-4", "Garantie IPP")).isEqualTo("Garantie IPP : 3/4 de la garantie IPT");
  }

  private static DisabilityCalculator.Input ipt(LocalDate day) {
    return new DisabilityCalculator.Input(day, null, 2, new BigDecimal("2500"), new BigDecimal("300"), BigDecimal.ZERO,
        List.of(), false, null);
  }

  private static DisabilityCalculator.Input ipp(LocalDate day) {
    return new DisabilityCalculator.Input(day, new BigDecimal("37"), null, new BigDecimal("2140"), new BigDecimal("600"),
        BigDecimal.ZERO, List.of(new Resource(ResourceType.INVALIDITY_PENSION, new BigDecimal("8123"))), true, null);
  }

  /** R-CAP-1: the active member's rate is the one in force at the event. */
  @Test
  void deathCapitalActiveRate() {
    DeathCapitalCalculator calculator = new DeathCapitalCalculator(with(DeathCapitalCalculator.ACTIVE_RATE, "0.90"));
    DeathCapitalCalculator.Result before = calculator.calculate(new DeathCapitalCalculator.Input(Event.DEATH, BEFORE,
        MemberCategory.ACTIVE, new BigDecimal("40000"), 0));
    DeathCapitalCalculator.Result after = calculator.calculate(new DeathCapitalCalculator.Input(Event.DEATH, CHANGE,
        MemberCategory.ACTIVE, new BigDecimal("40000"), 0));
    assertThat(before.capitalAmount()).isEqualByComparingTo("34000.00");
    assertThat(labelOf(before.steps(), "R-CAP-1", "MP actif")).isEqualTo("MP actif : 85 % de l'assiette");
    assertThat(after.capitalAmount()).isEqualByComparingTo("36000.00");
    assertThat(labelOf(after.steps(), "R-CAP-1", "MP actif")).isEqualTo("MP actif : 90 % de l'assiette");
  }

  /** R-PTA-2: the quarterly amount in force on the first day of the stoppage. */
  @Test
  void temporaryAutonomyLossQuarterlyAmount() {
    TemporaryAutonomyLossCalculator calculator = new TemporaryAutonomyLossCalculator(
        with(TemporaryAutonomyLossCalculator.QUARTERLY_AMOUNT, "450"));
    TemporaryAutonomyLossCalculator.Result before = calculator.calculate(new TemporaryAutonomyLossCalculator.Input(
        Beneficiary.ACTIVE_MEMBER, LocalDate.of(1980, 1, 1), Condition.CANCER, BEFORE, BEFORE.plusYears(2), 0));
    TemporaryAutonomyLossCalculator.Result after = calculator.calculate(new TemporaryAutonomyLossCalculator.Input(
        Beneficiary.ACTIVE_MEMBER, LocalDate.of(1980, 1, 1), Condition.CANCER, CHANGE, CHANGE.plusYears(2), 0));
    assertThat(before.totalAmount()).isEqualByComparingTo("1600.00");
    assertThat(labelOf(before.steps(), "R-PTA-2", "Total")).isEqualTo("Total : 400 € × 4 trimestre(s), 4 au plus");
    assertThat(after.totalAmount()).isEqualByComparingTo("1800.00");
    assertThat(labelOf(after.steps(), "R-PTA-2", "Total")).isEqualTo("Total : 450 € × 4 trimestre(s), 4 au plus");
  }

  /** R-PA-1: the delay in force on the day the request is received decides, and the explanation says which. */
  @Test
  void priorApprovalDelay() {
    RequestDeadline deadline = new RequestDeadline(with(RequestDeadline.HOSPITALISATION_DAYS_BEFORE, "15"));
    RequestDeadline.Result before = deadline.check(CareType.HOSPITALISATION, BEFORE, BEFORE.plusDays(12));
    RequestDeadline.Result after = deadline.check(CareType.HOSPITALISATION, CHANGE, CHANGE.plusDays(12));
    assertThat(before.onTime()).isTrue();
    assertThat(before.steps().get(0).label()).contains("(10 au moins)");
    assertThat(after.onTime()).isFalse();
    assertThat(after.lastOnTimeDate()).isEqualTo(CHANGE.plusDays(12).minusDays(15));
    assertThat(after.steps().get(0).label()).contains("(15 au moins)");
  }

  /** R-AS-2: the limits text the commission reads, the check the server makes and the schedule agree at every date. */
  @Test
  void socialLoanLimits() {
    Parameters parameters = with(LoanType.SOCIAL_LOAN.maxAmountId(), "8000");
    LoanScheduleCalculator loans = new LoanScheduleCalculator(parameters);
    SocialAidRules rules = new SocialAidRules(parameters);

    assertThat(loans.limitsInForce(BEFORE)).startsWith("montant du prêt social ≤ 6 000 € sur ≤ 48 mois ; ");
    assertThat(loans.check(LoanType.SOCIAL_LOAN, new BigDecimal("7000"), 12, BEFORE))
        .singleElement().satisfies(p -> assertThat(p.message()).isEqualTo("Montant supérieur au plafond du prêt social (6 000 €)"));
    assertThat(rules.decisionProblems(AidType.SOCIAL_LOAN, new BigDecimal("7000"), 12, BEFORE)).hasSize(1);

    assertThat(loans.limitsInForce(CHANGE)).startsWith("montant du prêt social ≤ 8 000 € sur ≤ 48 mois ; ");
    assertThat(loans.check(LoanType.SOCIAL_LOAN, new BigDecimal("7000"), 12, CHANGE)).isEmpty();
    assertThat(rules.decisionProblems(AidType.SOCIAL_LOAN, new BigDecimal("7000"), 12, CHANGE)).isEmpty();
    assertThat(loans.schedule(LoanType.SOCIAL_LOAN, new BigDecimal("7000"), 12, CHANGE).total()).isEqualByComparingTo("7000.00");
  }

  /** R-CAP-4: the orphan age limit, in the decision and in the reason given. */
  @Test
  void orphanAgeLimit() {
    SocialAidRules rules = new SocialAidRules(with(SocialAidRules.ORPHAN_MAX_AGE, "30"));
    LocalDate born = LocalDate.of(1994, 6, 1); // 30 at both dates
    SocialAidRules.Eligibility before = rules.check(new SocialAidRules.Request(AidType.ORPHAN_ALLOWANCE, null, null, null,
        null, born, BEFORE));
    SocialAidRules.Eligibility after = rules.check(new SocialAidRules.Request(AidType.ORPHAN_ALLOWANCE, null, null, null,
        null, born, CHANGE));
    assertThat(before.eligible()).isFalse();
    assertThat(before.reasons()).singleElement().asString().startsWith("L'allocation orphelin est servie jusqu'à 29 ans inclus");
    assertThat(after.eligible()).isTrue();
  }
}
