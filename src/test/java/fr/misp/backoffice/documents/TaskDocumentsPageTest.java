package fr.misp.backoffice.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.misp.backoffice.letters.Letters;
import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.letters.Notice;
import fr.misp.backoffice.support.Browser;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import fr.misp.backoffice.support.Jobs;
import fr.misp.backoffice.support.NewFiles;
import fr.misp.backoffice.support.WebappSession;
import fr.misp.backoffice.support.WebappSession.Raw;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Pièces du dossier" from a Tasklist task: upload in a real Chromium, completeness decided by the
 * documents present (refused while a required type is missing), what each decider sees, the letters
 * of a file to be posted by the agency, and the attacks (another zone or group, another file's
 * document, a medical document to a non-médecin, bad content, a forged post, the same upload twice at once).
 */
@H2AppTest
@ExtendWith(OutputCaptureExtension.class)
class TaskDocumentsPageTest {

  private static final Pattern TOKEN = Pattern.compile("name=\"jeton\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired DocumentCompleteness completeness;
  @Autowired Letters letters;
  @Autowired MemberDirectory members;

  // Admission dates no other test uses: the same request twice is the same file.
  private static int admissionOffset = 233;

  @BeforeEach
  void completenessFromTheDocuments() {
    completeness.enforce(true);
  }

  @AfterEach
  void asTheOtherTestsExpect() {
    completeness.enforce(false);
  }

  /** A new prior-approval file waiting at buildFile (each with its own admission date: a new request). */
  String newFile(String member, String country, String establishment) {
    LocalDate today = LocalDate.now();
    Http.Response started = new Http(port).post("/api/prior-approvals", "conseiller", "demo", """
        {"memberId": "%s", "type": "HOSPITALISATION", "countryOfResidence": "%s", "receivedDate": "%s",
         "plannedAdmissionDate": "%s", "establishmentId": "%s"}""".formatted(member, country, today,
        today.plusDays(admissionOffset++), establishment));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    return started.json().get("id").asText();
  }

  String task(String processInstanceId, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
        .singleResult().getId();
  }

  String businessKey(String processInstanceId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getBusinessKey();
  }

  long stored(String businessKey) {
    return jdbc.sql("select count(*) from file_document where business_key = ?").param(businessKey).query(Long.class)
        .single();
  }

  static byte[] pdf(int pages) throws Exception {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int i = 0; i < pages; i++) {
        document.addPage(new PDPage());
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  static byte[] png() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }

  /** The page's text as a person reads it (tags out, entities and spaces as shown). */
  static String shown(Raw page) {
    return page.text().replaceAll("<[^>]+>", " ").replace("&#39;", "'").replaceAll("\\s+", " ");
  }

  static String token(Raw page) {
    Matcher matcher = TOKEN.matcher(page.text());
    assertThat(matcher.find()).as("the page's form token").isTrue();
    return matcher.group(1);
  }

  /** A multipart body: the fields, then the file part (declared as PDF, whatever it holds). */
  static byte[] multipart(String boundary, Map<String, String> fields, String fileField, String fileName, byte[] content) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    if (content != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
          + fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  /** Posts the page's upload form as the browser does (same origin unless told otherwise). */
  Raw upload(WebappSession session, String taskId, String token, String type, String fileName, byte[] content,
      String... headers) {
    String boundary = "----misp" + UUID.randomUUID();
    java.util.LinkedHashMap<String, String> fields = new java.util.LinkedHashMap<>();
    if (token != null) {
      fields.put("jeton", token);
    }
    fields.put("type", type);
    String[] all = headers.length > 0 ? headers : new String[] {"Origin", "http://localhost:" + port};
    return session.sendBytes("POST", "/pieces/taches/" + taskId, "multipart/form-data; boundary=" + boundary,
        multipart(boundary, fields, "fichier", fileName, content), all);
  }

  @Test
  void inTasklistImaAddsWhatTheFileNeedsAndTheMedecinReadsTheQuoteAndTheReport() throws Exception {
    String file = newFile("M-ES-001", "ES", "ES-BCN-01");
    String buildFile = task(file, "buildFile");
    byte[] quote = pdf(2);
    byte[] report = pdf(3);
    Path quoteFile = Files.write(Files.createTempFile(Path.of("target"), "devis-clinique-", ".pdf"), quote);
    Path reportFile = Files.write(Files.createTempFile(Path.of("target"), "compte-rendu-", ".pdf"), report);
    String today = LocalDate.now().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

    try (Browser browser = Browser.open(port)) {
      WebDriver driver = browser.driver();
      browser.loginToTasklist("ima", "demo");
      browser.openTask(buildFile);
      String pieces = inPanel(browser, "Pièces requises pour cette étape");
      assertThat(pieces).contains("Devis : manquante", "Compte rendu médical : manquante",
          "Il manque : Devis, Compte rendu médical");
      driver.switchTo().defaultContent();

      // The checkbox alone cannot make the file complete.
      browser.claim();
      browser.field("documentsComplete").click();
      browser.type("quoteAmount", "2750.5");
      browser.type("quoteCurrency", "EUR");
      browser.complete();
      browser.until(d -> browser.text().contains("Le dossier ne peut pas être déclaré complet : il manque Devis, "
          + "Compte rendu médical"));
      assertThat(engine.getTaskService().createTaskQuery().taskId(buildFile).count()).isEqualTo(1);

      addInPanel(browser, "QUOTE", quoteFile);
      String afterQuote = inPanel(browser, "Le document a été ajouté au dossier.");
      assertThat(afterQuote).contains("Devis : reçue", "Compte rendu médical : manquante", quoteFile.getFileName()
          .toString(), today, "ima");
      assertThat(driver.findElement(By.cssSelector("#pieces tbody")).getText()).contains(new PageFormat().size(quote.length));
      driver.switchTo().defaultContent();

      addInPanel(browser, "MEDICAL_REPORT", reportFile);
      String afterReport = inPanel(browser, "Le document a été ajouté au dossier.");
      // IMA gave the report and never sees it again: only that it is there.
      assertThat(afterReport).contains("Compte rendu médical : reçue", "Toutes les pièces requises sont dans le dossier",
          "réservées aux médecins-conseil").doesNotContain(reportFile.getFileName().toString());
      driver.switchTo().defaultContent();
      browser.screenshot("tasklist-buildFile-documents");

      // The refusal's notification covers the button until it is closed.
      browser.script("document.querySelectorAll('.page-notifications .close, .notifications .close')"
          + ".forEach(function (b) { b.click(); });");
      browser.until(d -> browser.displayed(".page-notifications .alert").isEmpty());
      browser.script("document.querySelector(\".form-actions button[ng-click='complete()']\")"
          + ".scrollIntoView({block: 'center'});");
      browser.complete();
      browser.until(d -> engine.getTaskService().createTaskQuery().processInstanceId(file)
          .taskDefinitionKey("medicalReview").count() == 1);
      assertThat(browser.errors()).isEmpty();
    }

    String medicalReview = task(file, "medicalReview");
    String reportHref;
    try (Browser browser = Browser.open(port)) {
      browser.loginToTasklist("medecin", "demo");
      browser.openTask(medicalReview);
      inPanel(browser, "Documents");
      List<WebElement> forDecision = browser.driver().findElements(By.cssSelector("tr.pour-decision"));
      assertThat(forDecision).extracting(WebElement::getText).anySatisfy(row -> assertThat(row).contains("Devis",
          quoteFile.getFileName().toString())).anySatisfy(row -> assertThat(row).contains("Compte rendu médical",
          reportFile.getFileName().toString()));
      reportHref = browser.driver().findElement(By.linkText(reportFile.getFileName().toString())).getAttribute("href");
      browser.screenshot("tasklist-medicalReview-documents");
    }
    WebappSession medecin = WebappSession.signIn(port, "tasklist", "medecin", "demo");
    Raw download = medecin.sendBytes("GET", URI.create(reportHref).getPath(), null, null);
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(report);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
  }

  /** Waits for the panel above the form to show a text, and stays in it. */
  private static String inPanel(Browser browser, String text) {
    WebDriver driver = browser.driver();
    return browser.until(d -> {
      driver.switchTo().defaultContent();
      List<WebElement> frames = driver.findElements(By.cssSelector("#misp-task-documents iframe"));
      if (frames.isEmpty()) {
        return null;
      }
      driver.switchTo().frame(frames.get(0));
      String body = driver.findElement(By.tagName("body")).getText();
      return body.contains(text) ? body : null;
    });
  }

  private static void addInPanel(Browser browser, String type, Path file) {
    inPanel(browser, "Ajouter un document");
    WebDriver driver = browser.driver();
    new Select(driver.findElement(By.name("type"))).selectByValue(type);
    // The file button a person sees is ours, in French ("Choose File" is the browser's own, hidden under it).
    assertThat(driver.findElement(By.cssSelector(".file-choice .choose")).getText()).isEqualTo("Choisir le fichier…");
    assertThat(driver.findElement(By.name("fichier")).getCssValue("opacity")).isEqualTo("0");
    driver.findElement(By.name("fichier")).sendKeys(file.toAbsolutePath().toString());
    assertThat(driver.findElement(By.cssSelector(".file-choice .chosen")).getText()).startsWith("Fichier choisi");
    driver.findElement(By.cssSelector("#ajout button[type=submit]")).click();
    driver.switchTo().defaultContent();
  }

  @Test
  void attacksFindNothingAndStoreNothing(CapturedOutput output) throws Exception {
    String fileA = newFile("M-ES-001", "ES", "ES-BCN-01");
    String fileB = newFile("M-ES-001", "ES", "ES-BCN-01");
    String taskA = task(fileA, "buildFile");
    String taskB = task(fileB, "buildFile");
    String keyA = businessKey(fileA);
    String keyB = businessKey(fileB);
    WebappSession ima = WebappSession.signIn(port, "tasklist", "ima", "demo");
    Raw page = ima.sendBytes("GET", "/pieces/taches/" + taskA, null, null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("Pièces du dossier", keyA);
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
    String token = token(page);

    // Not signed in to the webapps.
    HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/pieces/taches/" + taskA)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("Connectez-vous à Tasklist");

    // Another zone, another group: the task does not exist for them, reading or writing.
    for (String other : List.of("hcs", "commission", "conseiller")) {
      WebappSession session = WebappSession.signIn(port, "tasklist", other, "demo");
      Raw seen = session.sendBytes("GET", "/pieces/taches/" + taskA, null, null);
      assertThat(seen.status()).as(other).isEqualTo(404);
      assertThat(seen.text()).contains("pas visible pour vous").doesNotContain(keyA);
      assertThat(upload(session, taskA, token, "QUOTE", "devis.pdf", pdf(1)).status()).as(other).isEqualTo(404);
    }
    assertThat(stored(keyA)).isZero();

    // A forged post: no token, a wrong one, another origin.
    assertThat(upload(ima, taskA, null, "QUOTE", "devis.pdf", pdf(1)).status()).isEqualTo(403);
    assertThat(upload(ima, taskA, "x" + token, "QUOTE", "devis.pdf", pdf(1)).status()).isEqualTo(403);
    Raw forged = upload(ima, taskA, token, "QUOTE", "devis.pdf", pdf(1), "Origin", "https://ailleurs.example");
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.text()).contains("Ce formulaire a expiré");
    assertThat(stored(keyA)).isZero();

    // Bad content: a French message, the name sent never echoed, nothing stored.
    Raw text = upload(ima, taskA, token, "QUOTE", "secret-nom.pdf", "pas un PDF".getBytes(StandardCharsets.UTF_8));
    assertThat(text.status()).isEqualTo(400);
    assertThat(text.text()).contains("Seuls les fichiers PDF, JPEG et PNG sont acceptés").doesNotContain("secret-nom");
    Raw mislabelled = upload(ima, taskA, token, "QUOTE", "devis.pdf", png());
    assertThat(mislabelled.status()).isEqualTo(400);
    assertThat(mislabelled.text()).contains("Le nom du fichier annonce un autre type que son contenu");
    assertThat(upload(ima, taskA, token, "QUOTE", "vide.pdf", new byte[0]).text()).contains("Le fichier est vide");
    assertThat(upload(ima, taskA, token, "RADIO", "devis.pdf", pdf(1)).text()).contains("Type de document inconnu");
    byte[] big = Arrays.copyOf(pdf(1), 10 * 1024 * 1024 + 1);
    Raw tooLarge = upload(ima, taskA, token, "QUOTE", "gros.pdf", big);
    assertThat(tooLarge.status()).isEqualTo(400);
    assertThat(tooLarge.text()).contains("Le fichier dépasse 10 Mo");
    Raw overServlet = upload(ima, taskA, token, "QUOTE", "enorme.pdf", Arrays.copyOf(pdf(1), 12 * 1024 * 1024));
    assertThat(overServlet.status()).isEqualTo(400);
    assertThat(overServlet.text()).contains("Le fichier dépasse 10 Mo");
    assertThat(stored(keyA)).isZero();

    // The same upload twice at once: one document.
    byte[] quote = pdf(4);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Raw>> twice = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
      try {
        go.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return upload(ima, taskA, token, "QUOTE", "devis.pdf", quote);
    })).toList();
    go.countDown();
    for (CompletableFuture<Raw> answer : twice) {
      assertThat(answer.get().status()).isEqualTo(303);
    }
    assertThat(stored(keyA)).isEqualTo(1);

    // A medical document never reaches a non-médecin: not listed, not read, not in the engine, not logged.
    String secretName = "rapport-secret-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(upload(ima, taskA, token, "MEDICAL_REPORT", secretName + ".pdf", pdf(5)).status()).isEqualTo(303);
    String medicalId = jdbc.sql("select id from file_document where business_key = ? and medical = true").param(keyA)
        .query(String.class).single();
    Raw imaPage = ima.sendBytes("GET", "/pieces/taches/" + taskA, null, null);
    assertThat(imaPage.text()).doesNotContain(secretName).doesNotContain(medicalId);
    assertThat(ima.sendBytes("GET", "/pieces/taches/" + taskA + "/documents/" + medicalId, null, null).status())
        .isEqualTo(404);
    WebappSession manager = WebappSession.signIn(port, "tasklist", "gestionnaire", "demo");
    Raw managerPage = manager.sendBytes("GET", "/pieces/taches/" + taskA, null, null);
    if (managerPage.status() == 200) {
      assertThat(managerPage.text()).doesNotContain(secretName).doesNotContain(medicalId);
    }
    assertThat(manager.sendBytes("GET", "/pieces/taches/" + taskA + "/documents/" + medicalId, null, null).status())
        .isEqualTo(404);
    assertThat(new Http(port).get("/api/files/" + fileA + "/documents", "conseiller", "demo").body())
        .doesNotContain(secretName);
    for (HistoricVariableInstance variable : engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(fileA).list()) {
      assertThat(String.valueOf(variable.getValue())).doesNotContain(secretName);
    }
    assertThat(output.getAll()).doesNotContain(secretName).doesNotContain("secret-nom");

    // Another file's document through this task: it does not exist here.
    WebappSession imaB = WebappSession.signIn(port, "tasklist", "ima", "demo");
    String tokenB = token(imaB.sendBytes("GET", "/pieces/taches/" + taskB, null, null));
    assertThat(upload(imaB, taskB, tokenB, "QUOTE", "devis-b.pdf", pdf(6)).status()).isEqualTo(303);
    String quoteB = jdbc.sql("select id from file_document where business_key = ?").param(keyB).query(String.class)
        .single();
    assertThat(ima.sendBytes("GET", "/pieces/taches/" + taskA + "/documents/" + quoteB, null, null).status())
        .isEqualTo(404);
    assertThat(imaB.sendBytes("GET", "/pieces/taches/" + taskB + "/documents/" + quoteB, null, null).status())
        .isEqualTo(200);

    // The server decides completeness, through every way of completing: B lacks the medical report.
    Http http = new Http(port);
    assertThat(http.post("/engine-rest/task/" + taskB + "/claim", "ima", "demo", "{\"userId\": \"ima\"}").status())
        .isEqualTo(204);
    Http.Response claimed = http.post("/engine-rest/task/" + taskB + "/submit-form", "ima", "demo", """
        {"variables": {"documentsComplete": {"value": true}, "quoteAmount": {"value": 2000},
         "quoteCurrency": {"value": "EUR"}}}""");
    assertThat(claimed.status()).isEqualTo(400);
    assertThat(claimed.body()).contains("il manque Compte rendu médical").doesNotContain("Devis,");
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskB).count()).isEqualTo(1);
  }

  @Test
  void socialAidAndDeathCapitalEachRequireTheirOwnPieces() throws Exception {
    Http http = new Http(port);
    String aid = NewFiles.socialAid(http, "417");
    String buildSocialFile = NewFiles.task(engine, aid, "buildSocialFile");
    WebappSession advisor = WebappSession.signIn(port, "tasklist", "conseiller", "demo");
    Raw page = advisor.sendBytes("GET", "/pieces/taches/" + buildSocialFile, null, null);
    assertThat(shown(page)).contains("Pièce d'identité : manquante", "Justificatif de ressources : manquante");
    assertThatThrownBy(() -> engine.getTaskService().complete(buildSocialFile, Map.of("fileComplete", true)))
        .hasMessageContaining("il manque Pièce d'identité, Justificatif de ressources");
    String token = token(page);
    assertThat(upload(advisor, buildSocialFile, token, "IDENTITY", "cni.png", png()).status()).isEqualTo(303);
    assertThat(upload(advisor, buildSocialFile, token, "PROOF_OF_RESOURCES", "avis.pdf", pdf(7)).status()).isEqualTo(303);
    assertThat(advisor.sendBytes("GET", "/pieces/taches/" + buildSocialFile, null, null).text())
        .contains("Toutes les pièces requises sont dans le dossier");

    String member = "M-PIECES-" + System.nanoTime() % 100000;
    members.save(new Member(member, "Lucie Martin", LocalDate.of(1960, 1, 1), "RETIRED", "ES", false,
        LocalDate.of(1990, 1, 1), "AG-075"));
    Http.Response claim = http.post("/api/death-claims", "conseiller", "demo", """
        {"memberId": "%s", "event": "DEATH", "eventDate": "2024-03-01", "memberCategory": "RETIRED",
         "annualContributionBase": 0, "family": [{"name": "Paul Martin", "relation": "SPOUSE", "unionType": "MARRIAGE",
         "birthDate": "1958-02-02", "alive": true}], "designation": {"type": "STANDARD"}}""".formatted(member));
    assertThat(claim.status()).as(claim.body()).isEqualTo(201);
    String recordEvent = task(claim.json().get("id").asText(), "recordEvent");
    assertThat(shown(advisor.sendBytes("GET", "/pieces/taches/" + recordEvent, null, null)))
        .contains("Acte de décès : manquante");
    assertThatThrownBy(() -> engine.getTaskService().complete(recordEvent, Map.of("documentsComplete", true)))
        .hasMessageContaining("il manque Acte de décès");
  }

  @Test
  void aLetterToAMemberWithoutEmailIsForTheAgencyToPostAndListedOnTheTask() throws Exception {
    // Amadou Diallo has no e-mail address: the request for missing documents goes to his agency.
    String file = newFile("M-SN-001", "SN", "SN-DKR-01");
    String key = businessKey(file);
    completeness.enforce(false);
    engine.getTaskService().complete(task(file, "buildFile"), Map.of("documentsComplete", false,
        "missingDocuments", "Devis de l'hôpital", "quoteAmount", "1000", "quoteCurrency", "XOF"));
    Jobs.runAll(engine, file);
    Notice notice = jdbc.sql("select id, business_key, kind, recipient, message, round_number, created_at, attempts "
        + "from notification_outbox where business_key = ? and recipient like 'member:%'").param(key)
        .query(Notice.class).single();
    String letterId = letters.of(notice).orElseThrow().id();
    assertThat(new Http(port).post("/api/prior-approvals/" + file + "/documents-received", "ima", "demo", "").status())
        .isEqualTo(200);
    Jobs.runAll(engine, file);
    String buildFile = task(file, "buildFile");

    WebappSession ima = WebappSession.signIn(port, "tasklist", "ima", "demo");
    Raw page = ima.sendBytes("GET", "/pieces/taches/" + buildFile, null, null);
    assertThat(page.text().replace("&#39;", "'")).contains("Courriers du dossier", "membre", "en attente d'envoi",
        "à imprimer et poster par l'agence", "/pieces/taches/" + buildFile + "/courriers/" + letterId);
    Raw pdf = ima.sendBytes("GET", "/pieces/taches/" + buildFile + "/courriers/" + letterId, null, null);
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(new Http(port).get("/api/files/" + file + "/letters", "conseiller", "demo").json().get("letters").get(0)
        .get("forPosting").asBoolean()).isTrue();

    // Another file's letter through another task: not there.
    String other = newFile("M-ES-001", "ES", "ES-BCN-01");
    Raw elsewhere = ima.sendBytes("GET", "/pieces/taches/" + task(other, "buildFile") + "/courriers/" + letterId, null,
        null);
    assertThat(elsewhere.status()).isEqualTo(404);
  }
}
