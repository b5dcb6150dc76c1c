package fr.misp.backoffice.rules.deathcapital;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.rules.deathcapital.BeneficiaryCascade.Beneficiary;
import fr.misp.backoffice.rules.deathcapital.BeneficiaryCascade.Designated;
import fr.misp.backoffice.rules.deathcapital.BeneficiaryCascade.FamilyMember;
import fr.misp.backoffice.rules.deathcapital.BeneficiaryCascade.Outcome;
import fr.misp.backoffice.rules.deathcapital.BeneficiaryCascade.Rank;
import fr.misp.backoffice.rules.deathcapital.BeneficiaryCascade.Relation;
import fr.misp.backoffice.rules.deathcapital.BeneficiaryCascade.Resolution;
import fr.misp.backoffice.rules.deathcapital.BeneficiaryCascade.UnionType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** R-BEN-1 and R-BEN-2 (guide: "Comment désigner vos bénéficiaires"), every rank and the decisions of RULES.md §7. */
class BeneficiaryCascadeTest {

  private final BeneficiaryCascade cascade = new BeneficiaryCascade();
  private static final LocalDate BORN = LocalDate.of(2000, 1, 1);

  static FamilyMember spouse(UnionType union, boolean alive) {
    return new FamilyMember("Conjoint", Relation.SPOUSE, union, BORN, alive, false);
  }

  static FamilyMember child(String name, boolean alive) {
    return new FamilyMember(name, Relation.CHILD, null, BORN, alive, true);
  }

  static FamilyMember parent(String name, boolean alive) {
    return new FamilyMember(name, Relation.PARENT, null, BORN, alive, false);
  }

  @Test
  void ptiaPaysTheMember() {
    Resolution r = cascade.resolve(true, "Le membre", null, List.of(spouse(UnionType.MARRIAGE, true)));
    assertThat(r.beneficiaries()).singleElement().satisfies(b -> {
      assertThat(b.rank()).isEqualTo(Rank.MEMBER);
      assertThat(b.share()).isEqualByComparingTo("1");
    });
  }

  @Test
  void rank1SpouseByMarriagePacsOrConcubinage() {
    for (UnionType union : List.of(UnionType.MARRIAGE, UnionType.PACS, UnionType.CONCUBINAGE)) {
      Resolution r = cascade.resolve(false, "M", null, List.of(spouse(union, true), child("A", true)));
      assertThat(r.beneficiaries()).extracting(Beneficiary::rank).containsExactly(Rank.SPOUSE);
    }
  }

  @Test
  void rank2ChildrenInEqualSharesSkippingAPredeceasedChild() {
    Resolution r = cascade.resolve(false, "M", null,
        List.of(spouse(UnionType.MARRIAGE, false), child("A", true), child("B", false), child("C", true), parent("P", true)));
    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(r.beneficiaries()).extracting(Beneficiary::name).containsExactly("A", "C");
    assertThat(r.beneficiaries()).allSatisfy(b -> assertThat(b.share()).isEqualByComparingTo("0.5"));
    assertThat(r.steps()).anySatisfy(s -> assertThat(s.label()).contains("B est décédé(e) avant le membre"));
  }

  @Test
  void rank3ParentsThenRank4Heirs() {
    Resolution parents = cascade.resolve(false, "M", null, List.of(child("A", false), parent("P1", true), parent("P2", true)));
    assertThat(parents.beneficiaries()).extracting(Beneficiary::rank).containsExactly(Rank.PARENTS, Rank.PARENTS);
    Resolution heirs = cascade.resolve(false, "M", null, List.of(parent("P1", false)));
    assertThat(heirs.outcome()).isEqualTo(Outcome.NEEDS_NOTARY_DEED);
    assertThat(heirs.beneficiaries()).isEmpty();
  }

  @Test
  void aClearSpecificDesignationWinsOverTheCascade() {
    Resolution r = cascade.resolve(false, "M", List.of(new Designated("Ami", new BigDecimal("40")),
        new Designated("Association", new BigDecimal("60"))), List.of(spouse(UnionType.MARRIAGE, true)));
    assertThat(r.beneficiaries()).extracting(Beneficiary::rank).containsOnly(Rank.DESIGNATED);
    assertThat(r.beneficiaries().get(1).share()).isEqualByComparingTo("0.6");
  }

  @Test
  void aDesignationThatDoesNotAddUpOrNamesNobodyNeedsAnAdvisor() {
    assertThat(cascade.resolve(false, "M", List.of(new Designated("Ami", new BigDecimal("40")),
        new Designated("Frère", new BigDecimal("50"))), List.of()).outcome()).isEqualTo(Outcome.NEEDS_CLARIFICATION);
    assertThat(cascade.resolve(false, "M", List.of(new Designated(" ", new BigDecimal("100"))), List.of()).outcome())
        .isEqualTo(Outcome.NEEDS_CLARIFICATION);
    assertThat(cascade.resolve(false, "M", List.of(), List.of()).outcome()).isEqualTo(Outcome.NEEDS_CLARIFICATION);
  }

