package fr.misp.backoffice.simulation;

import fr.misp.backoffice.rules.autonomy.Beneficiary;
import fr.misp.backoffice.rules.autonomy.TemporaryAutonomyLossCalculator.Condition;
import fr.misp.backoffice.rules.dailyallowance.LeaveType;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator.Event;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator.MemberCategory;
import fr.misp.backoffice.rules.disability.ResourceType;
import fr.misp.backoffice.rules.socialaid.LoanScheduleCalculator.LoanType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Bodies of the simulation API: money in euros with at most 2 decimals, dates ISO. */
public final class SimulationRequests {

  private SimulationRequests() {}

  public record DailyAllowance(
      @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal referenceMonthlyBase,
      @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal grossPaidInMonth,
      @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal netSalaryBeforeStoppage,
      @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal netPaidInMonth,
      LocalDate referenceDate,
      @Schema(description = "Catégorie du membre (R-AJ-1 : actifs seulement) ; absente : actif") MemberCategory memberCategory,
      @Schema(description = "Premier jour de demi-traitement s'il tombe dans le mois calculé (prorata)") LocalDate halfPayFrom) {}

  public record HalfPayDate(@NotNull LeaveType leaveType, @NotNull LocalDate leaveStartDate) {}

  public record Resource(@NotNull ResourceType type,
      @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal annualAmount) {}

  public record Disability(
      @NotNull LocalDate referenceDate,
      @PositiveOrZero @DecimalMax("100") BigDecimal invalidityRate,
      @Min(1) @Max(3) Integer socialSecurityCategory,
      @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal monthlyBaseSalary,
      @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal monthlyBonuses,
      @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal monthlyCostOfLivingBonus,
      @NotNull List<@Valid @NotNull Resource> resources,
      @NotNull Boolean initial,
      LocalDate birthDate,
      @Schema(description = "Catégorie du membre (R-INV-1 : actifs seulement) ; absente : actif") MemberCategory memberCategory) {}

  public record TemporaryAutonomyLoss(
      @NotNull Beneficiary beneficiary, @NotNull LocalDate birthDate, @NotNull Condition condition,
      @NotNull LocalDate stoppageStartDate, LocalDate stoppageEndDate, @Min(0) @Max(4) Integer quartersAlreadyPaid) {}

  public record Dependency(
      @NotNull Beneficiary beneficiary, @NotNull @Min(1) @Max(6) Integer gir, @NotNull LocalDate membershipStartDate,
      @NotNull LocalDate dependencyStartDate, @NotNull @Min(0) @Max(12) Integer homeMonthsLastYear) {}

  public record DeathCapital(
      @NotNull Event event, @NotNull LocalDate eventDate, @NotNull MemberCategory memberCategory,
      @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal annualContributionBase,
      @NotNull @Min(0) @Max(30) Integer dependentChildren) {}

  public record LoanSchedule(
      @NotNull LoanType aidType,
      @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal amount,
      @NotNull @Min(1) Integer durationMonths,
      @NotNull LocalDate disbursementDate) {}
}
