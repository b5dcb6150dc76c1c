package fr.misp.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.Jobs;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13: each decider's form shows the file in words — names instead of codes, amounts with their
 * currency, French dates, the calculation step by step, the family, the household and the endowment.
 */
@H2AppTest
class DecidersSeeTheirFileTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MemberDirectory members;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  private String summary(String processInstanceId, String taskKey) {
    Jobs.runAll(engine, processInstanceId);
    String task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskKey).list().get(0).getId();
    return (String) engine.getTaskService().getVariableLocal(task, "fileSummary");
  }

  private String priorApprovalWithQuote(String amount, String currency, int admissionInDays) {
    LocalDate today = LocalDate.now();
    String id = http.post("/api/prior-approvals", "conseiller", "demo", """
        {"memberId": "M-ES-001", "type": "HOSPITALISATION", "countryOfResidence": "ES", "receivedDate": "%s",
         "plannedAdmissionDate": "%s", "establishmentId": "ES-MAD-01"}""".formatted(today, today.plusDays(admissionInDays)))
        .json().get("id").asText();
    String buildFile = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId();
    engine.getTaskService().complete(buildFile, Map.of("documentsComplete", true, "quoteAmount", amount, "quoteCurrency",
        currency));
    return id;
  }

  @Test
  void theMedecinConseilSeesTheMemberTheEstablishmentAndTheQuoteInItsCurrencyAndInEuros() {
    LocalDate today = LocalDate.now();
    String id = priorApprovalWithQuote("420000", "XOF", 177);
    String text = summary(id, "medicalReview");
    int age = Period.between(LocalDate.of(1982, 4, 12), today).getYears();
    // 420 000 ÷ 655,957 = 640,2858… → 640,29 € (rounded once, half up)
    assertThat(text).contains("Lucie Martin, " + age + " ans", "Hospital Universitario La Paz, Madrid (Espagne)",
        "Devis : 420 000,00 XOF, soit 640,29 € (1 € = 655,957 XOF : Parité fixe du franc CFA (UEMOA))",
        "admission prévue le " + fr.misp.backoffice.platform.engine.FrenchText.date(today.plusDays(177)),
        "gestionnaire de zone IMA");
    engine.getRuntimeService().deleteProcessInstance(id, "test");
  }

  @Test
  void aQuoteInACurrencyWithoutARateSaysSoUntilAGestionnaireRecordsOne() {
    String day = fr.misp.backoffice.platform.engine.FrenchText.date(LocalDate.now());
    String before = priorApprovalWithQuote("1250.50", "MAD", 178);
    assertThat(summary(before, "medicalReview")).contains("Devis : 1 250,50 MAD — contre-valeur en euros inconnue : "
        + "aucun taux MAD en vigueur le " + day + " (à enregistrer par un gestionnaire)");
    assertThat(http.put("/api/exchange-rates/MAD/" + LocalDate.now().minusDays(1), "gestionnaire", "demo", """
        {"unitsPerEuro": 10.8125, "source": "BCE, cours de référence de la veille"}""").status()).isEqualTo(201);
    String after = priorApprovalWithQuote("1250.50", "MAD", 179);
    // The file's record keeps the quote the administrator recorded, in its currency (the managers' views read it).
    assertThat(jdbc.sql("select quote_currency from prior_approval_file f join process_request r on r.business_key = "
        + "f.business_key where r.process_instance_id = ?").param(after).query(String.class).single()).isEqualTo("MAD");
    // 1 250,50 ÷ 10,8125 = 115,6532… → 115,65 €
    assertThat(summary(after, "medicalReview")).contains("Devis : 1 250,50 MAD, soit 115,65 € (1 € = 10,8125 MAD : "
        + "BCE, cours de référence de la veille)");
    // Above the quote: refused with the quote in its currency, never the amount typed.
    String review = engine.getTaskService().createTaskQuery().processInstanceId(after).taskDefinitionKey("medicalReview")
        .singleResult().getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(review, Map.of("medicalDecision", "APPROVE_ADJUSTED",
        "approvedAmount", "9876.54"))).hasMessageContaining("dépasse le devis (1 250,50 MAD)").hasMessageNotContaining("9876");
    engine.getRuntimeService().deleteProcessInstance(before, "test");
    engine.getRuntimeService().deleteProcessInstance(after, "test");
  }

  @Test
  void theCommissionSeesTheHouseholdTheOpinionAndTheEndowmentLeft() {
    String id = http.post("/api/social-aid-requests", "conseiller", "demo", """
        {"memberId": "M-ES-001", "agencyCode": "AG-075", "situation": "HIGH_HEALTH_COSTS", "aidType": "GRANT",
         "requestedAmount": 1234.56, "monthlyResources": 2100, "monthlyCharges": 900, "householdSize": 3,
         "childrenUnder14": 1}""").json().get("id").asText();
    String file = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId();
    engine.getTaskService().complete(file, Map.of("fileComplete", true, "advisorOpinion",
        "Frais de santé très lourds après une longue hospitalisation ; le foyer n'a plus d'épargne."));
    String text = summary(id, "commissionDecision");
    assertThat(text).contains("aide non remboursable", "Lucie Martin", "1 234,56 €", "3 personne(s)",
        "ressources 2 100,00 € par mois", "charges 900,00 € par mois", "Reste à vivre : 666,67 €",
        "de l'agence AG-075", "le foyer n'a plus d'épargne");
    engine.getRuntimeService().deleteProcessInstance(id, "test");
  }

  @Test
  void aLongOpinionDoesNotBreakTheCommissionsTaskItIsCutInTheSummary() {
    String id = http.post("/api/social-aid-requests", "conseiller", "demo", """
        {"memberId": "M-ES-001", "agencyCode": "AG-075", "situation": "HIGH_HEALTH_COSTS", "aidType": "GRANT",
         "requestedAmount": 1234.57, "monthlyResources": 2100, "monthlyCharges": 900, "householdSize": 3}""")
        .json().get("id").asText();
    String file = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId();
    engine.getTaskService().complete(file, Map.of("fileComplete", true, "advisorOpinion", "x".repeat(3990)));
    String text = summary(id, "commissionDecision");
    assertThat(text).hasSizeLessThanOrEqualTo(3900).endsWith("…");
    engine.getRuntimeService().deleteProcessInstance(id, "test");
  }

  @Test
  void theAdvisorSeesTheFamilyThenTheCalculationStepByStep() {
    String member = "M-SEE-" + System.nanoTime() % 100000;
    members.save(new Member(member, "Henri Blanc", LocalDate.of(1950, 1, 1), "RETIRED", "TN", false,
        LocalDate.of(1990, 1, 1), "AG-075"));
    String id = http.post("/api/death-claims", "conseiller", "demo", """
        {"memberId": "%s", "event": "DEATH", "eventDate": "2024-03-01", "memberCategory": "RETIRED",
         "annualContributionBase": 0, "family": [{"name": "Rose Blanc", "relation": "SPOUSE", "unionType": "MARRIAGE",
         "birthDate": "1952-02-02", "alive": true}], "designation": {"type": "STANDARD"}}""".formatted(member))
        .json().get("id").asText();
    assertThat(summary(id, "recordEvent")).contains("Henri Blanc — décès le 01/03/2024",
        "Rose Blanc — conjoint (mariage), né(e) le 02/02/1952");
    String record = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId();
    engine.getTaskService().complete(record, Map.of("documentsComplete", true));
    String check = summary(id, "checkBeneficiary");
    assertThat(check).contains("Rose Blanc — conjoint (rang 1) — part 100 % du capital : 3 500,00 €", "Calcul du dossier",
        "(R-CAP-1)", "3 500,00 €");
    engine.getRuntimeService().deleteProcessInstance(id, "test");
  }

  @Test
  void theCalculationReadsFrenchNumbersAndDatesAndItsWarningsOnlyInFrench() {
    String member = "M-SEE-" + (System.nanoTime() % 100000);
    members.save(new Member(member, "Marc Noir", LocalDate.of(1975, 1, 1), "ACTIVE", "TN", false,
        LocalDate.of(2000, 1, 1), "AG-075"));
    Http.Response started = http.post("/api/death-claims", "conseiller", "demo", """
        {"memberId": "%s", "event": "DEATH", "eventDate": "2024-03-01", "memberCategory": "ACTIVE",
         "annualContributionBase": 30000, "family": [{"name": "Léa Noir", "relation": "CHILD", "birthDate": "2015-05-05",
         "alive": true, "dependent": true, "legalRepresentative": "Anne Noir"}], "designation": {"type": "STANDARD"}}""".formatted(member));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String id = started.json().get("id").asText();
    String record = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId();
    engine.getTaskService().complete(record, Map.of("documentsComplete", true));
    String check = summary(id, "checkBeneficiary");
    // The calculator's label keeps "5907.34" and "2023-07-01"; the advisor reads French.
    assertThat(check).contains("821 × 5 907,34 €", "au 01/07/2023").doesNotContain("5907.34", "2023-07-01");
    assertThat(check.lines().filter(line -> line.startsWith("Avertissements")).toList()).isNotEmpty()
        .allSatisfy(line -> assertThat(line).doesNotContain(" / ", "is not", "the base"));
    engine.getRuntimeService().deleteProcessInstance(id, "test");
  }

  @Test
  void anAgreementGrantedMeanwhileIsListedWhenTheMedecinTakesTheReview() {
    String waiting = priorApprovalWithQuote("700", "EUR", 181);
    String other = priorApprovalWithQuote("800", "EUR", 182);
    Jobs.runAll(engine, waiting);
    String review = engine.getTaskService().createTaskQuery().processInstanceId(waiting).taskDefinitionKey("medicalReview")
        .singleResult().getId();
    String before = (String) engine.getTaskService().getVariableLocal(review, "fileSummary");
    Jobs.runAll(engine, other);
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(other)
        .taskDefinitionKey("medicalReview").singleResult().getId(), Map.of("medicalDecision", "APPROVE"));
    Jobs.runAll(engine, other);
    String agreement = jdbc.sql("select agreement_number from prior_approval_file f join process_request r on "
        + "r.business_key = f.business_key where r.process_instance_id = ?").param(other).query(String.class).single();
    assertThat(agreement).isNotNull();
    assertThat(before).doesNotContain(agreement);
    engine.getTaskService().claim(review, "medecin");
    assertThat((String) engine.getTaskService().getVariableLocal(review, "fileSummary")).contains(agreement + " (hospitalisation, 800,00 €)");
    engine.getRuntimeService().deleteProcessInstance(waiting, "test");
  }
}
