package fr.misp.backoffice.letters;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.misp.backoffice.letters.LetterComposer.Composition;
import fr.misp.backoffice.rules.Parameters;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rendering time of each letter template (Thymeleaf + openhtmltopdf), from the records of
 * {@link LettersRenderTest}: 20 warm-up renderings, then the median of 100 per template (not a test:
 * it prints figures). Run: {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt)
 * fr.misp.backoffice.letters.LetterRenderingBenchmark}
 */
public final class LetterRenderingBenchmark {

  public static void main(String[] args) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:letters-bench;DB_CLOSE_DELAY=-1;MODE=LEGACY");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    JdbcClient jdbc = JdbcClient.create(ds);
    LettersRenderTest.Fixtures.records(jdbc);
    LetterComposer composer = new LetterComposer(new FileRecords(jdbc), Parameters.standard(), new ObjectMapper());
    LetterRenderer renderer = new LetterRenderer("");
    Map<String, Notice> byTemplate = new LinkedHashMap<>();
    for (Notice notice : List.of(
        notice("PA-1", "PRIOR_APPROVAL_AGREEMENT", "member:M-ES-001", "x"),
        notice("PA-NET", "PRIOR_APPROVAL_REFUSED", "member:M-ES-001", "x"),
        notice("PA-1", "PRIOR_APPROVAL_CLOSED", "member:M-ES-001", "x"),
        notice("PA-1", "MISSING_DOCUMENTS_REQUEST", "member:M-ES-001", "Merci d'envoyer le devis."),
        notice("SA-LOAN", "AID_GRANTED#1", "member:M-ES-001", "x"),
        notice("DC-1", DeathCapitalNotices.KIND + "#0", "payee:Awa Diallo", "x"),
        notice("DC-1", "PTIA_NOT_RECOGNISED", "member:M-SN-001", "Critères non remplis."),
        notice("SA-LOAN", "LOAN_ARREARS_REMINDER", "member:M-ES-001", "Deux échéances sont impayées."))) {
      Composition composed = composer.compose(notice).orElseThrow();
      byTemplate.put(composed.template(), notice);
    }
    System.out.println("Letter rendering (compose + PDF), median of 100 after 20 warm-up, per template:");
    for (Map.Entry<String, Notice> entry : byTemplate.entrySet()) {
      List<Long> nanos = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        long start = System.nanoTime();
        byte[] pdf = renderer.pdf(composer.compose(entry.getValue()).orElseThrow());
        long took = System.nanoTime() - start;
        if (pdf.length < 100) {
          throw new IllegalStateException("No PDF");
        }
        if (i >= 20) {
          nanos.add(took);
        }
      }
      List<Long> sorted = nanos.stream().sorted().toList();
      System.out.printf("  %-26s median %6.1f ms   p90 %6.1f ms%n", entry.getKey(),
          (sorted.get(49) + sorted.get(50)) / 2e6, sorted.get(89) / 1e6);
    }
  }

  private static Notice notice(String businessKey, String kind, String recipient, String message) {
    return new Notice(java.util.UUID.randomUUID().toString(), businessKey, kind, recipient, message, 1,
        LocalDateTime.of(2027, 1, 12, 9, 30), 0);
  }
}
