package fr.misp.backoffice.notification;

/** Port: tell a member or an administrator something, once per business key, kind and recipient. */
public interface Notifications {

  /** @return true when queued now, false when it had already been queued (a retry, a replay). */
  boolean notifyOnce(String businessKey, String kind, String recipient, String message);
}
