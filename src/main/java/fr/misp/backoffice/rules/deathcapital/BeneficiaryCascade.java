package fr.misp.backoffice.rules.deathcapital;

import fr.misp.backoffice.rules.Explanation;
import fr.misp.backoffice.rules.Step;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who receives the death capital (guide: "L'instant pédagogique — Comment désigner vos bénéficiaires",
 * R-BEN-1, R-BEN-2), written rank by rank as the guide lists them. A beneficiary who died before the
 * member is skipped, the others of the rank share again, an empty rank passes to the next (Decision).
 */
public final class BeneficiaryCascade {

  public enum Rank { MEMBER, DESIGNATED, SPOUSE, CHILDREN, PARENTS, HEIRS }

  /** GRANDCHILD: a child of a child who died before the member, named by {@code childOf} (representation). */
  public enum Relation { SPOUSE, CHILD, PARENT, GRANDCHILD }

  /** The union with the member; a legally separated spouse is not a "conjoint" (RULES §7 Decision). */
  public enum UnionType { MARRIAGE, PACS, CONCUBINAGE, LEGALLY_SEPARATED }

  public enum Outcome { RESOLVED, NEEDS_CLARIFICATION, NEEDS_NOTARY_DEED }

  /** {@code childOf}: for a grandchild, the name of the member's child it descends from; else null. */
  public record FamilyMember(String name, Relation relation, UnionType unionType, LocalDate birthDate, boolean alive,
      boolean dependent, String childOf) {
    public FamilyMember(String name, Relation relation, UnionType unionType, LocalDate birthDate, boolean alive,
        boolean dependent) {
      this(name, relation, unionType, birthDate, alive, dependent, null);
    }
  }

  /** A beneficiary named by a specific designation, with the share the member gave and whether alive. */
  public record Designated(String name, BigDecimal sharePercent, boolean alive) {
    public Designated(String name, BigDecimal sharePercent) {
      this(name, sharePercent, true);
    }
  }

  /** A beneficiary and its share of the capital, as a fraction of 1. */
  public record Beneficiary(String name, Rank rank, BigDecimal share, LocalDate birthDate) {}

  public record Resolution(Outcome outcome, List<Beneficiary> beneficiaries, List<Step> steps) {}

  private static final BigDecimal HUNDRED = new BigDecimal("100");

  /**
   * @param ptia true for a total irreversible loss of autonomy: the member receives everything (R-CAP-3)
   * @param specific the specific designation, or null under the standard clause
   */
  public Resolution resolve(boolean ptia, String memberName, List<Designated> specific, List<FamilyMember> family) {
    Explanation why = new Explanation();
    if (ptia) {
      why.note("R-CAP-3", "PTIA : le capital est versé au membre participant lui-même");
      return new Resolution(Outcome.RESOLVED, List.of(new Beneficiary(memberName, Rank.MEMBER, BigDecimal.ONE, null)), why.steps());
    }
    if (specific != null) {
      if (!specific.isEmpty() && specific.stream().noneMatch(Designated::alive)) {
        // RULES §7 Decision: nobody named is alive — the standard clause applies.
        specific.forEach(d -> why.note("R-BEN-1", d.name() + ", désigné(e), est décédé(e) avant le membre : écarté(e)"));
        why.note("R-BEN-1", "Aucun bénéficiaire désigné en vie : la clause type s'applique");
      } else {
        return designated(specific, why);
      }
    }
    why.note("R-BEN-2", "Clause type : le premier rang non vide reçoit tout");
    return rank1Spouse(family, why)
        .or(() -> rank2Children(family, why))
        .or(() -> rank3Parents(family, why))
        .orElseGet(() -> rank4Heirs(why));
  }

