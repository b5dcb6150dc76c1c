package fr.misp.backoffice.platform.security;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What people may call on the engine's HTTP APIs (engine REST, and the same resources under the
 * webapps' {@code /camunda/api/engine}), and on the webapps' own APIs: exactly what Tasklist, Cockpit
 * and Admin need for each role. Reads are open to every signed-in user, and Camunda's authorizations
 * decide what each one sees; every write is listed here, and anything else is 403 before the engine
 * is reached (a refused job execution burns no retry). Processes start through {@code /api}, or
 * through a Tasklist start form that has a {@link StartFormGateway}.
 *
 * <p>Paths are relative: {@code engine:task/{id}/complete}, {@code cockpit:plugin/…}, {@code admin:…}.
 */
final class EngineApiAllowList {

  enum Who { EVERYONE, MANAGERS, ADMINS }

  /** An allowed call; {@code notSelf} refuses it when the path's user id is the caller's own. */
  record Rule(Set<String> methods, Pattern path, Who who, boolean selfOnly, boolean notSelf) {}

  private static final String ID = "[^/]+";
  /** Read-only queries that Tasklist and Cockpit send as POST bodies. */
  private static final String QUERIES = "(task|process-instance|execution|variable-instance|job|incident"
      + "|process-definition|decision-definition|deployment|history/[a-z-]+)(/count)?";

  static final List<Rule> RULES = List.of(
      // Reading: authorizations decide what is seen.
      rule("GET|OPTIONS", "engine:.*", Who.EVERYONE),
      rule("POST", "engine:" + QUERIES, Who.EVERYONE),
      rule("POST", "engine:filter/" + ID + "/(list|count|singleResult)", Who.EVERYONE),
      // Working a task: the engine holds the person to the form's fields and to their own name.
      rule("POST", "engine:task/" + ID + "/(claim|unclaim|assignee|complete|submit-form|comment/create)",
          Who.EVERYONE),
      // Starting from Tasklist: only through the process's start gateway (GuardedFormService).
      rule("POST", "engine:process-definition/(key/)?" + ID + "/submit-form", Who.EVERYONE),
      // One's own password; no one renames or deletes themself.
      new Rule(Set.of("PUT"), Pattern.compile("engine:user/(?<user>" + ID + ")/credentials"), Who.EVERYONE, true,
          false),
      // Managers put a failed step back to work (it runs the modelled step again, nothing else).
      rule("PUT", "engine:job/" + ID + "/retries", Who.MANAGERS),
      rule("POST", "engine:job/retries", Who.MANAGERS),
      rule("PUT", "engine:incident/" + ID + "/annotation", Who.MANAGERS),
      rule("GET|POST", "cockpit:.*", Who.MANAGERS),
      rule("GET|POST", "tasklist:.*", Who.EVERYONE),
      rule("GET", "welcome:.*", Who.EVERYONE),
      rule("GET|POST", "admin:auth/.*", Who.EVERYONE),
      // Administrators manage identities, rights and filters — never themselves away. Admin's pages of a
      // user list their groups (and the groups to add them to) with a query sent as a POST body.
      rule("POST", "engine:group(/count)?", Who.ADMINS),
      rule("POST", "engine:(user|group|tenant)/create", Who.ADMINS),
      new Rule(Set.of("PUT", "DELETE"), Pattern.compile("engine:user/(?<user>" + ID + ")(/profile)?"), Who.ADMINS,
          false, true),
      rule("PUT", "engine:user/" + ID + "/credentials", Who.ADMINS),
      rule("POST", "engine:user/" + ID + "/unlock", Who.ADMINS),
      rule("PUT|DELETE", "engine:(group|tenant)/" + ID, Who.ADMINS),
      rule("PUT|DELETE", "engine:(group|tenant)/" + ID + "/(group-)?members/" + ID, Who.ADMINS),
      rule("PUT|DELETE", "engine:tenant/" + ID + "/(user|group)-members/" + ID, Who.ADMINS),
      rule("POST", "engine:authorization/create", Who.ADMINS),
      rule("PUT|DELETE", "engine:authorization/" + ID, Who.ADMINS),
      rule("POST", "engine:filter/create", Who.ADMINS),
      rule("PUT|DELETE", "engine:filter/" + ID, Who.ADMINS),
      rule("GET|POST", "admin:plugin/.*", Who.ADMINS));

  /** Calls that need no sign-in: what the login page itself uses. */
  static final List<Rule> PUBLIC = List.of(
      rule("GET", "engine:", Who.EVERYONE),
      rule("GET", "(admin|cockpit|tasklist|welcome):plugin/[^/]+/static/.*", Who.EVERYONE),
      rule("GET|POST", "admin:auth/user/" + ID + "(/login/[a-z]+|/logout)?", Who.EVERYONE));

  private EngineApiAllowList() {}

  private static Rule rule(String methods, String path, Who who) {
    return new Rule(Set.of(methods.split("\\|")), Pattern.compile(path), who, false, false);
  }

  static boolean allows(List<Rule> rules, String method, String path, String userId, List<String> groups) {
    for (Rule rule : rules) {
      if (!rule.methods().contains(method)) {
        continue;
      }
      var matcher = rule.path().matcher(path);
      if (!matcher.matches() || !permits(rule.who(), groups)) {
        continue;
      }
      String target = rule.selfOnly() || rule.notSelf() ? matcher.group("user") : null;
      if (rule.selfOnly() && !target.equals(userId) || rule.notSelf() && target.equals(userId)) {
        continue;
      }
      return true;
    }
    return false;
  }

  private static boolean permits(Who who, List<String> groups) {
    return switch (who) {
      case EVERYONE -> true;
      case MANAGERS -> groups.contains(Groups.MANAGERS) || groups.contains(Groups.ADMINS);
      case ADMINS -> groups.contains(Groups.ADMINS);
    };
  }
}
