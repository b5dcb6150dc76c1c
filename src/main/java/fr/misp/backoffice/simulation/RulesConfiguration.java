package fr.misp.backoffice.simulation;

import fr.misp.backoffice.rules.Parameters;
import fr.misp.backoffice.rules.autonomy.TemporaryAutonomyLossCalculator;
import fr.misp.backoffice.rules.autonomy.TotalDependencyCalculator;
import fr.misp.backoffice.rules.dailyallowance.DailyAllowanceCalculator;
import fr.misp.backoffice.rules.dailyallowance.HalfPayCalendar;
import fr.misp.backoffice.rules.deathcapital.DeathCapitalCalculator;
import fr.misp.backoffice.rules.disability.DisabilityCalculator;
import fr.misp.backoffice.rules.socialaid.LoanScheduleCalculator;
import fr.misp.backoffice.rules.zoning.Zonier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The calculators as beans. Parameters the guide does not give (P-ASSIETTE-PLANCHER,
 * P-ASSIETTE-PLAFOND) come from configuration, {@code misp.parameters.values}, with their date of
 * effect and source; none is set by default, and results say so.
 */
@Configuration
@EnableConfigurationProperties(RulesConfiguration.ConfiguredParameters.class)
public class RulesConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(RulesConfiguration.class);

  /** One configured parameter value. */
  public record ConfiguredValue(String id, LocalDate since, BigDecimal value, String source) {}

  @ConfigurationProperties(prefix = "misp.parameters")
  public record ConfiguredParameters(List<ConfiguredValue> values) {
    public ConfiguredParameters {
      values = values == null ? List.of() : values;
    }
  }

  @Bean
  Parameters parameters(ConfiguredParameters configured) {
    Parameters parameters = Parameters.standard();
    for (ConfiguredValue v : configured.values()) {
      if (v.id() == null || v.since() == null || v.value() == null || v.source() == null || v.source().isBlank()) {
        throw new IllegalStateException("misp.parameters.values: id, since, value and source are all required: " + v);
      }
      parameters = parameters.with(v.id(), v.since(), v.value(), v.source());
      LOG.info("Parameter {} = {} from {} ({})", v.id(), v.value(), v.since(), v.source());
    }
    return parameters;
  }

  @Bean
  DailyAllowanceCalculator dailyAllowanceCalculator(Parameters parameters) {
    return new DailyAllowanceCalculator(parameters);
  }

  @Bean
  HalfPayCalendar halfPayCalendar() {
    return new HalfPayCalendar();
  }

  @Bean
  DisabilityCalculator disabilityCalculator(Parameters parameters) {
    return new DisabilityCalculator(parameters);
  }

  @Bean
  DeathCapitalCalculator deathCapitalCalculator(Parameters parameters) {
    return new DeathCapitalCalculator(parameters);
  }

  @Bean
  TemporaryAutonomyLossCalculator temporaryAutonomyLossCalculator(Parameters parameters) {
    return new TemporaryAutonomyLossCalculator(parameters);
  }

  @Bean
  TotalDependencyCalculator totalDependencyCalculator(Parameters parameters) {
    return new TotalDependencyCalculator(parameters);
  }

  @Bean
  LoanScheduleCalculator loanScheduleCalculator(Parameters parameters) {
    return new LoanScheduleCalculator(parameters);
  }

  @Bean
  Zonier zonier() {
    return Zonier.standard();
  }
}
