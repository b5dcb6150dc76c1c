package fr.misp.backoffice.member;

import fr.misp.backoffice.network.Establishment;
import fr.misp.backoffice.network.MedicalNetwork;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Demo members and network establishments (demo profile only), created when missing. */
@Component
@ConditionalOnProperty(name = "misp.demo-data", havingValue = "true")
public class DemoData implements ApplicationRunner {

  public static final List<Member> MEMBERS = List.of(
      new Member("M-ES-001", "Lucie Martin", LocalDate.of(1982, 4, 12), "ACTIVE", "ES", false, LocalDate.of(2015, 9, 1), "AG-075"),
      new Member("M-SN-001", "Amadou Diallo", LocalDate.of(1975, 11, 3), "ACTIVE", "SN", false, LocalDate.of(2012, 1, 1), "AG-033"),
      new Member("M-NC-001", "Claire Tehei", LocalDate.of(1968, 2, 20), "RETIRED", "NC", false, LocalDate.of(2005, 5, 1), "AG-988"),
      new Member("M-US-001", "Paul Durand", LocalDate.of(1979, 7, 8), "ACTIVE", "US", true, LocalDate.of(2018, 3, 1), "AG-069"),
      new Member("M-US-002", "Sophie Bernard", LocalDate.of(1990, 1, 30), "ACTIVE", "US", false, LocalDate.of(2021, 9, 1), "AG-069"));

  public static final List<Establishment> NETWORK = List.of(
      new Establishment("ES-MAD-01", "Hospital Universitario La Paz", "ES", "Madrid"),
      new Establishment("ES-BCN-01", "Hospital Clínic de Barcelona", "ES", "Barcelone"),
      new Establishment("SN-DKR-01", "Hôpital Principal de Dakar", "SN", "Dakar"),
      new Establishment("NC-NOU-01", "Centre hospitalier territorial Gaston-Bourret", "NC", "Nouméa"),
      new Establishment("US-NYC-01", "NewYork-Presbyterian Hospital", "US", "New York"),
      new Establishment("US-BOS-01", "Massachusetts General Hospital", "US", "Boston"));

  private final MemberDirectory members;
  private final MedicalNetwork network;

  public DemoData(MemberDirectory members, MedicalNetwork network) {
    this.members = members;
    this.network = network;
  }

  @Override
  public void run(ApplicationArguments args) {
    MEMBERS.stream().filter(m -> members.find(m.id()).isEmpty()).forEach(members::save);
    NETWORK.forEach(network::create);
  }
}
