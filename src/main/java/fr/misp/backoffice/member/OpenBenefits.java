package fr.misp.backoffice.member;

import java.time.LocalDate;
import java.util.List;

/**
 * Port: a kind of benefit a member may be receiving (daily allowances, invalidity, PTA, dependency), which
 * life events end — the member's death ends them all, a PTIA or an invalidity ends the daily allowances.
 */
public interface OpenBenefits {

  /** One open benefit of a member. */
  record Benefit(String kind, String businessKey, LocalDate since) {}

  /** The benefit's kind, e.g. {@code DAILY_ALLOWANCE}. */
  String kind();

  List<Benefit> openFor(String memberId);

  /**
   * Ends the member's open benefits of this kind on {@code end} (kept if they already end earlier): the
   * period running on that day is the last one paid, none after.
   *
   * @return how many were ended
   */
  int endFor(String memberId, LocalDate end, String reason);
}
