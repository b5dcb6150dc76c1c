package fr.misp.backoffice.deathcapital;

import fr.misp.backoffice.rules.deathcapital.BeneficiaryCascade.Relation;
import fr.misp.backoffice.rules.deathcapital.BeneficiaryCascade.UnionType;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator.Event;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator.MemberCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Body of {@code POST /api/death-claims} (PROCESSES.md). */
public record DeathClaimRequest(
    @NotBlank @Size(max = 40) String memberId,
    @NotNull Event event,
    @NotNull LocalDate eventDate,
    @NotNull MemberCategory memberCategory,
    @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal annualContributionBase,
    @NotNull @Size(max = 30) List<@Valid @NotNull Relative> family,
    @NotNull @Valid Designation designation) {

  /**
   * A family member: spouse (with union type), child (dependent or not), parent, or grandchild — the child
   * of a child who died before the member, named in {@code childOf} (representation, RULES §7) — alive or not.
   * A minor child or grandchild names its legal representative (surviving parent or guardian), who receives
   * what is paid to the minor and the letters (RULES §6 and §7 Decisions).
   */
  public record Relative(@NotBlank @Size(max = 200) String name, @NotNull Relation relation, UnionType unionType,
      LocalDate birthDate, @NotNull Boolean alive, Boolean dependent, @Size(max = 200) String childOf,
      @Size(max = 200) String legalRepresentative) {
    public Relative(String name, Relation relation, UnionType unionType, LocalDate birthDate, Boolean alive,
        Boolean dependent) {
      this(name, relation, unionType, birthDate, alive, dependent, null, null);
    }
  }

  /** STANDARD clause, or SPECIFIC with named beneficiaries and their shares (percent). */
  public record Designation(@NotNull Type type, @Size(max = 30) List<@Valid @NotNull Share> beneficiaries) {
    public enum Type { STANDARD, SPECIFIC }
  }

  /** A named beneficiary, the share the member gave (percent), and whether alive (absent: alive). */
  public record Share(String name, @PositiveOrZero @DecimalMax("100") BigDecimal share, Boolean alive) {}
}
