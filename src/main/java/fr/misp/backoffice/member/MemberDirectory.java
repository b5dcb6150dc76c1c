package fr.misp.backoffice.member;

import java.util.List;
import java.util.Optional;

/** Port to the membership system; the back office keeps its own table until a real system replaces it. */
public interface MemberDirectory {

  /** The refusal of a request naming no member of the directory (it never repeats the id). */
  public static final fr.misp.backoffice.platform.web.ApiError.FieldError UNKNOWN_MEMBER =
      new fr.misp.backoffice.platform.web.ApiError.FieldError("memberId", "unknown_member", "Membre inconnu de l'annuaire",
          "Unknown member");

  Optional<Member> find(String memberId);

  List<Member> byResidence(String countryCode);

  void save(Member member);

  void setHcsRegistered(String memberId, boolean registered);
}
