package fr.misp.backoffice.letters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.misp.backoffice.letters.LetterComposer.Composition;
import fr.misp.backoffice.rules.Parameters;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each letter rendered from records in the real schema (Flyway's migrations on H2), laid out as a
 * PDF, and read back with PDFBox: amounts to the cent in French format, names, dates, the appeal
 * route, the agency and the reference — and nothing medical.
 */
class LettersRenderTest {

  static final LocalDateTime SENT = LocalDateTime.of(2027, 1, 12, 9, 30);
  static JdbcClient jdbc;
  static LetterComposer composer;
  static LetterRenderer renderer;
  static final Map<String, Long> renderMillis = new LinkedHashMap<>();
  static String lastRaw;

  @BeforeAll
  static void schemaAndRecords() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:letters-render;DB_CLOSE_DELAY=-1;MODE=LEGACY");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    jdbc = JdbcClient.create(ds);
    composer = new LetterComposer(new FileRecords(jdbc), Parameters.standard(), new ObjectMapper());
    renderer = new LetterRenderer("");
    Fixtures.records(jdbc);
  }

  @AfterAll
  static void report() {
    System.out.println("Letters rendered (kind → ms): " + renderMillis);
  }

  static String text(Notice notice) throws IOException {
    Composition letter = composer.compose(notice).orElseThrow();
    long start = System.nanoTime();
    byte[] pdf = renderer.pdf(letter);
    renderMillis.put(notice.kind() + "/" + notice.recipient(), (System.nanoTime() - start) / 1_000_000);
    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      // The amounts' non-breaking spaces read as plain ones; lines joined so a sentence reads whole.
      String raw = new PDFTextStripper().getText(document);
      lastRaw = raw;
      // Lines joined; the assertions ignore whitespace, since a line may wrap inside a date or an amount.
      return raw.replace('\u00A0', ' ').replaceAll("\\s*\\R\\s*", " ");
    }
  }

  static Notice notice(String businessKey, String kind, String recipient, String message, int round) {
    return new Notice(UUID.randomUUID().toString(), businessKey, kind, recipient, message, round, SENT, 0);
  }

  static void common(String text, String reference, String agency) {
    assertThat(text).containsIgnoringWhitespaces("Référence du dossier : " + reference).containsIgnoringWhitespaces("Votre agence : " + agency)
        .containsIgnoringWhitespaces("Le 12 janvier 2027").containsIgnoringWhitespaces("Voies de recours").containsIgnoringWhitespaces("réexamen")
        .containsIgnoringWhitespaces("médiateur de la consommation");
  }

  @Test
  void agreementNamesNumberCareEstablishmentTariffCurrencyAndValidity() throws IOException {
    String text = text(notice("PA-1", "PRIOR_APPROVAL_AGREEMENT", "member:M-ES-001", "x", 1));
    common(text, "PA-1", "AG-075");
    assertThat(text).containsIgnoringWhitespaces("Accord de prise en charge n° ACC-2027-0000ABCD").containsIgnoringWhitespaces("Lucie Martin")
        .containsIgnoringWhitespaces("hospitalisation").containsIgnoringWhitespaces("Hospital Universitario La Paz (Madrid)")
        .containsIgnoringWhitespaces("Tarif accordé 12 345,67 €").containsIgnoringWhitespaces("Devis présenté 13 000,50 €").containsIgnoringWhitespaces("EUR")
        .containsIgnoringWhitespaces("du 15/02/2027 au 15/05/2027 inclus");
    String copy = text(notice("PA-1", "PRIOR_APPROVAL_AGREEMENT", "administrator:IMA", "x", 1));
    assertThat(copy).containsIgnoringWhitespaces("IMA").containsIgnoringWhitespaces("copie pour information").containsIgnoringWhitespaces("12 345,67 €");
  }

  @Test
  void aForeignCurrencyKeepsItsCode() throws IOException {
    String text = text(notice("PA-US", "PRIOR_APPROVAL_AGREEMENT", "member:M-US-001", "x", 1));
    assertThat(text).containsIgnoringWhitespaces("Tarif accordé 48 000,00 USD").containsIgnoringWhitespaces("Paul Durand")
        .containsIgnoringWhitespaces("Gestionnaire de zone Health Case Services (HCS)")
        .doesNotContain("€ USD");
  }

  @Test
  void lateRefusalExplainsTheDatesAndTheRule() throws IOException {
    String text = text(notice("PA-LATE", "PRIOR_APPROVAL_REFUSED", "member:M-ES-001", "x", 1));
    common(text, "PA-LATE", "AG-075");
    assertThat(text).containsIgnoringWhitespaces("nous est parvenue le 05/01/2027").containsIgnoringWhitespaces("programmée le 12/01/2027")
        .containsIgnoringWhitespaces("au plus tard le 02/01/2027").containsIgnoringWhitespaces("R-PA-1").containsIgnoringWhitespaces("hors délai");
  }

  @Test
  void outOfNetworkRefusalListsTheNetwork() throws IOException {
    String text = text(notice("PA-NET", "PRIOR_APPROVAL_REFUSED", "member:M-ES-001", "x", 1));
    assertThat(text).containsIgnoringWhitespaces("Clinique Hors Réseau (Séville)").containsIgnoringWhitespaces("n'appartient pas au réseau")
        .containsIgnoringWhitespaces("Hospital Clínic de Barcelona (Barcelone)").containsIgnoringWhitespaces("R-PA-4");
  }

  @Test
  void medicalRefusalSaysTheReasonForTheMemberAndNothingMedical() throws IOException {
    String text = text(notice("PA-MED", "PRIOR_APPROVAL_REFUSED", "member:M-ES-001", "x", 1));
    assertThat(text).containsIgnoringWhitespaces("Motif : Soins réalisables dans votre pays de résidence selon le protocole standard")
        .containsIgnoringWhitespaces("secret médical").doesNotContain("SECRET-DIAGNOSTIC");
  }

  @Test
  void closureAndEachRoundOfRequestsAndReminders() throws IOException {
    assertThat(text(notice("PA-1", "PRIOR_APPROVAL_CLOSED", "member:M-ES-001", "x", 1)))
        .containsIgnoringWhitespaces("Clôture").containsIgnoringWhitespaces("les pièces demandées ne nous sont pas parvenues");
    String first = text(notice("PA-1", "MISSING_DOCUMENTS_REQUEST", "member:M-ES-001",
        "Des pièces manquent à votre demande d'accord préalable.", 1));
    String second = text(notice("PA-1", "MISSING_DOCUMENTS_REQUEST", "member:M-ES-001",
        "Des pièces manquent à votre demande d'accord préalable.", 2));
    String reminder = text(notice("PA-1", "MISSING_DOCUMENTS_REMINDER", "member:M-ES-001", "Rappel : des pièces manquent.", 1));
    String hcs = text(notice("PA-US", "HCS_REGISTRATION_REQUEST", "member:M-US-001", "Enregistrez-vous auprès de HCS.", 1));
    assertThat(first).containsIgnoringWhitespaces("Demande : pièces manquantes").containsIgnoringWhitespaces("Des pièces manquent").doesNotContain("2e envoi");
    assertThat(second).containsIgnoringWhitespaces("(2e envoi)").containsIgnoringWhitespaces("notre 2e envoi");
    assertThat(reminder).containsIgnoringWhitespaces("Relance : pièces manquantes").containsIgnoringWhitespaces("Rappel : des pièces manquent.");
    assertThat(hcs).containsIgnoringWhitespaces("enregistrement auprès de Health Case Services").containsIgnoringWhitespaces("Paul Durand");
    common(reminder, "PA-1", "AG-075");
  }

  @Test
  void socialLoanGrantHasTheMotivationAndTheSchedule() throws IOException {
    String text = text(notice("SA-LOAN", "AID_GRANTED#1", "member:M-ES-001", "x", 1));
    common(text, "SA-LOAN", "AG-075");
    assertThat(text).containsIgnoringWhitespaces("prêt social").containsIgnoringWhitespaces("vous accorde 1 000,00 €").containsIgnoringWhitespaces("3 mensualité(s)")
        .containsIgnoringWhitespaces("1 10/02/2027 333,34 €").containsIgnoringWhitespaces("2 10/03/2027 333,33 €").containsIgnoringWhitespaces("3 10/04/2027 333,33 €")
        .containsIgnoringWhitespaces("Total à rembourser 1 000,00 €").containsIgnoringWhitespaces("Motivation de la commission : Charges exceptionnelles")
        .containsIgnoringWhitespaces("Référence à indiquer sur chacun de vos virements : MISP-PRET-7QK2M9XA");
  }

  @Test
  void refusalHasTheMotivation() throws IOException {
    String text = text(notice("SA-REF", "AID_REFUSED#1", "member:M-ES-001", "x", 1));
    assertThat(text).containsIgnoringWhitespaces("ne peut pas y donner une suite favorable")
        .containsIgnoringWhitespaces("Motivation de la commission : Ressources suffisantes").doesNotContain("Échéance");
  }

  @Test
  void orphanAllowance() throws IOException {
    // A minor orphan: written to the legal representative, for the orphan (RULES §6 Decision).
    String text = text(notice("SA-ORPHAN-DC-1-0", "AID_GRANTED#1", "payee:Mariama Sow", "x", 1));
    assertThat(text).containsIgnoringWhitespaces("Allocation orphelin : décision d'attribution")
        .containsIgnoringWhitespaces("Mariama Sow représentant légal de Moussa Diallo")
        .containsIgnoringWhitespaces("décès de Amadou Diallo le 03/03/2027")
        .containsIgnoringWhitespaces("ouverte pour Moussa Diallo").containsIgnoringWhitespaces("vous accorde 1 200,00 €");
  }

  @Test
  void deathCapitalExplainsTheCapitalAndMajorationStepByStep() throws IOException {
    String text = text(notice("DC-1", DeathCapitalNotices.KIND + "#0", "payee:Awa Diallo", "x", 1));
    common(text, "DC-1", "AG-033");
    assertThat(text).containsIgnoringWhitespaces("Capital décès : notification de vos droits").containsIgnoringWhitespaces("Awa Diallo")
        .containsIgnoringWhitespaces("décès de Amadou Diallo le 03/03/2027").containsIgnoringWhitespaces("conjoint")
        .containsIgnoringWhitespaces("Capital 100 % du capital 38 250,00 €")
        .containsIgnoringWhitespaces("R-CAP-1").containsIgnoringWhitespaces("85 % de l'assiette").containsIgnoringWhitespaces("38 250,00 €")
        .containsIgnoringWhitespaces("5 907,34").containsIgnoringWhitespaces("valeur du point au 01/07/2023").containsIgnoringWhitespaces("R-CAP-2")
        .containsIgnoringWhitespaces("12 124,82 €").containsIgnoringWhitespaces("Capital Décès ou Perte Totale")
        .containsIgnoringWhitespaces("total : 62 499,64 €");
    // A minor child: the letter goes to the legal representative, paid for the child.
    String child = text(notice("DC-1", DeathCapitalNotices.KIND + "#1", "payee:Mariama Sow", "x", 1));
    assertThat(child).containsIgnoringWhitespaces("Mariama Sow représentant légal de Moussa Diallo")
        .containsIgnoringWhitespaces("Majoration pour enfant à charge").containsIgnoringWhitespaces("12 124,82 €")
        .containsIgnoringWhitespaces("en qualité de représentant légal de Moussa Diallo, pour son compte");
  }

  @Test
  void ptiaNotRecognisedSaysTheReasonForTheMemberOnly() throws IOException {
    String text = text(notice("DC-1", "PTIA_NOT_RECOGNISED", "member:M-SN-001",
        "Votre demande de capital au titre de la perte totale et irréversible d'autonomie n'a pas été reconnue par le "
            + "médecin-conseil. Motif : autonomie conservée pour les actes de la vie courante", 1));
    common(text, "DC-1", "AG-033");
    assertThat(text).containsIgnoringWhitespaces("Motif : autonomie conservée").containsIgnoringWhitespaces("secret médical")
        .containsIgnoringWhitespaces("déclarée le 03/03/2027");
  }

  @Test
  void anyOtherNoticeToAPersonIsALetterWithTheStepsWords() throws IOException {
    String text = text(notice("SA-LOAN", "LOAN_ARREARS_REMINDER", "member:M-ES-001",
        "Votre remboursement est en retard : 1 mensualité(s), 333,34 € restent dus. Merci de les virer en indiquant la "
            + "référence MISP-PRET-7QK2M9XA.", 2));
    common(text, "SA-LOAN", "AG-075");
    assertThat(text).containsIgnoringWhitespaces("Prêt social ou avance : échéance impayée (2e envoi)")
        .containsIgnoringWhitespaces("333,34 € restent dus").containsIgnoringWhitespaces("MISP-PRET-7QK2M9XA")
        .containsIgnoringWhitespaces("Lucie Martin");
  }

  @Test
  void invalidityDecisionsExplainTheYearsAmountStepByStep() throws Exception {
    // Chantal (guide, R-INV): category 2, TIB 2 500, bonuses 300, pension 15 000 → 8 520 € a year.
    fr.misp.backoffice.rules.disability.DisabilityCalculator.Result chantal =
        new fr.misp.backoffice.rules.disability.DisabilityCalculator(Parameters.standard()).calculate(
            new fr.misp.backoffice.rules.disability.DisabilityCalculator.Input(LocalDate.of(2027, 1, 1), null, 2,
                new java.math.BigDecimal("2500"), new java.math.BigDecimal("300"), java.math.BigDecimal.ZERO,
                java.util.List.of(new fr.misp.backoffice.rules.disability.DisabilityCalculator.Resource(
                    fr.misp.backoffice.rules.disability.ResourceType.INVALIDITY_PENSION, new java.math.BigDecimal("15000"))),
                true, LocalDate.of(1970, 6, 6), true));
    jdbc.sql("insert into disability_claim (business_key, member_id, start_date, ss_category, base_salary, bonuses, "
        + "cost_of_living, category, decision, created_at) values ('INV-1', 'M-ES-001', date '2027-01-01', 2, 2500, 300, "
        + "0, 'IPT', 'TEMPORARY_BENEFIT', current_timestamp)").update();
    jdbc.sql("insert into disability_year values ('INV-1', 2027, '[]', ?, ?, ?, ?, 'TEMPORARY_BENEFIT', ?)")
        .params(chantal.annualGuarantee(), chantal.deductedResources(), chantal.annualBenefit(), chantal.monthlyBenefit(),
            new ObjectMapper().writeValueAsString(Map.of("steps", chantal.steps(), "warnings", chantal.warnings())))
        .update();
    String text = text(notice("INV-1", "DISABILITY_DECISION", "member:M-ES-001",
        "Votre allocation d'invalidité (IPT) est accordée : 8 520,00 € par an, soit 710,00 € par mois.", 1));
    common(text, "INV-1", "AG-075");
    assertThat(text).containsIgnoringWhitespaces("Allocation d'invalidité : décision")
        .containsIgnoringWhitespaces("Comment ce montant est calculé").containsIgnoringWhitespaces("R-INV-4")
        .containsIgnoringWhitespaces("23 520,00 €").containsIgnoringWhitespaces("8 520,00 €")
        .containsIgnoringWhitespaces("2. Allocations d'invalidité");
    // The year's decision reads the year its round names.
    String year = text(notice("INV-1", "DISABILITY_YEAR_DECISION", "member:M-ES-001",
        "Votre allocation d'invalidité de 2027 est de 8 520,00 € par an.", 2027));
    assertThat(year).containsIgnoringWhitespaces("votre allocation de l'année").containsIgnoringWhitespaces("R-INV-6");
  }

  @Test
  void internalRemindersHaveNoLetter() {
    assertThat(composer.compose(notice("SA-LOAN", "SOCIAL_FILE_REMINDER", "advisors:AG-075", "x", 1))).isEmpty();
    assertThat(composer.compose(notice("DC-1", "NOTARY_DEED_REMINDER#1", "agency:advisors", "x", 1))).isEmpty();
  }

  /** The records the letters read, written as the processes' steps write them. */
  static final class Fixtures {
    static void records(JdbcClient jdbc) {
      member(jdbc, "M-ES-001", "Lucie Martin", "lucie.martin@example.org", "AG-075");
      member(jdbc, "M-US-001", "Paul Durand", null, "AG-069");
      member(jdbc, "M-SN-001", "Amadou Diallo", null, "AG-033");
      establishment(jdbc, "ES-MAD-01", "Hospital Universitario La Paz", "ES", "Madrid");
      establishment(jdbc, "ES-BCN-01", "Hospital Clínic de Barcelona", "ES", "Barcelone");
      establishment(jdbc, "US-NYC-01", "NewYork-Presbyterian Hospital", "US", "New York");
      jdbc.sql("insert into network_establishment (id, name, country, city, in_network_until) values "
          + "('ES-SEV-99', 'Clinique Hors Réseau', 'ES', 'Séville', date '2020-01-01')").update();
      priorApproval(jdbc, "PA-1", "M-ES-001", "HOSPITALISATION", "ES", "ES-MAD-01", LocalDate.of(2027, 1, 2),
          LocalDate.of(2027, 2, 15), "13000.50", "EUR", "IMA", "APPROVED", null);
      jdbc.sql("insert into agreement values ('ACC-2027-0000ABCD', 'PA-1', 'M-ES-001', 'ES-MAD-01', 'HOSPITALISATION', "
          + "12345.67, 'EUR', date '2027-02-15', date '2027-05-15', current_timestamp)").update();
      priorApproval(jdbc, "PA-US", "M-US-001", "HOSPITALISATION", "US", "US-NYC-01", LocalDate.of(2027, 1, 2),
          LocalDate.of(2027, 3, 1), "50000", "USD", "HCS", "APPROVED", null);
      jdbc.sql("insert into agreement values ('ACC-2027-0000USD1', 'PA-US', 'M-US-001', 'US-NYC-01', 'HOSPITALISATION', "
          + "48000, 'USD', date '2027-03-01', date '2027-05-30', current_timestamp)").update();
      priorApproval(jdbc, "PA-LATE", "M-ES-001", "HOSPITALISATION", "ES", "ES-MAD-01", LocalDate.of(2027, 1, 5),
          LocalDate.of(2027, 1, 12), null, "EUR", "IMA", "REFUSED", "HORS_DELAI");
      priorApproval(jdbc, "PA-NET", "M-ES-001", "HOSPITALISATION", "ES", "ES-SEV-99", LocalDate.of(2027, 1, 2),
          LocalDate.of(2027, 2, 20), null, "EUR", "IMA", "REFUSED", "ETABLISSEMENT_HORS_RESEAU");
      priorApproval(jdbc, "PA-MED", "M-ES-001", "HOSPITALISATION", "ES", "ES-MAD-01", LocalDate.of(2027, 1, 2),
          LocalDate.of(2027, 2, 20), null, "EUR", "IMA", "REFUSED",
          "Soins réalisables dans votre pays de résidence selon le protocole standard");
      jdbc.sql("update prior_approval_file set decision = 'CLOSED_INCOMPLETE', decision_reason = 'PIECES_MANQUANTES' "
          + "where business_key = 'PA-1'").update();
      jdbc.sql("insert into medical_record values ('MR-1', 'PA-MED', 'medecin', 'SECRET-DIAGNOSTIC', current_timestamp)")
          .update();
      socialAid(jdbc, "SA-LOAN", "M-ES-001", "AG-075", "SOCIAL_LOAN", "GRANTED", "1000.00", 3,
          "Charges exceptionnelles après un sinistre");
      List<Object[]> instalments = new ArrayList<>();
      instalments.add(new Object[] {1, LocalDate.of(2027, 2, 10), "333.34"});
      instalments.add(new Object[] {2, LocalDate.of(2027, 3, 10), "333.33"});
      instalments.add(new Object[] {3, LocalDate.of(2027, 4, 10), "333.33"});
      for (Object[] i : instalments) {
        jdbc.sql("insert into loan_instalment (business_key, number, due_date, amount) values ('SA-LOAN', ?, ?, ?)").params(i[0], i[1], new java.math.BigDecimal((String) i[2]))
            .update();
      }
      jdbc.sql("""
          insert into loan_account (business_key, reference, member_id, agency_code, principal, status, created_at)
          values ('SA-LOAN', 'MISP-PRET-7QK2M9XA', 'M-ES-001', 'AG-075', 1000.00, 'OPEN', current_timestamp)""").update();
      socialAid(jdbc, "SA-REF", "M-ES-001", "AG-075", "GRANT", "REFUSED", null, null, "Ressources suffisantes au regard du barème");
      socialAid(jdbc, "SA-ORPHAN-DC-1-0", "M-SN-001", "AG-033", "ORPHAN_ALLOWANCE", "GRANTED", "1200", null,
          "Allocation annuelle forfaitaire");
      jdbc.sql("update social_aid_file set beneficiary_name = 'Moussa Diallo', beneficiary_birth_date = date '2012-05-06', "
          + "legal_representative = 'Mariama Sow' where business_key = 'SA-ORPHAN-DC-1-0'").update();
      jdbc.sql("""
          insert into death_claim (business_key, member_id, event, event_date, capital_amount, majoration_per_child,
          majoration_amount, capital_explanation, created_at) values ('DC-1', 'M-SN-001', 'DEATH', date '2027-03-03',
          38250.00, 12124.82, 24249.64, ?, current_timestamp)""").param("""
          {"steps":[{"rule":"R-CAP-3","label":"Décès : capital aux bénéficiaires désignés, majorations aux enfants à charge","amount":null},
          {"rule":"R-CAP-1","label":"Assiette de cotisations de l'année précédant l'événement","amount":45000.00},
          {"rule":"R-CAP-1","label":"MP actif : 85 % de l'assiette","amount":38250.00},
          {"rule":"R-CAP-2","label":"Majoration par enfant à charge : 25 % du traitement annuel brut de l'indice 821 (821 × 5907.34 € / 100 ; valeur du point au 2023-07-01, Décret n° 2023-519)","amount":12124.82},
          {"rule":"R-CAP-2","label":"2 enfant(s) à charge × 12124.82 €","amount":24249.64},
          {"rule":"R-CAP-1","label":"Total : capital + majorations","amount":62499.64}],"warnings":[]}""").update();
      payee(jdbc, 0, "Awa Diallo", "SPOUSE", "CAPITAL", "38250.00", null, "PAYMENT_ORDERED", null);
      payee(jdbc, 1, "Moussa Diallo", "CHILDREN", "MAJORATION", "12124.82", LocalDate.of(2012, 5, 6), "PAYMENT_ORDERED",
          "Mariama Sow");
      payee(jdbc, 2, "Fatou Diallo", "CHILDREN", "MAJORATION", "12124.82", LocalDate.of(2014, 5, 6), "PENDING", "Mariama Sow");
    }

    static void payee(JdbcClient jdbc, int position, String name, String rank, String purpose, String amount,
        LocalDate birth, String status, String representative) {
      jdbc.sql("""
          insert into death_claim_payee (claim_key, position, name, beneficiary_rank, purpose, share, amount, birth_date,
          payment_status, legal_representative) values ('DC-1', ?, ?, ?, ?, 1, ?, ?, ?, ?)""")
          .params(position, name, rank, purpose, new java.math.BigDecimal(amount), birth, status, representative).update();
    }

    static void member(JdbcClient jdbc, String id, String name, String email, String agency) {
      jdbc.sql("insert into member (id, name, birth_date, category, country_of_residence, hcs_registered, "
          + "membership_start_date, agency_code, email) values (?, ?, date '1980-01-01', 'ACTIVE', 'ES', false, "
          + "date '2010-01-01', ?, ?)").params(id, name, agency, email).update();
    }

    static void establishment(JdbcClient jdbc, String id, String name, String country, String city) {
      jdbc.sql("insert into network_establishment (id, name, country, city) values (?, ?, ?, ?)")
          .params(id, name, country, city).update();
    }

    static void priorApproval(JdbcClient jdbc, String key, String member, String care, String country, String establishment,
        LocalDate received, LocalDate admission, String quote, String currency, String administrator, String decision,
        String reason) {
      jdbc.sql("""
          insert into prior_approval_file (business_key, member_id, care_type, country, establishment_id, received_date,
          admission_date, quote_amount, quote_currency, administrator, decision, decision_reason, created_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp)""")
          .params(key, member, care, country, establishment, received, admission,
              quote == null ? null : new java.math.BigDecimal(quote), currency, administrator, decision, reason).update();
    }

    static void socialAid(JdbcClient jdbc, String key, String member, String agency, String type, String decision,
        String granted, Integer months, String motivation) {
      jdbc.sql("""
          insert into social_aid_file (business_key, member_id, agency_code, aid_type, decision, granted_amount,
          granted_duration_months, motivation, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, current_timestamp)""")
          .params(key, member, agency, type, decision, granted == null ? null : new java.math.BigDecimal(granted), months,
              motivation).update();
    }
  }
}