  @Test
  void splitGivesTheRemainderToTheFirstAndAlwaysAddsUp() {
    List<BigDecimal> thirds = BeneficiaryCascade.split(new BigDecimal("10000.00"), List.of(third(), third(), third()));
    assertThat(thirds).containsExactly(new BigDecimal("3333.34"), new BigDecimal("3333.33"), new BigDecimal("3333.33"));
    Random random = new Random(3);
    for (int i = 0; i < 2000; i++) {
      int n = 1 + random.nextInt(7);
      BigDecimal share = BigDecimal.ONE.divide(BigDecimal.valueOf(n), 12, java.math.RoundingMode.DOWN);
      BigDecimal amount = BigDecimal.valueOf(random.nextInt(10_000_000), 2);
      // Parts rounded down to the cent, the remainder to the first (BeneficiaryCascade.split).
    List<BigDecimal> parts = BeneficiaryCascade.split(amount, java.util.Collections.nCopies(n, share));
      assertThat(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(amount);
      assertThat(parts.get(0).subtract(parts.get(n - 1))).isBetween(BigDecimal.ZERO, new BigDecimal("0.07"));
    }
  }

  private static BigDecimal third() {
    return BigDecimal.ONE.divide(BigDecimal.valueOf(3), 12, java.math.RoundingMode.DOWN);
  }

  /** Review item 4: rank 1 is one person — marriage, else PACS, else concubinage; a separated spouse is not. */
  @Test
  void item04RankOneIsOnePersonByPriority() {
    FamilyMember separated = new FamilyMember("Épouse séparée", BeneficiaryCascade.Relation.SPOUSE,
        UnionType.LEGALLY_SEPARATED, null, true, false);
    FamilyMember concubin = new FamilyMember("Concubin", BeneficiaryCascade.Relation.SPOUSE, UnionType.CONCUBINAGE, null,
        true, false);
    FamilyMember pacs = new FamilyMember("Partenaire", BeneficiaryCascade.Relation.SPOUSE, UnionType.PACS, null, true, false);
    Resolution r = cascade.resolve(false, "M", null, List.of(separated, concubin, pacs));
    assertThat(r.beneficiaries()).singleElement().satisfies(b -> {
      assertThat(b.name()).isEqualTo("Partenaire");
      assertThat(b.share()).isEqualByComparingTo("1");
    });
    Resolution onlySeparated = cascade.resolve(false, "M", null, List.of(separated,
        new FamilyMember("Enfant", BeneficiaryCascade.Relation.CHILD, null, null, true, true)));
    assertThat(onlySeparated.beneficiaries()).extracting(b -> b.name()).containsExactly("Enfant");
  }

  /** Review item 6: a designated beneficiary who died first is skipped; nobody left → the standard clause. */
  @Test
  void item06APredeceasedDesignatedBeneficiaryIsSkipped() {
    Resolution r = cascade.resolve(false, "M", List.of(new Designated("Ami", new BigDecimal("20"), false),
        new Designated("Neveu", new BigDecimal("40")), new Designated("Nièce", new BigDecimal("40"))), List.of());
    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(r.beneficiaries()).extracting(b -> b.name() + ":" + b.share().stripTrailingZeros().toPlainString())
        .containsExactly("Neveu:0.5", "Nièce:0.5");
    Resolution nobody = cascade.resolve(false, "M", List.of(new Designated("Ami", new BigDecimal("100"), false)),
        List.of(spouse(UnionType.MARRIAGE, true)));
    assertThat(nobody.beneficiaries()).extracting(b -> b.rank()).containsExactly(Rank.SPOUSE);
  }

  static FamilyMember grandchild(String name, String childOf, boolean alive) {
    return new FamilyMember(name, Relation.GRANDCHILD, null, BORN, alive, false, childOf);
  }

  @Test
  void item05APredeceasedChildsChildrenShareItsStock() {
    // A and B alive, C died before the member leaving C1 and C2: three stocks of one third; C's third
    // is halved between C1 and C2. D died without descendant: no stock. E1 descends from a living
    // child: no representation.
    Resolution r = cascade.resolve(false, "M", null, List.of(child("A", true), child("B", true), child("C", false),
        grandchild("C1", "C", true), grandchild("C2", "C", true), grandchild("C3", "C", false), child("D", false),
        grandchild("A1", "A", true)));
    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(r.beneficiaries()).extracting(Beneficiary::name).containsExactly("A", "B", "C1", "C2");
    assertThat(r.beneficiaries()).allSatisfy(b -> assertThat(b.rank()).isEqualTo(Rank.CHILDREN));
    // Parts rounded down to the cent, the remainder to the first (BeneficiaryCascade.split).
    List<BigDecimal> parts = BeneficiaryCascade.split(new BigDecimal("10000.00"),
        r.beneficiaries().stream().map(Beneficiary::share).toList());
    assertThat(parts).extracting(BigDecimal::toPlainString).containsExactly("3333.35", "3333.33", "1666.66", "1666.66");
    assertThat(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("10000.00");
    assertThat(r.steps()).anySatisfy(s -> assertThat(s.label()).contains("représentation"));

    // Only grandchildren of a predeceased only child: they take the whole rank, not the parents.
    Resolution onlyGrandchildren = cascade.resolve(false, "M", null, List.of(child("C", false),
        grandchild("C1", "C", true), parent("P", true)));
    assertThat(onlyGrandchildren.beneficiaries()).extracting(Beneficiary::name).containsExactly("C1");
    assertThat(onlyGrandchildren.beneficiaries().get(0).share()).isEqualByComparingTo("1");
  }
}
