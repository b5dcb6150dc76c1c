package fr.misp.backoffice.socialaid;

import static fr.misp.backoffice.socialaid.SocialAidVariables.*;

import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.platform.engine.FrenchText;
import fr.misp.backoffice.rules.socialaid.SocialAidRules.AidType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What the commission decides on, in words (issue 13): who asks for what, the household's resources and
 * charges, the "reste à vivre", the advisor's opinion in full, and what is left of the agency's endowment.
 * A task-local, read-only text on commissionDecision.
 */
@Component("commissionFileShown")
public class CommissionFileSummary implements TaskListener {

  static final Map<AidType, String> AID_TYPES = Map.of(AidType.GRANT, "aide non remboursable",
      AidType.SOCIAL_LOAN, "prêt social", AidType.SPECIAL_ADVANCE, "avance exceptionnelle",
      AidType.HOME_HELP, "aide à domicile", AidType.DISABILITY_ALLOWANCE, "allocation handicap ou dépendance",
      AidType.CARER_ALLOWANCE, "allocation aidant", AidType.ORPHAN_ALLOWANCE, "allocation orphelin");

  private final MemberDirectory members;
  private final Endowments endowments;

  public CommissionFileSummary(MemberDirectory members, Endowments endowments) {
    this.members = members;
    this.endowments = endowments;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> lines = new ArrayList<>();
    String memberId = MEMBER_ID.get(task);
    String name = members.find(memberId).map(Member::name).orElse(memberId);
    AidType type = AID_TYPE.get(task);
    String orphan = ORPHAN_NAME.get(task);
    lines.add("Demande : " + AID_TYPES.getOrDefault(type, type.name()) + (orphan == null ? "" : " pour " + orphan)
        + " — membre " + name + (REQUESTED_AMOUNT.get(task) == null ? ""
            : " — " + FrenchText.euros(REQUESTED_AMOUNT.get(task)))
        + (DURATION_MONTHS.get(task) == null ? "" : " sur " + DURATION_MONTHS.get(task) + " mois"));
    if (MONTHLY_RESOURCES.get(task) != null) {
      lines.add("Foyer : " + HOUSEHOLD_SIZE.get(task, 1) + " personne(s), dont " + CHILDREN_UNDER_14.get(task, 0)
          + " enfant(s) de moins de 14 ans — ressources " + FrenchText.euros(MONTHLY_RESOURCES.get(task))
          + " par mois, charges " + FrenchText.euros(MONTHLY_CHARGES.get(task)) + " par mois");
    }
    if (DISPOSABLE_INCOME_PER_UNIT.get(task) != null) {
      lines.add("Reste à vivre : " + FrenchText.euros(DISPOSABLE_INCOME_PER_UNIT.get(task))
          + " par mois et par unité de consommation");
    }
    int year = LocalDate.now().getYear();
    endowments.find(AGENCY_CODE.get(task), year).ifPresentOrElse(e -> lines.add("Dotation " + year + " de l'agence "
        + e.agencyCode() + " : " + FrenchText.euros(e.amount()) + ", dont " + FrenchText.euros(e.reserved())
        + " réservés ; reste " + FrenchText.euros(e.remaining())),
        () -> lines.add("Dotation " + year + " de l'agence " + AGENCY_CODE.get(task) + " : non fixée"));
    String opinion = ADVISOR_OPINION.get(task);
    lines.add("Avis du conseiller : " + (opinion == null || opinion.isBlank() ? "—" : opinion));
    task.setVariableLocal("fileSummary", FrenchText.summary(lines));
  }
}
