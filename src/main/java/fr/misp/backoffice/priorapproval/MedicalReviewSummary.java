package fr.misp.backoffice.priorapproval;

import static fr.misp.backoffice.priorapproval.PriorApprovalVariables.*;

import fr.misp.backoffice.exchange.ExchangeRates;
import fr.misp.backoffice.member.Member;
import fr.misp.backoffice.member.MemberDirectory;
import fr.misp.backoffice.network.Establishment;
import fr.misp.backoffice.network.MedicalNetwork;
import fr.misp.backoffice.platform.engine.FrenchText;
import java.math.BigDecimal;
import fr.misp.backoffice.rules.priorapproval.RequestDeadline.CareType;
import fr.misp.backoffice.rules.zoning.Zonier;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What the médecin-conseil decides on, in words, on the medicalReview form (issue 13): the member by name
 * and age, where they live, the care and its date, the establishment by name, the quote in its currency
 * and in euros (at the rate in force on the day the request was received), and the member's earlier
 * agreements. A task-local, read-only text: nothing of it can be submitted. Written when the task is
 * created and again when a médecin takes it, so that an agreement granted meanwhile is listed.
 */
@Component("medicalReviewShown")
public class MedicalReviewSummary implements TaskListener {

  public static final String FILE_SUMMARY = "fileSummary";
  static final int RECENT = 5;

  private final MemberDirectory members;
  private final MedicalNetwork network;
  private final Zonier zonier;
  private final PriorApprovalFiles files;
  private final ExchangeRates rates;

  public MedicalReviewSummary(MemberDirectory members, MedicalNetwork network, Zonier zonier, PriorApprovalFiles files,
      ExchangeRates rates) {
    this.members = members;
    this.network = network;
    this.zonier = zonier;
    this.files = files;
    this.rates = rates;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(FILE_SUMMARY, FrenchText.summary(lines(task)));
  }

  List<String> lines(DelegateTask task) {
    List<String> lines = new ArrayList<>();
    String memberId = MEMBER_ID.get(task);
    Member member = members.find(memberId).orElse(null);
    String country = COUNTRY.get(task);
    String territory = zonier.find(country).map(t -> t.label() + " (gestionnaire de zone " + t.administrator() + ")")
        .orElse(country);
    lines.add("Membre : " + (member == null ? memberId : member.name() + ", "
        + Period.between(member.birthDate(), LocalDate.now()).getYears() + " ans") + " — résidence : " + territory);
    CareType type = TYPE.get(task);
    lines.add(type == CareType.HOSPITALISATION
        ? "Soins : hospitalisation, admission prévue le " + FrenchText.date(ADMISSION_DATE.get(task))
        : "Soins : maternité, début de grossesse le " + FrenchText.date(PREGNANCY_START_DATE.get(task)));
    Establishment establishment = network.find(ESTABLISHMENT_ID.get(task)).orElse(null);
    lines.add("Établissement : " + (establishment == null ? ESTABLISHMENT_ID.get(task) : establishment.inWords()));
    lines.add("Devis : " + quote(QUOTE_AMOUNT.get(task), QUOTE_CURRENCY.get(task), RECEIVED_DATE.get(task))
        + " — demande reçue le " + FrenchText.date(RECEIVED_DATE.get(task)));
    List<PriorApprovalFiles.File> earlier = files.agreementsOf(memberId).stream()
        .filter(f -> !f.businessKey().equals(task.getExecution().getProcessBusinessKey())).toList();
    // The most recent agreements, and how many in all (a member may have many over the years).
    lines.add(earlier.isEmpty() ? "Accords antérieurs du membre : aucun" : "Accords antérieurs du membre : "
        + earlier.size() + (earlier.size() > RECENT ? ", dont les " + RECENT + " derniers" : "") + " — "
        + String.join(" ; ", earlier.stream().limit(RECENT).map(f -> f.agreementNumber() + " ("
            + (f.careType().equals("MATERNITE") ? "maternité" : "hospitalisation") + ", "
            + FrenchText.money(f.approvedAmount(), f.quoteCurrency()) + ")").toList()));
    return lines;
  }

  /** "420 000,00 XOF, soit 640,29 € (1 € = 655,957 XOF : source)"; a currency without a known rate says so. */
  String quote(BigDecimal amount, String currency, LocalDate received) {
    String inCurrency = FrenchText.money(amount, currency);
    if (amount == null || currency == null || currency.equals("EUR")) {
      return inCurrency;
    }
    return rates.inForce(currency, received).map(rate -> inCurrency + ", soit " + FrenchText.euros(rate.toEuros(amount))
        + " (" + FrenchText.parity(rate) + " : " + rate.source() + ")")
        .orElse(inCurrency + " — contre-valeur en euros inconnue : aucun taux " + currency + " en vigueur le "
            + FrenchText.date(received) + " (à enregistrer par un gestionnaire)");
  }
}