  /**
   * R-BEN-2 (1): the spouse — one person (RULES §7 Decision): the spouse not legally separated, else the
   * PACS partner, else the concubin; a legally separated spouse is not a "conjoint".
   */
  private static Optional<Resolution> rank1Spouse(List<FamilyMember> family, Explanation why) {
    List<FamilyMember> partners = living(family, Relation.SPOUSE, why);
    for (UnionType priority : List.of(UnionType.MARRIAGE, UnionType.PACS, UnionType.CONCUBINAGE)) {
      Optional<FamilyMember> first = partners.stream().filter(p -> p.unionType() == priority).findFirst();
      if (first.isPresent()) {
        partners.stream().filter(p -> p != first.get()).forEach(p -> why.note("R-BEN-2", p.name()
            + " : le rang 1 revient à une seule personne, par priorité mariage, PACS, concubinage : écarté(e)"));
        why.note("R-BEN-2", "Rang 1, conjoint : " + first.get().name() + " reçoit tout");
        return Optional.of(new Resolution(Outcome.RESOLVED, equalShares(List.of(first.get()), Rank.SPOUSE), why.steps()));
      }
    }
    why.note("R-BEN-2", "Rang 1, conjoint (mariage, PACS ou concubinage) : personne, rang suivant");
    return Optional.empty();
  }

  /**
   * R-BEN-2 (2): else the children, in equal shares per stock (RULES §7 Decision): each child of the member
   * is a stock; the stock of a child who died before the member goes to that child's own living children
   * in equal parts (representation); a stock with nobody alive is split among the other stocks.
   */
  private static Optional<Resolution> rank2Children(List<FamilyMember> family, Explanation why) {
    List<Beneficiary> stockHolders = new ArrayList<>();
    List<List<FamilyMember>> stocks = new ArrayList<>();
    for (FamilyMember child : family) {
      if (child.relation() != Relation.CHILD) {
        continue;
      }
      if (child.alive()) {
        stocks.add(List.of(child));
        continue;
      }
      List<FamilyMember> representatives = family.stream()
          .filter(m -> m.relation() == Relation.GRANDCHILD && m.alive() && child.name().equals(m.childOf())).toList();
      if (representatives.isEmpty()) {
        why.note("R-BEN-2", child.name() + " est décédé(e) avant le membre, sans descendant : écarté(e)");
      } else {
        why.note("R-BEN-2", child.name() + " est décédé(e) avant le membre : sa part va à ses enfants ("
            + representatives.size() + "), à parts égales (représentation)");
        stocks.add(representatives);
      }
    }
    if (stocks.isEmpty()) {
      why.note("R-BEN-2", "Rang 2, enfants : personne, rang suivant");
      return Optional.empty();
    }
    why.note("R-BEN-2", "Rang 2, enfants : " + stocks.size() + " souche(s), parts égales par souche");
    BigDecimal stockShare = BigDecimal.ONE.divide(BigDecimal.valueOf(stocks.size()), 12, RoundingMode.DOWN);
    for (List<FamilyMember> stock : stocks) {
      BigDecimal share = stockShare.divide(BigDecimal.valueOf(stock.size()), 12, RoundingMode.DOWN);
      stock.forEach(m -> stockHolders.add(new Beneficiary(m.name(), Rank.CHILDREN, share, m.birthDate())));
    }
    return Optional.of(new Resolution(Outcome.RESOLVED, stockHolders, why.steps()));
  }

  /** R-BEN-2 (3): else the first-degree ascendants, in equal shares. */
  private static Optional<Resolution> rank3Parents(List<FamilyMember> family, Explanation why) {
    return rank(family, Relation.PARENT, Rank.PARENTS, "Rang 3, ascendants au premier degré", why);
  }

  /** R-BEN-2 (4): else the heirs, as the notary's deed of heirship establishes them. */
  private static Resolution rank4Heirs(Explanation why) {
    why.note("R-BEN-2", "Rang 4 : ni conjoint, ni enfant, ni ascendant : les héritiers, selon l'acte de notoriété du notaire");
    return new Resolution(Outcome.NEEDS_NOTARY_DEED, List.of(), why.steps());
  }

  /** The living members of a rank share equally; an empty rank passes to the next (Decision). */
  private static Optional<Resolution> rank(List<FamilyMember> family, Relation relation, Rank rank, String label,
      Explanation why) {
    List<FamilyMember> living = living(family, relation, why);
    if (living.isEmpty()) {
      why.note("R-BEN-2", label + " : personne, rang suivant");
      return Optional.empty();
    }
    why.note("R-BEN-2", label + " : " + living.size() + " bénéficiaire(s), parts égales");
    return Optional.of(new Resolution(Outcome.RESOLVED, equalShares(living, rank), why.steps()));
  }

