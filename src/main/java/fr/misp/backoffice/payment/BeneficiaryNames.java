package fr.misp.backoffice.payment;

import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The name a payment's beneficiary goes by. An order paid to the member of the file keeps the key
 * "member:&lt;id&gt;" (the member's record may change: the name is read when needed); the bank's file,
 * the managers' views and the tasks show the member's name — a transfer to "member:M-ES-001" would name
 * no person for the bank to check against the account.
 */
@Component
public class BeneficiaryNames {

  static final String MEMBER = "member:";

  private final MemberDirectory members;

  public BeneficiaryNames(@Lazy MemberDirectory members) {
    this.members = members;
  }

  public String of(String beneficiary) {
    if (beneficiary == null || !beneficiary.startsWith(MEMBER)) {
      return beneficiary;
    }
    String id = beneficiary.substring(MEMBER.length());
    return members.find(id).map(Member::name).orElse("Adhérent n° " + id);
  }
}
