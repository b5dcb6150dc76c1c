package fr.misp.backoffice.member;

import fr.misp.backoffice.platform.security.AllowedGroups;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Advisors and managers read the member directory. */
@RestController
@RequestMapping("/api/members")
@AllowedGroups({Groups.ADVISORS, Groups.MANAGERS})
@Tag(name = "Membres")
public class MemberController {

  private final MemberDirectory members;
  private final MemberBenefits benefits;

  public MemberController(MemberDirectory members, MemberBenefits benefits) {
    this.members = members;
    this.benefits = benefits;
  }

  @GetMapping("/{id}")
  @Operation(summary = "Un membre de l'annuaire")
  public Member member(@PathVariable String id) {
    return members.find(id).orElseThrow(() -> new NotFoundException("Membre inconnu / Unknown member"));
  }

  @GetMapping("/{id}/benefits")
  @Operation(summary = "Les prestations en cours du membre (allocations journalières, invalidité, PTA, dépendance)")
  public List<OpenBenefits.Benefit> benefits(@PathVariable String id) {
    members.find(id).orElseThrow(() -> new NotFoundException("Membre inconnu / Unknown member"));
    return benefits.open(id);
  }

  @GetMapping
  @Operation(summary = "Les membres résidant dans un territoire (code ISO)")
  public List<Member> byResidence(@RequestParam String residence) {
    return members.byResidence(residence.trim().toUpperCase(Locale.ROOT));
  }
}
