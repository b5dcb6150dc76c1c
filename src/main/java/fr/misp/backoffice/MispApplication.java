package fr.misp.backoffice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The MISP back office: Camunda 7 engine, Tasklist, Cockpit, Admin, engine REST and the project's API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MispApplication {

  public static void main(String[] args) {
    SpringApplication.run(MispApplication.class, args);
  }
}
