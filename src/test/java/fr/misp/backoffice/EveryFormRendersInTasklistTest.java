package fr.misp.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.support.Browser;
import fr.misp.backoffice.support.NewFiles;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser, as the administrator: every user task's Camunda Form renders in Tasklist, in French,
 * and what it shows read-only is in words: no bare member number, establishment code, process code,
 * ISO date or JSON in place of a name, a French date or a sentence.
 */
@H2AppTest
class EveryFormRendersInTasklistTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired MemberDirectory members;
  @Autowired fr.misp.backoffice.network.MedicalNetwork network;
  Http http;

  /**
   * A value that is a code rather than words: a member number or an establishment code alone, a code of
   * the process (SOCIAL_LOAN), JSON.
   */
  static final Pattern CODE_NOT_WORDS = Pattern.compile(
      "M-[A-Z0-9-]+|[A-Z]{2}-[A-Z]{3}-\\d+|[A-Z]+(_[A-Z]+)+|[\\[{].*", Pattern.DOTALL);

  /** An ISO date in a text a person reads (a file reference holds one inside it: not that). */
  static final Pattern ISO_DATE_IN_TEXT = Pattern.compile("(?<![\\w-])\\d{4}-\\d{2}-\\d{2}(?![\\w-])");




  private String task(String processInstanceId, String key) {
    return NewFiles.task(engine, processInstanceId, key);
  }

  private String priorApproval(int daysBefore) {
    return NewFiles.priorApproval(http, daysBefore);
  }

  private String socialAid(String amount) {
    return NewFiles.socialAid(http, amount);
  }

  private String deathClaim(String member, String family, String designation) {
    return claim(member, "DEATH", family, designation);
  }

  private String claim(String member, String event, String family, String designation) {
    members.save(new Member(member, "Membre " + member, LocalDate.of(1950, 1, 1), "RETIRED", "SN", false,
        LocalDate.of(1990, 1, 1), "AG-075"));
    return http.post("/api/death-claims", "conseiller", "demo", """
        {"memberId": "%s", "event": "%s", "eventDate": "2024-01-10", "memberCategory": "RETIRED", "annualContributionBase": 0,
         "family": [%s], "designation": %s}""".formatted(member, event, family, designation)).json().get("id").asText();
  }

  @Test
  void everyTaskFormRenders() {
    http = new Http(port);
    Map<String, String> tasks = new LinkedHashMap<>();
    tasks.put("reviewLateRequest", task(priorApproval(3), "reviewLateRequest"));
    tasks.put("buildFile", task(priorApproval(201), "buildFile"));
    String review = priorApproval(202);
    engine.getTaskService().complete(task(review, "buildFile"), Map.of("documentsComplete", true, "quoteAmount", 900));
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().processInstanceId(review)
        .activityId("escalationTimer").singleResult().getId());
    tasks.put("medicalReview", task(review, "medicalReview"));
    tasks.put("escalateMedicalReview", task(review, "escalateMedicalReview"));
    tasks.put("buildSocialFile", task(socialAid("77.71"), "buildSocialFile"));
    String commission = socialAid("77.72");
    engine.getTaskService().complete(task(commission, "buildSocialFile"), Map.of("fileComplete", true, "advisorOpinion", "Complet"));
    tasks.put("commissionDecision", task(commission, "commissionDecision"));
    String arbitration = socialAid("77.73");
    engine.getTaskService().complete(task(arbitration, "buildSocialFile"), Map.of("fileComplete", true, "advisorOpinion", "Complet"));
    engine.getTaskService().complete(task(arbitration, "commissionDecision"), Map.of("commissionDecision", "GRANT",
        "grantedAmount", 9_999_999, "motivation", "Plus que la dotation"));
    tasks.put("arbitrateEndowment", task(arbitration, "arbitrateEndowment"));
    String adjourned = socialAid("77.74");
    jdbc.sql("delete from commission_session").update();
    engine.getTaskService().complete(task(adjourned, "buildSocialFile"), Map.of("fileComplete", true, "advisorOpinion", "Complet"));
    engine.getTaskService().complete(task(adjourned, "commissionDecision"), Map.of("commissionDecision", "ADJOURN"));
    tasks.put("scheduleCommissionSession", task(adjourned, "scheduleCommissionSession"));
    // Payments and repayments: their tasks as the bank's notifications and the reviews open them.
    String returned = engine.getRuntimeService().startProcessInstanceByKey("paymentException", "PX-FORM-1", Map.of(
        "exceptionKind", "RETURNED", "beneficiary", "Rose", "amount", "3500.00", "bankReason", "Compte clôturé (AC04)",
        "orderKey", "X", "bankEntryId", "E1")).getId();
    tasks.put("correctBankDetails", task(returned, "correctBankDetails"));
    String unknownEntry = engine.getRuntimeService().startProcessInstanceByKey("paymentException", "PX-FORM-2", Map.of(
        "exceptionKind", "UNKNOWN_ENTRY", "amount", "12.34", "bankReason", "Aucun ordre de paiement ne porte cette référence",
        "bankEntryId", "E2")).getId();
    tasks.put("reconcileBankEntry", task(unknownEntry, "reconcileBankEntry"));
    String rejectedOrder = engine.getRuntimeService().startProcessInstanceByKey("paymentException", "PX-FORM-3", Map.of(
        "exceptionKind", "REJECTED", "beneficiary", "Rose", "amount", "6000.00", "bankReason",
        "Rejeté par un gestionnaire : doublon supposé", "orderKey", "X")).getId();
    tasks.put("reviewRejectedPayment", task(rejectedOrder, "reviewRejectedPayment"));
    String arrears = engine.getRuntimeService().createProcessInstanceByKey("loanRepayment").businessKey("LR-FORM-1")
        .startBeforeActivity("decideArrears").setVariables(Map.of("loanFileKey", "SA-FORM", "loanReference",
            "MISP-PRET-0000FORM", "missedInstalments", 2, "overdueAmount", "800.00", "outstandingAmount", "800.00"))
        .execute().getId();
    tasks.put("decideArrears", task(arrears, "decideArrears"));
    String pta = http.post("/api/temporary-autonomy-claims", "conseiller", "demo", """
        {"memberId": "M-ES-001", "stoppageStartDate": "%s"}""".formatted(LocalDate.now().minusDays(45)))
        .json().get("id").asText();
    tasks.put("assessPathology", task(pta, "assessPathology"));
    String dependency = http.post("/api/total-dependency-claims", "conseiller", "demo", """
        {"memberId": "M-ES-001", "dependencyStartDate": "%s"}""".formatted(LocalDate.now().minusMonths(2)))
        .json().get("id").asText();
    tasks.put("assessGir", task(dependency, "assessGir"));
    String yearly = engine.getRuntimeService().createProcessInstanceByKey("totalDependency").businessKey("DEP-FORM-1")
        .startBeforeActivity("homeCareEvidence").setVariables(Map.of("memberId", "M-ES-001")).execute().getId();
    tasks.put("homeCareEvidence", task(yearly, "homeCareEvidence"));
    String monthly = engine.getRuntimeService().createProcessInstanceByKey("dailyAllowance").businessKey("AJ-FORM-1")
        .startBeforeActivity("recordMonthlyPay").setVariables(Map.of("memberId", "M-ES-001", "ajMonth", "2026-10-01"))
        .execute().getId();
    tasks.put("recordMonthlyPay", task(monthly, "recordMonthlyPay"));
    for (String key : new String[] {"recordDisabilityResources", "decideDisabilityCapital"}) {
      String disability = engine.getRuntimeService().createProcessInstanceByKey("disabilityAllowance")
          .businessKey("INV-FORM-" + key).startBeforeActivity(key).setVariables(Map.of("memberId", "M-ES-001")).execute()
          .getId();
      tasks.put(key, task(disability, key));
    }
    tasks.put("recordEvent", task(deathClaim("M-FORM-1", "", "{\"type\": \"STANDARD\"}"), "recordEvent"));
    String clarify = deathClaim("M-FORM-2", "", "{\"type\": \"SPECIFIC\", \"beneficiaries\": [{\"name\": \"Ami\", \"share\": 50}]}");
    engine.getTaskService().complete(task(clarify, "recordEvent"), Map.of("documentsComplete", true));
    tasks.put("clarifyDesignation", task(clarify, "clarifyDesignation"));
    String heirs = deathClaim("M-FORM-3", "", "{\"type\": \"STANDARD\"}");
    engine.getTaskService().complete(task(heirs, "recordEvent"), Map.of("documentsComplete", true));
    tasks.put("notaryDeed", task(heirs, "notaryDeed"));
    String check = deathClaim("M-FORM-4", """
        {"name": "Rose", "relation": "SPOUSE", "unionType": "PACS", "birthDate": "1955-01-01", "alive": true}""", "{\"type\": \"STANDARD\"}");
    engine.getTaskService().complete(task(check, "recordEvent"), Map.of("documentsComplete", true));
    tasks.put("checkBeneficiary", task(check, "checkBeneficiary"));
    String ptia = claim("M-FORM-6", "PTIA", "", "{\"type\": \"STANDARD\"}");
    engine.getTaskService().complete(task(ptia, "recordEvent"), Map.of("documentsComplete", true));
    tasks.put("assessPtia", task(ptia, "assessPtia"));
    String lost = deathClaim("M-FORM-7", """
        {"name": "Perdu", "relation": "SPOUSE", "unionType": "PACS", "birthDate": "1955-01-01", "alive": true}""", "{\"type\": \"STANDARD\"}");
    engine.getTaskService().complete(task(lost, "recordEvent"), Map.of("documentsComplete", true));
    engine.getTaskService().complete(task(lost, "checkBeneficiary"), Map.of("beneficiaryCheck", "NOT_FOUND"));
    tasks.put("searchBeneficiary", task(lost, "searchBeneficiary"));
    String decide = deathClaim("M-FORM-8", """
        {"name": "Perdue", "relation": "SPOUSE", "unionType": "PACS", "birthDate": "1955-01-01", "alive": true}""", "{\"type\": \"STANDARD\"}");
    engine.getTaskService().complete(task(decide, "recordEvent"), Map.of("documentsComplete", true));
    engine.getTaskService().complete(task(decide, "checkBeneficiary"), Map.of("beneficiaryCheck", "NOT_FOUND"));
    engine.getTaskService().complete(task(decide, "searchBeneficiary"), Map.of("searchOutcome", "STILL_UNFOUND",
        "searchNotes", "Courrier revenu"));
    tasks.put("decideUnfoundShare", task(decide, "decideUnfoundShare"));
    members.save(new Member("M-FORM-5", "Membre M-FORM-5", LocalDate.of(1950, 1, 1), "RETIRED", "SN", false,
        LocalDate.of(1990, 1, 1), "AG-075"));
    String beforeAnyPoint = http.post("/api/death-claims", "conseiller", "demo", """
        {"memberId": "M-FORM-5", "event": "DEATH", "eventDate": "2005-06-01", "memberCategory": "RETIRED",
         "annualContributionBase": 0, "family": [{"name": "Lou", "relation": "CHILD", "birthDate": "2000-01-01",
         "alive": true, "dependent": true}], "designation": {"type": "STANDARD"}}""").json().get("id").asText();
    engine.getTaskService().complete(task(beforeAnyPoint, "recordEvent"), Map.of("documentsComplete", true));
    tasks.put("addMissingParameter", task(beforeAnyPoint, "addMissingParameter"));

    try (Browser browser = Browser.open(port)) {
      browser.loginToTasklist("admin", "demo");
      for (Map.Entry<String, String> entry : tasks.entrySet()) {
        browser.openTask(entry.getValue());
        try {
          browser.until(driver -> !driver.findElements(By.cssSelector("[cam-tasklist-form-camunda] form.fjs-form .fjs-form-field")).isEmpty()
              || driver.getPageSource().contains("Erreur de formulaire"));
        } catch (RuntimeException e) {
          browser.screenshot("form-" + entry.getKey());
          throw new AssertionError(entry.getKey() + ": no form; page says: " + browser.text(), e);
        }
        assertThat(browser.text()).as(entry.getKey()).doesNotContain("Erreur de formulaire").containsPattern("[éèàçÉ]");
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) browser.script("""
            return Array.from(document.querySelectorAll('[cam-tasklist-form-camunda] form.fjs-form input, '
                + '[cam-tasklist-form-camunda] form.fjs-form textarea'))
              .filter(e => (e.disabled || e.readOnly) && e.type !== 'checkbox' && e.type !== 'radio').map(e => e.value);""");
        assertThat(shown).as("%s shows read-only", entry.getKey()).noneMatch(value -> CODE_NOT_WORDS.matcher(value.trim()).matches())
            .noneMatch(value -> ISO_DATE_IN_TEXT.matcher(value).find());
        // The prior approval's member and establishment (M-NC-001, NC-NOU-01) by their names.
        String establishment = network.find("NC-NOU-01").map(e -> e.name() + ", " + e.city() + " (Nouvelle-Calédonie)").orElseThrow();
        if (entry.getKey().equals("buildFile")) {
          assertThat(shown).as(entry.getKey()).contains(members.find("M-NC-001").orElseThrow().name() + " (n° M-NC-001)", establishment);
        } else if (entry.getKey().equals("medicalReview")) {
          assertThat(shown).as(entry.getKey()).contains(establishment);
        }
        // Read-only choices show their words, never the code the process keeps.
        if (entry.getKey().equals("recordEvent") || entry.getKey().equals("buildSocialFile")) {
          String form = browser.until(driver -> driver.findElements(By.cssSelector("[cam-tasklist-form-camunda] "
              + "form.fjs-form")).stream().map(org.openqa.selenium.WebElement::getText)
              .filter(text -> text.contains("Aide") || text.contains("vénement")).findFirst().orElse(null));
          assertThat(form).as(entry.getKey()).contains(entry.getKey().equals("recordEvent") ? "Décès" : "Aide non remboursable")
              .doesNotContain("DEATH").doesNotContain("GRANT");
        }
      }
    }
  }
}
