package fr.misp.backoffice.simulation;

import fr.misp.backoffice.platform.security.AllowedGroups;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.rules.autonomy.TemporaryAutonomyLossCalculator;
import fr.misp.backoffice.rules.autonomy.TotalDependencyCalculator;
import fr.misp.backoffice.rules.dailyallowance.DailyAllowanceCalculator;
import fr.misp.backoffice.rules.dailyallowance.HalfPayCalendar;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator.MemberCategory;
import fr.misp.backoffice.rules.disability.DisabilityCalculator;
import fr.misp.backoffice.rules.socialaid.LoanScheduleCalculator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "How much would I get?": advisors, managers and médecins-conseil run the calculators directly.
 * Every answer carries its amounts, the steps that explain them and the warnings.
 */
@RestController
@RequestMapping("/api/simulations")
@AllowedGroups({Groups.ADVISORS, Groups.MANAGERS, Groups.MEDICAL_ADVISERS})
@Tag(name = "Simulations", description = "Calculs de prestations expliqués (RULES.md)")
public class SimulationController {

  private final DailyAllowanceCalculator dailyAllowance;
  private final HalfPayCalendar halfPay;
  private final DisabilityCalculator disability;
  private final TemporaryAutonomyLossCalculator autonomyLoss;
  private final TotalDependencyCalculator dependency;
  private final DeathCapitalCalculator deathCapital;
  private final LoanScheduleCalculator loans;

  public SimulationController(DailyAllowanceCalculator dailyAllowance, HalfPayCalendar halfPay,
      DisabilityCalculator disability, TemporaryAutonomyLossCalculator autonomyLoss, TotalDependencyCalculator dependency,
      DeathCapitalCalculator deathCapital, LoanScheduleCalculator loans) {
    this.dailyAllowance = dailyAllowance;
    this.halfPay = halfPay;
    this.disability = disability;
    this.autonomyLoss = autonomyLoss;
    this.dependency = dependency;
    this.deathCapital = deathCapital;
    this.loans = loans;
  }

  @PostMapping("/daily-allowance")
  @Operation(summary = "Allocation journalière du mois (R-AJ-2..5)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content = @Content(examples = @ExampleObject(name = "Matthieu (guide)", value = """
          {"referenceMonthlyBase": 4431.00, "grossPaidInMonth": 2405.50, "netSalaryBeforeStoppage": 3945.02, "netPaidInMonth": 1972.51}"""))))
  public DailyAllowanceCalculator.Result dailyAllowance(@Valid @RequestBody SimulationRequests.DailyAllowance body) {
    LocalDate day = body.referenceDate() == null ? LocalDate.now() : body.referenceDate();
    return dailyAllowance.calculate(new DailyAllowanceCalculator.Input(body.referenceMonthlyBase(), body.grossPaidInMonth(),
        body.netSalaryBeforeStoppage(), body.netPaidInMonth(), day,
        body.memberCategory() == null || body.memberCategory() == MemberCategory.ACTIVE, body.halfPayFrom()));
  }

  @PostMapping("/half-pay-date")
  @Operation(summary = "Date de passage à demi-traitement et fin des droits (R-AJ-7)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content = @Content(examples = @ExampleObject(name = "CMO", value = """
          {"leaveType": "CMO", "leaveStartDate": "2024-01-15"}"""))))
  public HalfPayCalendar.Result halfPayDate(@Valid @RequestBody SimulationRequests.HalfPayDate body) {
    return halfPay.calculate(body.leaveType(), body.leaveStartDate());
  }

  @PostMapping("/disability")
  @Operation(summary = "Allocation d'invalidité (R-INV-2..10)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content = @Content(examples = @ExampleObject(name = "Pierre (guide)", value = """
          {"referenceDate": "2024-01-01", "invalidityRate": 37, "monthlyBaseSalary": 2140.00, "monthlyBonuses": 600.00,
           "monthlyCostOfLivingBonus": 0, "resources": [{"type": "INVALIDITY_PENSION", "annualAmount": 8123.00}], "initial": true}"""))))
  public DisabilityCalculator.Result disability(@Valid @RequestBody SimulationRequests.Disability body) {
    return disability.calculate(new DisabilityCalculator.Input(body.referenceDate(), body.invalidityRate(),
        body.socialSecurityCategory(), body.monthlyBaseSalary(), body.monthlyBonuses(), body.monthlyCostOfLivingBonus(),
        body.resources().stream().map(r -> new DisabilityCalculator.Resource(r.type(), r.annualAmount())).toList(),
        body.initial(), body.birthDate(),
        body.memberCategory() == null || body.memberCategory() == MemberCategory.ACTIVE));
  }

  @PostMapping("/temporary-autonomy-loss")
  @Operation(summary = "Allocation Perte Temporaire d'Autonomie : éligibilité et trimestres (R-PTA-1, R-PTA-2)",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
          name = "Cancer, arrêt en cours", value = """
          {"beneficiary": "ACTIVE_MEMBER", "birthDate": "1980-01-01", "condition": "CANCER", "stoppageStartDate": "2024-03-01"}"""))))
  public TemporaryAutonomyLossCalculator.Result temporaryAutonomyLoss(
      @Valid @RequestBody SimulationRequests.TemporaryAutonomyLoss body) {
    return autonomyLoss.calculate(new TemporaryAutonomyLossCalculator.Input(body.beneficiary(), body.birthDate(),
        body.condition(), body.stoppageStartDate(), body.stoppageEndDate(),
        body.quartersAlreadyPaid() == null ? 0 : body.quartersAlreadyPaid()));
  }

  @PostMapping("/dependency")
  @Operation(summary = "Rente et forfait dépendance totale (R-DEP-1..3)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content = @Content(examples = @ExampleObject(name = "GIR 1 à domicile", value = """
          {"beneficiary": "RETIRED_MEMBER", "gir": 1, "membershipStartDate": "2015-01-01", "dependencyStartDate": "2024-05-10", "homeMonthsLastYear": 8}"""))))
  public TotalDependencyCalculator.Result dependency(@Valid @RequestBody SimulationRequests.Dependency body) {
    return dependency.calculate(new TotalDependencyCalculator.Input(body.beneficiary(), body.gir(),
        body.membershipStartDate(), body.dependencyStartDate(), body.homeMonthsLastYear()));
  }

  @PostMapping("/death-capital")
  @Operation(summary = "Capital décès ou PTIA et majoration par enfant (R-CAP-1..3)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content = @Content(examples = @ExampleObject(name = "MP actif, deux enfants", value = """
          {"event": "DEATH", "eventDate": "2024-05-10", "memberCategory": "ACTIVE", "annualContributionBase": 40000.00, "dependentChildren": 2}"""))))
  public DeathCapitalCalculator.Result deathCapital(@Valid @RequestBody SimulationRequests.DeathCapital body) {
    return deathCapital.calculate(new DeathCapitalCalculator.Input(body.event(), body.eventDate(), body.memberCategory(),
        body.annualContributionBase(), body.dependentChildren()));
  }

  @PostMapping("/loan-schedule")
  @Operation(summary = "Échéancier d'un prêt social ou d'une avance spéciale (R-AS-2)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content = @Content(examples = @ExampleObject(name = "Prêt social", value = """
          {"aidType": "SOCIAL_LOAN", "amount": 1000.00, "durationMonths": 3, "disbursementDate": "2024-01-31"}"""))))
  public LoanScheduleCalculator.Schedule loanSchedule(@Valid @RequestBody SimulationRequests.LoanSchedule body) {
    return loans.schedule(body.aidType(), body.amount(), body.durationMonths(), body.disbursementDate());
  }
}
