package fr.misp.backoffice.letters;

import fr.misp.backoffice.notification.Notifications;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notice of each payee of a death or PTIA claim ({@code DEATH_CAPITAL_NOTICE#<position>}, to
 * {@code payee:<name>}: the payee, or the legal representative paid for them), once its payment is ordered: derived
 * from the payees' records ({@code death_claim_payee}) by the dispatcher's round, so the
 * {@code deathCapital} process needs no step of its own. Once per claim and payee (the outbox's
 * unique key; a second node racing meets it and moves on).
 */
@Component
public class DeathCapitalNotices {

  public static final String KIND = "DEATH_CAPITAL_NOTICE";

  private record Due(String claimKey, int position, String name, String legalRepresentative) {}

  private final JdbcClient jdbc;
  private final Notifications notifications;

  public DeathCapitalNotices(JdbcClient jdbc, Notifications notifications) {
    this.jdbc = jdbc;
    this.notifications = notifications;
  }

  /** @return how many notices were queued now */
  public int queueDue() {
    List<Due> due = jdbc.sql("""
        select p.claim_key, p.position, p.name, p.legal_representative from death_claim_payee p
        where p.payment_status = 'PAYMENT_ORDERED' and not exists (select 1 from notification_outbox o
          where o.business_key = p.claim_key and o.kind = concat(?, cast(p.position as varchar(10))))
        order by p.claim_key, p.position""").param(KIND + "#").query(Due.class).list();
    int queued = 0;
    for (Due d : due) {
      try {
        // Written to the payee, or to the legal representative who is paid for them (RULES §7 Decision).
        String addressee = d.legalRepresentative() != null ? d.legalRepresentative() : d.name();
        if (notifications.notifyOnce(d.claimKey(), KIND + "#" + d.position(), "payee:" + addressee,
            "Capital décès ou PTIA : notification de vos droits (courrier joint).")) {
          queued++;
        }
      } catch (DuplicateKeyException raced) {
        // Another node queued it between our read and our insert: once it is.
      }
    }
    return queued;
  }
}
