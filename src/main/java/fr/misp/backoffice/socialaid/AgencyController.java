package fr.misp.backoffice.socialaid;

import fr.misp.backoffice.platform.security.AllowedGroups;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.platform.web.ApiError.FieldError;
import fr.misp.backoffice.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staffing of the agencies, for administrators: which advisor works for which agency. An advisor sees
 * and builds the social files of their agencies; an agency with no advisor has its files offered to
 * the gestionnaires. Assigning or unassigning twice changes nothing.
 */
@RestController
@RequestMapping("/api/agencies")
@AllowedGroups(Groups.ADMINS)
@Tag(name = "Agences et conseillers")
public class AgencyController {

  public record Person(String id, String name) {}

  /** An agency, its advisors, and whether its files go to the gestionnaires for want of one. */
  public record Agency(String code, List<Person> advisors, boolean filesToManagers) {}

  /** An advisor (member of {@code conseillers}) and the agencies they work for. */
  public record Advisor(String id, String name, List<String> agencies) {}

  private final AdvisorAgencies agencies;
  private final ProcessEngine engine;

  public AgencyController(AdvisorAgencies agencies, ProcessEngine engine) {
    this.agencies = agencies;
    this.engine = engine;
  }

  @GetMapping
  @Operation(summary = "Les agences connues et leurs conseillers")
  public List<Agency> list() {
    return agencies.known().stream().map(this::agency).toList();
  }

  @GetMapping("/advisors")
  @Operation(summary = "Les conseillers (groupe conseillers) et leurs agences")
  public List<Advisor> advisors() {
    return identity().createUserQuery().memberOfGroup(Groups.ADVISORS).orderByUserId().asc().list().stream()
        .map(u -> new Advisor(u.getId(), name(u), agencies.of(u.getId()))).toList();
  }

  @PutMapping("/{agencyCode}/advisors/{userId}")
  @Operation(summary = "Rattacher un conseiller à une agence (sans effet s'il l'est déjà)")
  public Agency assign(@PathVariable String agencyCode, @PathVariable String userId) {
    check(agencyCode, userId);
    synchronized (this) {
      agencies.assign(userId, agencyCode);
      agencies.routeOpenFiles(engine);
    }
    return agency(agencyCode);
  }

  @DeleteMapping("/{agencyCode}/advisors/{userId}")
  @Operation(summary = "Détacher un conseiller d'une agence (sans effet s'il ne l'est pas)")
  public Agency unassign(@PathVariable String agencyCode, @PathVariable String userId) {
    check(agencyCode, userId);
    synchronized (this) {
      agencies.unassign(userId, agencyCode);
      agencies.routeOpenFiles(engine);
    }
    return agency(agencyCode);
  }

  /** Neither value is quoted back: the field is named, never what was sent. */
  private void check(String agencyCode, String userId) {
    List<FieldError> errors = new ArrayList<>();
    if (!agencies.isKnown(agencyCode)) {
      errors.add(new FieldError("agencyCode", "unknown_agency", "Agence inconnue", "Unknown agency"));
    }
    if (identity().createUserQuery().userId(userId).count() == 0) {
      errors.add(new FieldError("userId", "unknown_user", "Utilisateur inconnu", "Unknown user"));
    } else if (identity().createUserQuery().userId(userId).memberOfGroup(Groups.ADVISORS).count() == 0) {
      errors.add(new FieldError("userId", "not_an_advisor",
          "Cet utilisateur n'est pas conseiller : ajoutez-le d'abord au groupe « conseillers » dans Admin",
          "This user is not in the group conseillers"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  private Agency agency(String code) {
    List<Person> advisors = agencies.advisorsOf(code).stream()
        .map(id -> identity().createUserQuery().userId(id).singleResult())
        .filter(u -> u != null).map(u -> new Person(u.getId(), name(u))).toList();
    return new Agency(code, advisors, advisors.isEmpty());
  }

  private static String name(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }

  private IdentityService identity() {
    return engine.getIdentityService();
  }
}
