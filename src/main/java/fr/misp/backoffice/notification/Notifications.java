package fr.misp.backoffice.notification;

/** Port: tell a member or an administrator something, once per business key, kind and recipient. */
public interface Notifications {

  /** @return true when queued now, false when it had already been queued (a retry, a replay). */
  boolean notifyOnce(String businessKey, String kind, String recipient, String message);

  /**
   * A notice of a new round (a second request, another reminder): queued as round n + 1 of its
   * business key, kind and recipient. The step's transaction makes it once per round: a failed
   * attempt rolls its round back, and a concurrent twin meets the unique key.
   */
  void notifyNextRound(String businessKey, String kind, String recipient, String message);
}
