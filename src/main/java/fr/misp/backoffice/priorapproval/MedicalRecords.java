package fr.misp.backoffice.priorapproval;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Medical grounds written by médecins-conseil, kept out of the engine (table {@code medical_record}). */
@Repository
public class MedicalRecords {

  /** One note. */
  public record MedicalNote(String author, String notes, LocalDateTime createdAt) {}

  private final JdbcClient jdbc;

  public MedicalRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void add(String businessKey, String author, String notes) {
    jdbc.sql("insert into medical_record (id, business_key, author, notes, created_at) values (?, ?, ?, ?, ?)")
        .params(UUID.randomUUID().toString(), businessKey, author, notes, LocalDateTime.now()).update();
  }

  public List<MedicalNote> of(String businessKey) {
    return jdbc.sql("select author, notes, created_at from medical_record where business_key = ? order by created_at")
        .param(businessKey).query(MedicalNote.class).list();
  }
}
