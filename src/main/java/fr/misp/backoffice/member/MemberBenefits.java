package fr.misp.backoffice.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/** The one place that knows a member's open benefits, and ends them on the life events that end them. */
@Service
public class MemberBenefits {

  public static final String DAILY_ALLOWANCE = "DAILY_ALLOWANCE";

  private final List<OpenBenefits> kinds;

  public MemberBenefits(List<OpenBenefits> kinds) {
    this.kinds = kinds;
  }

  public List<OpenBenefits.Benefit> open(String memberId) {
    List<OpenBenefits.Benefit> open = new ArrayList<>();
    kinds.forEach(kind -> open.addAll(kind.openFor(memberId)));
    return open;
  }

  /** The member's death ends every open benefit on the day of death. */
  public int died(String memberId, LocalDate death) {
    return kinds.stream().mapToInt(kind -> kind.endFor(memberId, death, "DEATH")).sum();
  }

  /** A PTIA or an invalidity ends the daily allowances (R-AJ-6) on its date. */
  public int end(String memberId, LocalDate end, String reason, Set<String> which) {
    return kinds.stream().filter(kind -> which.contains(kind.kind()))
        .mapToInt(kind -> kind.endFor(memberId, end, reason)).sum();
  }
}
