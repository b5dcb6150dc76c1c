package fr.misp.backoffice.socialaid;

import fr.misp.backoffice.rules.socialaid.SocialAidRules.AidType;
import fr.misp.backoffice.rules.socialaid.SocialAidRules.CarerRelation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Body of {@code POST /api/social-aid-requests} (PROCESSES.md). */
public record SocialAidRequest(
    @NotBlank @Size(max = 40) @Schema(example = "M-ES-001") String memberId,
    @NotBlank @Size(max = 20) @Schema(example = "AG-075") String agencyCode,
    @NotNull @Schema(example = "HIGH_HEALTH_COSTS") Situation situation,
    @NotNull @Schema(example = "SOCIAL_LOAN") AidType aidType,
    @NotNull @Positive @Digits(integer = 9, fraction = 2) @Schema(example = "1500.00") BigDecimal requestedAmount,
    @Min(1) @Max(48) @Schema(example = "12") Integer durationMonths,
    @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal monthlyResources,
    @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal monthlyCharges,
    @NotNull @Min(1) @Max(20) Integer householdSize,
    @Min(0) @Max(19) Integer childrenUnder14,
    CarerRelation carerRelation,
    @Min(1) @Max(6) Integer carerGir,
    LocalDate orphanBirthDate,
    @Size(max = 200) @Schema(example = "Tom Petit") String orphanName,
    @Size(max = 200) @Schema(example = "Anne Petit") String legalRepresentative) {

  public SocialAidRequest(String memberId, String agencyCode, Situation situation, AidType aidType,
      BigDecimal requestedAmount, Integer durationMonths, BigDecimal monthlyResources, BigDecimal monthlyCharges,
      Integer householdSize, Integer childrenUnder14, CarerRelation carerRelation, Integer carerGir,
      LocalDate orphanBirthDate) {
    this(memberId, agencyCode, situation, aidType, requestedAmount, durationMonths, monthlyResources, monthlyCharges,
        householdSize, childrenUnder14, carerRelation, carerGir, orphanBirthDate, null, null);
  }

  /** R-AS-1: the situations the Action Sociale answers. */
  public enum Situation { HIGH_HEALTH_COSTS, FAMILY_EVENT, LATE_INCOME, EQUIPMENT_OR_HOME_ADAPTATION }
}
