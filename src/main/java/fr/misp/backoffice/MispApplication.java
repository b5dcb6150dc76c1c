package fr.misp.backoffice;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The MISP back office: Camunda 7 engine, Tasklist, Cockpit, Admin, engine REST and the project's API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MispApplication {

  // RULES: dates are calendar days in Europe/Paris. "Today" (a date in the future, a deadline, the year of
  // an endowment) is Paris's day whatever the server's zone: between midnight in Paris and midnight UTC a
  // request received today was refused as "in the future". Set when the class loads, so the tests too.
  static {
    TimeZone.setDefault(TimeZone.getTimeZone("Europe/Paris"));
  }

  public static void main(String[] args) {
    SpringApplication.run(MispApplication.class, args);
  }
}
