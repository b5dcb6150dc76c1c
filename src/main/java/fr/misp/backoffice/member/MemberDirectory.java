package fr.misp.backoffice.member;

import java.util.List;
import java.util.Optional;

/** Port to the membership system; the back office keeps its own table until a real system replaces it. */
public interface MemberDirectory {

  Optional<Member> find(String memberId);

  List<Member> byResidence(String countryCode);

  void save(Member member);

  void setHcsRegistered(String memberId, boolean registered);
}
