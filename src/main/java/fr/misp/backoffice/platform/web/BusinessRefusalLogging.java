package fr.misp.backoffice.platform.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import jakarta.annotation.PostConstruct;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.context.annotation.Configuration;

/**
 * The engine logs every command that fails as an ERROR with its stack trace (ENGINE-16004), a
 * person's refused completion included. A business refusal is no error of the system: the engine's
 * entry is dropped, and the answer's mapper writes one INFO line without stack trace and without any
 * value ({@link EngineRestConfiguration}). Other failures are logged as before.
 */
@Configuration
public class BusinessRefusalLogging {

  static final String ENGINE_COMMAND_LOGGER = "org.camunda.bpm.engine.context";

  @PostConstruct
  void install() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(DropBusinessRefusals.class::isInstance)) {
      context.addTurboFilter(new DropBusinessRefusals());
    }
  }

  static final class DropBusinessRefusals extends TurboFilter {

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
      if (logger == null || !ENGINE_COMMAND_LOGGER.equals(logger.getName()) || !level.isGreaterOrEqual(Level.WARN)) {
        return FilterReply.NEUTRAL;
      }
      if (t != null && BusinessRefusal.in(t).isPresent()) {
        return FilterReply.DENY;
      }
      if (params != null) {
        for (Object param : params) {
          if (param instanceof Throwable thrown && BusinessRefusal.in(thrown).isPresent()) {
            return FilterReply.DENY;
          }
        }
      }
      return FilterReply.NEUTRAL;
    }
  }
}
