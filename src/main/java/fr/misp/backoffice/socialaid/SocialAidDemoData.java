package fr.misp.backoffice.socialaid;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Demo staffing and budget of the Action Sociale (demo profile only), created when missing. */
@Component
@ConditionalOnProperty(name = "misp.demo-data", havingValue = "true")
public class SocialAidDemoData implements ApplicationRunner {

  /** The demo advisor's agency (Paris), with a demo endowment for the current year. */
  public static final String DEMO_AGENCY = "AG-075";
  static final BigDecimal DEMO_ENDOWMENT = new BigDecimal("50000.00");

  private final AdvisorAgencies agencies;
  private final Endowments endowments;

  public SocialAidDemoData(AdvisorAgencies agencies, Endowments endowments) {
    this.agencies = agencies;
    this.endowments = endowments;
  }

  @Override
  public void run(ApplicationArguments args) {
    agencies.assign("conseiller", DEMO_AGENCY);
    int year = LocalDate.now().getYear();
    if (endowments.find(DEMO_AGENCY, year).isEmpty()) {
      endowments.set(DEMO_AGENCY, year, DEMO_ENDOWMENT);
    }
  }
}
