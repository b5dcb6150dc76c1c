package fr.misp.backoffice.documents;

import static org.assertj.core.api.Assertions.assertThat;

import fr.misp.backoffice.documents.FileDocuments.Listed;
import fr.misp.backoffice.support.PostgresProdAppTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** On PostgreSQL, the same document sent eight times at once is stored once, and each sender gets that one. */
@PostgresProdAppTest
class SameDocumentTwicePostgresTest {

  @Autowired FileDocuments documents;
  @Autowired JdbcClient jdbc;

  @Test
  void eightUploadsAtOnceKeepOneDocument() throws Exception {
    String file = "PG-TWICE-" + System.nanoTime();
    byte[] quote = TaskDocumentsPageTest.pdf(2);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Listed>> uploads = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
      try {
        go.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return documents.add(file, "QUOTE", "devis.pdf", quote, "ima");
    })).toList();
    go.countDown();
    List<String> ids = uploads.stream().map(CompletableFuture::join).map(Listed::id).distinct().toList();
    assertThat(ids).hasSize(1);
    assertThat(jdbc.sql("select count(*) from file_document where business_key = ?").param(file).query(Long.class)
        .single()).isEqualTo(1);
  }
}
