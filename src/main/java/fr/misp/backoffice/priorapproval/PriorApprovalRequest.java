package fr.misp.backoffice.priorapproval;

import fr.misp.backoffice.rules.priorapproval.RequestDeadline.CareType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Body of {@code POST /api/prior-approvals} (PROCESSES.md). */
public record PriorApprovalRequest(
    @NotBlank @Size(max = 40) @Schema(example = "M-ES-001") String memberId,
    @NotNull @Schema(example = "HOSPITALISATION") CareType type,
    @NotBlank @Pattern(regexp = "[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?") @Schema(example = "ES") String countryOfResidence,
    @NotNull @Schema(example = "2026-12-01") LocalDate receivedDate,
    @Schema(example = "2026-12-15") LocalDate plannedAdmissionDate,
    LocalDate pregnancyStartDate,
    @NotBlank @Size(max = 40) @Schema(example = "ES-MAD-01") String establishmentId,
    @PositiveOrZero @Digits(integer = 9, fraction = 2) @Schema(example = "4200.00") BigDecimal quoteAmount,
    @Pattern(regexp = fr.misp.backoffice.rules.ExchangeRate.CURRENCY_CODE) @Schema(example = "EUR") String quoteCurrency) {}
