package fr.misp.backoffice.letters;

import fr.misp.backoffice.member.DemoData;
import fr.misp.backoffice.member.MemberDirectory;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data (demo and test profiles): the demo members' e-mail addresses, set where none is on
 * record. M-SN-001 is left without one: its letters go to its agency, to be printed and posted.
 */
@Component
@ConditionalOnProperty(name = "misp.demo-data", havingValue = "true")
public class DemoMemberEmails implements ApplicationRunner {

  static final Map<String, String> EMAILS = Map.of(
      "M-ES-001", "lucie.martin@adherent.example", "M-NC-001", "claire.tehei@adherent.example",
      "M-US-001", "paul.durand@adherent.example", "M-US-002", "sophie.bernard@adherent.example");

  private final MemberDirectory members;
  private final JdbcClient jdbc;

  public DemoMemberEmails(MemberDirectory members, JdbcClient jdbc) {
    this.members = members;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    // Whichever demo runner comes first, the members exist before their addresses are set.
    DemoData.MEMBERS.stream().filter(m -> members.find(m.id()).isEmpty()).forEach(members::save);
    EMAILS.forEach((id, email) -> jdbc.sql("update member set email = ? where id = ? and email is null")
        .params(email, id).update());
  }
}