  /** R-BEN-1: a specific designation wins when every beneficiary is identified and the shares make 100 %. */
  private static Resolution designated(List<Designated> specific, Explanation why) {
    Optional<String> problem = designationProblem(specific);
    if (problem.isPresent()) {
      why.note("R-BEN-1", "Désignation particulière à clarifier par un conseiller : " + problem.get());
      return new Resolution(Outcome.NEEDS_CLARIFICATION, List.of(), why.steps());
    }
    why.note("R-BEN-1", "Désignation particulière claire : elle s'applique");
    // RULES §7 Decision: a named beneficiary who died before the member is skipped; the others' shares
    // grow in proportion.
    BigDecimal living = specific.stream().filter(Designated::alive).map(Designated::sharePercent)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    specific.stream().filter(d -> !d.alive()).forEach(d -> why.note("R-BEN-1", d.name()
        + ", désigné(e), est décédé(e) avant le membre : écarté(e), les parts des autres croissent en proportion"));
    List<Beneficiary> result = specific.stream().filter(Designated::alive)
        .map(d -> new Beneficiary(d.name().trim(), Rank.DESIGNATED, d.sharePercent().divide(living, 12, RoundingMode.DOWN),
            null))
        .toList();
    return new Resolution(Outcome.RESOLVED, result, why.steps());
  }

  /** Why a designation is not clear, if it is not: empty, a nameless beneficiary, shares not adding up to 100 %. */
  public static Optional<String> designationProblem(List<Designated> specific) {
    if (specific == null || specific.isEmpty()) {
      return Optional.of("aucun bénéficiaire nommé");
    }
    BigDecimal total = BigDecimal.ZERO;
    for (Designated d : specific) {
      if (d.name() == null || d.name().isBlank()) {
        return Optional.of("un bénéficiaire n'est pas identifié");
      }
      if (d.sharePercent() == null || d.sharePercent().signum() <= 0 || d.sharePercent().scale() > 4) {
        return Optional.of("la part de " + d.name() + " est absente ou invalide");
      }
      total = total.add(d.sharePercent());
    }
    if (total.compareTo(HUNDRED) != 0) {
      return Optional.of("les parts totalisent " + total.stripTrailingZeros().toPlainString() + " % au lieu de 100 %");
    }
    return Optional.empty();
  }

  private static List<FamilyMember> living(List<FamilyMember> family, Relation relation, Explanation why) {
    List<FamilyMember> living = new ArrayList<>();
    for (FamilyMember m : family) {
      if (m.relation() != relation) {
        continue;
      }
      if (!m.alive()) {
        why.note("R-BEN-2", m.name() + " est décédé(e) avant le membre : écarté(e)");
      } else if (relation == Relation.SPOUSE && (m.unionType() == null || m.unionType() == UnionType.LEGALLY_SEPARATED)) {
        why.note("R-BEN-2", m.name() + " : ni mariage, ni PACS, ni concubinage (ou séparé(e) de corps) : écarté(e)");
      } else {
        living.add(m);
      }
    }
    return living;
  }

  private static List<Beneficiary> equalShares(List<FamilyMember> members, Rank rank) {
    BigDecimal share = BigDecimal.ONE.divide(BigDecimal.valueOf(members.size()), 12, RoundingMode.DOWN);
    return members.stream().map(m -> new Beneficiary(m.name(), rank, share, m.birthDate())).toList();
  }

  /**
   * Splits an amount by shares, to the cent: each part is rounded down, the remainder goes to the
   * first beneficiary, so the parts always add up exactly to the amount.
   */
  public static List<BigDecimal> split(BigDecimal amount, List<BigDecimal> shares) {
    List<BigDecimal> parts = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal share : shares) {
      BigDecimal part = amount.multiply(share).setScale(2, RoundingMode.DOWN);
      parts.add(part);
      sum = sum.add(part);
    }
    if (!parts.isEmpty()) {
      parts.set(0, parts.get(0).add(amount.subtract(sum)));
    }
    return parts;
  }
}
