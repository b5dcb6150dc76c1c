package fr.misp.backoffice.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.misp.backoffice.support.H2AppTest;
import fr.misp.backoffice.support.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Documents of a file over real HTTP (multipart): typed, size-limited, recognised from their bytes,
 * stored with their SHA-256; the medical ones for médecins-conseil only; 400 with French and English
 * field errors that never quote what was sent.
 */
@H2AppTest
class DocumentsApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  Http http;
  String file;

  @BeforeEach
  void aFile() {
    http = new Http(port);
    if (file == null) {
      LocalDate today = LocalDate.now();
      Http.Response started = http.post("/api/prior-approvals", "conseiller", "demo", """
          {"memberId": "M-ES-001", "type": "HOSPITALISATION", "countryOfResidence": "ES", "receivedDate": "%s",
           "plannedAdmissionDate": "%s", "establishmentId": "ES-BCN-01"}""".formatted(today, today.plusDays(53)));
      assertThat(started.status()).as(started.body()).isIn(200, 201);
      file = started.json().get("id").asText();
    }
  }

  record Answer(int status, byte[] body, HttpResponse<byte[]> raw) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() throws Exception {
      return JSON.readTree(body);
    }
  }

  Answer upload(String user, String type, String name, byte[] content) throws Exception {
    String boundary = "----misp" + UUID.randomUUID();
    byte[] body = TaskDocumentsPageTest.multipart(boundary, type == null ? Map.of() : Map.of("type", type), "file", name,
        content);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/files/" + file + "/documents"))
        .header("Authorization", basic(user)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    return new Answer(response.statusCode(), response.body(), response);
  }

  Answer get(String user, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", basic(user)).GET().build();
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    return new Answer(response.statusCode(), response.body(), response);
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  static byte[] pdf() throws Exception {
    return TaskDocumentsPageTest.pdf(1);
  }

  static byte[] png() throws Exception {
    return TaskDocumentsPageTest.png();
  }

  @Test
  void aDocumentIsStoredWithItsChecksumAndMedicalOnesStayWithTheMedecins() throws Exception {
    byte[] quote = pdf();
    Answer added = upload("conseiller", "QUOTE", "Devis clinique été.pdf", quote);
    assertThat(added.status()).as(added.text()).isEqualTo(201);
    assertThat(added.json().get("sha256").asText()).isEqualTo(FileDocuments.sha256(quote));
    assertThat(added.json().get("mediaType").asText()).isEqualTo("application/pdf");
    assertThat(added.json().get("fileName").asText()).isEqualTo("Devis_clinique_ete.pdf");
    byte[] report = png();
    // IMA builds the file: it may add the member's medical report, and never read it again.
    Answer medical = upload("ima", "MEDICAL_REPORT", "compte-rendu.png", report);
    assertThat(medical.status()).as(medical.text()).isEqualTo(201);
    String medicalId = medical.json().get("id").asText();

    Answer forAdvisor = get("conseiller", "/api/files/" + file + "/documents");
    assertThat(forAdvisor.status()).isEqualTo(200);
    assertThat(forAdvisor.text()).contains(added.json().get("id").asText()).doesNotContain(medicalId)
        .doesNotContain("compte-rendu");
    assertThat(get("ima", "/api/files/" + file + "/documents").text()).doesNotContain(medicalId);
    assertThat(get("conseiller", "/api/files/" + file + "/documents/" + medicalId).status()).isEqualTo(404);
    assertThat(get("gestionnaire", "/api/files/" + file + "/documents/" + medicalId).status()).isEqualTo(404);

    Answer forMedecin = get("medecin", "/api/files/" + file + "/documents");
    assertThat(forMedecin.text()).contains(medicalId).contains("\"medical\":true");
    Answer read = get("medecin", "/api/files/" + file + "/documents/" + medicalId);
    assertThat(read.status()).isEqualTo(200);
    assertThat(Arrays.equals(read.body(), report)).isTrue();
    assertThat(read.raw().headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(read.raw().headers().firstValue("X-Content-SHA256")).hasValue(FileDocuments.sha256(report));
    assertThat(read.raw().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

    // HCS does not follow IMA's zone; the commission does not read prior approvals.
    assertThat(upload("hcs", "QUOTE", "d.pdf", quote).status()).isEqualTo(403);
    assertThat(get("hcs", "/api/files/" + file + "/documents").status()).isEqualTo(403);
    assertThat(get("commission", "/api/files/" + file + "/documents").status()).isEqualTo(403);
    assertThat(get("conseiller", "/api/files/no-such-file/documents").status()).isEqualTo(404);
  }

  @Test
  void badUploadsAre400WithTheFieldInFrenchAndEnglishAndNothingQuoted() throws Exception {
    // An HTML page named .pdf and declared application/pdf: recognised from its bytes, refused.
    Answer disguised = upload("conseiller", "QUOTE", "devis-secret.pdf",
        "<html><body><script>alert('x')</script></body></html>".getBytes(StandardCharsets.UTF_8));
    assertThat(disguised.status()).isEqualTo(400);
    assertThat(disguised.text()).contains("\"field\":\"file\"").contains("unsupported_content")
        .contains("Seuls les fichiers PDF").contains("Only PDF").doesNotContain("script").doesNotContain("devis-secret");

    Answer unknownType = upload("conseiller", "<b>RADIO</b>", "d.pdf", pdf());
    assertThat(unknownType.status()).isEqualTo(400);
    assertThat(unknownType.text()).contains("\"field\":\"type\"").contains("Type de document inconnu")
        .contains("Unknown document type").doesNotContain("RADIO");

    assertThat(upload("conseiller", "QUOTE", "vide.pdf", new byte[0]).text()).contains("must_not_be_empty");
    assertThat(upload("conseiller", "QUOTE", null, null).text()).contains("\"field\":\"file\"");
    assertThat(upload("conseiller", null, "d.pdf", pdf()).text()).contains("\"field\":\"type\"");

    // Over the documents' limit (10 MB), and over the servlet's (11 MB): the same 400 on the file.
    byte[] big = Arrays.copyOf(pdf(), 10 * 1024 * 1024 + 1);
    Answer tooLarge = upload("conseiller", "QUOTE", "gros.pdf", big);
    assertThat(tooLarge.status()).isEqualTo(400);
    assertThat(tooLarge.text()).contains("too_large").contains("Le fichier dépasse 10 Mo");
    Answer overServlet = upload("conseiller", "QUOTE", "enorme.pdf", Arrays.copyOf(pdf(), 12 * 1024 * 1024));
    assertThat(overServlet.status()).isEqualTo(400);
    assertThat(overServlet.text()).contains("\"field\":\"file\"").contains("too_large");

    assertThat(get("conseiller", "/api/files/" + file + "/documents").text()).doesNotContain("gros").doesNotContain("vide");
    assertThat(http.post("/api/files/" + file + "/documents", "conseiller", "demo", "{}").status()).isBetween(400, 499);
  }
}
