package fr.misp.backoffice.letters;

import fr.misp.backoffice.letters.LettersProperties.Delivery;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** What the delivery tests share: the test's mail settings, and reading a received mail and its PDF. */
final class Mailboxes {

  private Mailboxes() {}

  static LettersProperties properties(int maxAttempts, Duration firstRetry, int batchSize) {
    return new LettersProperties("ne-pas-repondre@misp.example",
        Map.of("IMA", "ima@gestionnaire.example", "HCS", "hcs@gestionnaire.example"), "agence.{agency}@misp.example",
        new Delivery(maxAttempts, firstRetry, Duration.ofMinutes(1), Duration.ofMinutes(5), batchSize));
  }

  static JavaMailSenderImpl smtp(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "3000");
    sender.getJavaMailProperties().put("mail.smtp.timeout", "3000");
    return sender;
  }

  /** The PDF attached to a mail, if any. */
  static Optional<byte[]> pdf(MimeMessage message) throws Exception {
    if (!(message.getContent() instanceof Multipart multipart)) {
      return Optional.empty();
    }
    return pdf(multipart);
  }

  private static Optional<byte[]> pdf(Multipart multipart) throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.getContent() instanceof Multipart nested) {
        Optional<byte[]> found = pdf(nested);
        if (found.isPresent()) {
          return found;
        }
      } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.isMimeType("application/pdf")) {
        try (InputStream in = part.getInputStream()) {
          return Optional.of(in.readAllBytes());
        }
      }
    }
    return Optional.empty();
  }

  /** The text of a PDF, whitespace folded (a line may wrap inside a date or an amount). */
  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replace('\u00A0', ' ').replaceAll("\\s+", " ");
    }
  }

  /** A GET with HTTP Basic that keeps the body's bytes (a PDF). */
  static HttpResponse<byte[]> getBytes(int port, String path, String user, String password) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
  }
}
