package fr.misp.backoffice.letters;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The mailbox of a notice's recipient: the member's own address; the claims administrator's
 * configured one; the agency's for advisors, and for a person without an address on record (a payee
 * of a death capital, the orphan of an allowance, a member without e-mail), whose letter the agency
 * prints and posts.
 */
@Component
public class Recipients {

  /** Where a notice goes, and whether the agency is to post it on. */
  public record Address(String email, boolean forPosting) {}

  /** No mailbox is known or configured for this recipient: the notice cannot be sent as it is. */
  public static class NoAddress extends RuntimeException {
    public NoAddress(String recipientRole) {
      super("No mailbox for a recipient of role " + recipientRole);
    }
  }

  private final FileRecords records;
  private final LettersProperties properties;

  public Recipients(FileRecords records, LettersProperties properties) {
    this.records = records;
    this.properties = properties;
  }

  public Address of(Notice notice) {
    return switch (notice.recipientRole()) {
      case "administrator" -> Optional.ofNullable(properties.administrators().get(notice.recipientId()))
          .filter(a -> !a.isBlank()).map(a -> new Address(a, false))
          .orElseThrow(() -> new NoAddress("administrator"));
      case "advisors" -> new Address(agencyMailbox(notice.recipientId()), false);
      case "member" -> ownMailbox(notice.businessKey(), notice.recipientId()).map(e -> new Address(e, false))
          .orElseGet(() -> new Address(agencyMailbox(agencyOf(notice)), true));
      // Advisors of the file's agency (an internal reminder), and payees without an address on record.
      case "agency" -> new Address(agencyMailbox(agencyOf(notice)), false);
      case "payee" -> new Address(agencyMailbox(agencyOf(notice)), true);
      default -> throw new NoAddress(notice.recipientRole());
    };
  }

  /**
   * Whether the agency prints and posts this recipient's letters (no e-mail address on record), as
   * {@link #of} decides it, without needing a mailbox configured: for a file's list of letters.
   */
  public boolean forPosting(String businessKey, String recipient) {
    Notice notice = new Notice(null, businessKey, "", recipient, null, 1, null, 0);
    return switch (notice.recipientRole()) {
      case "payee" -> true;
      case "member" -> ownMailbox(businessKey, notice.recipientId()).isEmpty();
      default -> false;
    };
  }

  /** The member's own address, never an orphan's (the allowance is written to the orphan or its representative). */
  private Optional<String> ownMailbox(String businessKey, String memberId) {
    boolean orphan = records.socialAid(businessKey).map(f -> "ORPHAN_ALLOWANCE".equals(f.aidType())).orElse(false);
    return orphan ? Optional.empty()
        : records.member(memberId).map(FileRecords.MemberRow::email).filter(e -> !e.isBlank());
  }

  private String agencyOf(Notice notice) {
    return records.agencyOf(notice.businessKey()).orElseThrow(() -> new NoAddress("agency"));
  }

  private String agencyMailbox(String agency) {
    if (properties.agencyMailbox() == null || properties.agencyMailbox().isBlank()) {
      throw new NoAddress("agency");
    }
    return properties.agencyMailbox().replace("{agency}", agency.toLowerCase(java.util.Locale.ROOT));
  }
}
