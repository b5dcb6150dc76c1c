package fr.misp.backoffice.benchmark;

import fr.misp.backoffice.MispApplication;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Upload and download latency of a 5 MB PDF through {@code /api/files/{id}/documents}, over real HTTP
 * against the whole app (test profile, in-memory H2): 5 warm-up rounds, then the median of 20 of each
 * (not a test: it prints figures). Run after {@code ./mvnw -q test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt}: {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt)
 * fr.misp.backoffice.benchmark.DocumentsBenchmark}
 */
public final class DocumentsBenchmark {

  private static final int SIZE = 5 * 1024 * 1024;
  private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("conseiller:demo".getBytes(StandardCharsets.UTF_8));

  public static void main(String[] args) throws Exception {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MispApplication.class).profiles("test")
        .properties("server.port=0", "logging.level.root=warn").run()) {
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://localhost:" + port;
      LocalDate today = LocalDate.now();
      HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/api/prior-approvals"))
          .header("Authorization", AUTH).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
              {"memberId": "M-ES-001", "type": "HOSPITALISATION", "countryOfResidence": "ES", "receivedDate": "%s",
               "plannedAdmissionDate": "%s", "establishmentId": "ES-BCN-01"}""".formatted(today, today.plusDays(70))))
          .build(), HttpResponse.BodyHandlers.ofString());
      Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(started.body());
      if (!id.find()) {
        throw new IllegalStateException("No file started: " + started.statusCode());
      }
      String documents = base + "/api/files/" + id.group(1) + "/documents";
      byte[] pdf = fiveMegabytePdf();
      List<Long> uploads = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        // Each round a different content (the same one is kept once per file).
        byte[] content = Arrays.copyOf(pdf, pdf.length);
        content[content.length - 1] = (byte) i;
        content[content.length - 2] = (byte) (i >> 8);
        String boundary = "----bench" + UUID.randomUUID();
        byte[] body = multipart(boundary, content);
        long start = System.nanoTime();
        HttpResponse<String> added = http.send(HttpRequest.newBuilder(URI.create(documents)).header("Authorization", AUTH)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(), HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (added.statusCode() != 201) {
          throw new IllegalStateException("Upload refused: " + added.statusCode() + " " + added.body());
        }
        Matcher documentId = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(added.body());
        documentId.find();
        ids.add(documentId.group(1));
        if (i >= 5) {
          uploads.add(took);
        }
      }
      List<Long> downloads = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        long start = System.nanoTime();
        HttpResponse<byte[]> read = http.send(HttpRequest.newBuilder(URI.create(documents + "/" + ids.get(i)))
            .header("Authorization", AUTH).build(), HttpResponse.BodyHandlers.ofByteArray());
        long took = System.nanoTime() - start;
        if (read.statusCode() != 200 || read.body().length != SIZE) {
          throw new IllegalStateException("Download failed: " + read.statusCode());
        }
        if (i >= 5) {
          downloads.add(took);
        }
      }
      System.out.printf("5 MB PDF over /api (H2, %d cores): upload median %.1f ms (min %.1f, max %.1f), "
          + "download median %.1f ms (min %.1f, max %.1f), 20 each after 5 warm-up%n",
          Runtime.getRuntime().availableProcessors(), median(uploads), min(uploads), max(uploads), median(downloads),
          min(downloads), max(downloads));
    }
  }

  static byte[] fiveMegabytePdf() throws Exception {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.addPage(new PDPage());
      document.save(out);
      // A real PDF header and body, padded to 5 MB (what a scanner's PDF weighs).
      return Arrays.copyOf(out.toByteArray(), SIZE);
    }
  }

  static byte[] multipart(String boundary, byte[] content) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nQUOTE\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"devis.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  static double median(List<Long> nanos) {
    List<Long> sorted = nanos.stream().sorted().toList();
    int n = sorted.size();
    return (n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0) / 1e6;
  }

  static double min(List<Long> nanos) {
    return nanos.stream().mapToLong(Long::longValue).min().orElse(0) / 1e6;
  }

  static double max(List<Long> nanos) {
    return nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
  }
}
