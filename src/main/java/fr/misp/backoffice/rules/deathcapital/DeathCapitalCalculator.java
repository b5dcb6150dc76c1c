package fr.misp.backoffice.rules.deathcapital;

import fr.misp.backoffice.rules.Explanation;
import fr.misp.backoffice.rules.FrenchFormat;
import fr.misp.backoffice.rules.Money;
import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.Parameters.Parameter;
import fr.misp.backoffice.rules.Step;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Capital décès or PTIA and the child majoration (guide: "5 & 6. Capital Décès ou PTIA", R-CAP-1..3). */
public final class DeathCapitalCalculator {

  /** Parameter id, R-CAP-1: an active member's capital is this rate (85 %) of the contribution base of the year before. */
  public static final String ACTIVE_RATE = "P-CAP-ACTIVE-RATE";
  /** Parameter id, R-CAP-2: the majoration is this rate (25 %) of the annual gross salary of index P-INM-CHILD. */
  public static final String MAJORATION_RATE = "P-CAP-MAJORATION-RATE";

  public enum Event { DEATH, PTIA }

  public enum MemberCategory { ACTIVE, RETIRED, MAINTAINED_CTA, ASSOCIATE, SPOUSE_BENEFICIARY }

  /**
   * @param annualContributionBase contribution base of the year before the event (used for ACTIVE)
   * @param dependentChildren number of dependent children at the event
   */
  public record Input(Event event, LocalDate eventDate, MemberCategory memberCategory,
      BigDecimal annualContributionBase, int dependentChildren) {}

  /**
   * Each child receives its own majoration, so {@code majorationPerChild} is the rounded unit and
   * {@code majorationAmount} is that unit × the number of children.
   */
  public record Result(BigDecimal capitalAmount, BigDecimal majorationPerChild, BigDecimal majorationAmount,
      BigDecimal totalAmount, List<Step> steps, List<String> warnings) {}

  private final Parameters parameters;

  public DeathCapitalCalculator(Parameters parameters) {
    this.parameters = parameters;
  }

  /** Parameters at the reference date: the date of the event (death or PTIA). */
  public Result calculate(Input in) {
    Explanation why = new Explanation();
    why.note("R-CAP-3", in.event() == Event.PTIA
        ? "PTIA : capital et majorations versés au membre participant lui-même"
        : "Décès : capital aux bénéficiaires désignés, majorations aux enfants à charge");
    BigDecimal capital = capital(in, why);
    BigDecimal perChild = Money.ZERO;
    if (grantsMajoration(in.memberCategory())) {
      Parameter inm = parameters.require(Parameters.INM_CHILD, in.eventDate(), "eventDate");
      Parameter point = parameters.require(Parameters.POINT_100, in.eventDate(), "eventDate");
      BigDecimal rate = parameters.value(MAJORATION_RATE, in.eventDate(), "eventDate");
      perChild = Money.cents(inm.value().multiply(point.value()).divide(BigDecimal.valueOf(100), Money.EXACT)
          .multiply(rate));
      why.step("R-CAP-2", "Majoration par enfant à charge : " + FrenchFormat.percent(rate)
          + " du traitement annuel brut de l'indice " + inm.value().toPlainString() + " (" + inm.value().toPlainString()
          + " × " + point.value().toPlainString()
          + " € / 100 ; valeur du point au " + point.since() + ", " + point.source() + ")", perChild);
    } else if (in.dependentChildren() > 0) {
      why.note("R-CAP-2", "Pas de majoration pour enfant dans cette catégorie de membre");
    }
    BigDecimal majoration = perChild.multiply(BigDecimal.valueOf(in.dependentChildren()));
    if (in.dependentChildren() > 0 && grantsMajoration(in.memberCategory())) {
      why.step("R-CAP-2", in.dependentChildren() + " enfant(s) à charge × " + perChild + " €", majoration);
    }
    BigDecimal total = capital.add(majoration);
    why.step("R-CAP-1", "Total : capital + majorations", total);
    return new Result(capital, perChild, Money.cents(majoration), Money.cents(total), why.steps(), why.warnings());
  }

  /** Decision (RULES.md R-CAP-2): the detailed page grants the majoration to actif, retraité and CTA alike. */
  static boolean grantsMajoration(MemberCategory category) {
    return category == MemberCategory.ACTIVE || category == MemberCategory.RETIRED
        || category == MemberCategory.MAINTAINED_CTA;
  }

  private BigDecimal capital(Input in, Explanation why) {
    switch (in.memberCategory()) {
      case ACTIVE -> {
        BigDecimal base = in.annualContributionBase();
        why.step("R-CAP-1", "Assiette de cotisations de l'année précédant l'événement", base);
        Optional<Parameter> ceiling = parameters.at(Parameters.ASSIETTE_PLAFOND, in.eventDate());
        if (ceiling.isPresent()) {
          if (base.compareTo(ceiling.get().value()) > 0) {
            base = ceiling.get().value();
            why.step("R-CAP-1", "Assiette plafonnée (" + ceiling.get().source() + ")", base);
          }
        } else {
          why.warn("P-ASSIETTE-PLAFOND n'est pas configuré (Règlement MISP, absent du guide) : l'assiette n'a pas été "
              + "plafonnée / P-ASSIETTE-PLAFOND is not configured: the base was not capped");
        }
        BigDecimal rate = parameters.value(ACTIVE_RATE, in.eventDate(), "eventDate");
        BigDecimal capital = Money.cents(base.multiply(rate));
        why.step("R-CAP-1", "MP actif : " + FrenchFormat.percent(rate) + " de l'assiette", capital);
        return capital;
      }
      case MAINTAINED_CTA -> {
        Parameter forfait = parameters.require(Parameters.FORFAIT_CTA, in.eventDate(), "eventDate");
        why.step("R-CAP-1", "MP maintenu CTA : forfait (" + forfait.source() + ")", forfait.value());
        return Money.cents(forfait.value());
      }
      case RETIRED -> {
        Parameter forfait = parameters.require(Parameters.FORFAIT_RETRAITE, in.eventDate(), "eventDate");
        why.step("R-CAP-1", "MP retraité : forfait (" + forfait.source() + ")", forfait.value());
        return Money.cents(forfait.value());
      }
      default -> {
        why.step("R-CAP-1", "MP associé ou bénéficiaire conjoint : pas de capital", BigDecimal.ZERO);
        return Money.ZERO;
      }
    }
  }
}
