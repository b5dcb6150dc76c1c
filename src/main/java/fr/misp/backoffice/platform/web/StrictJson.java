package fr.misp.backoffice.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import fr.misp.backoffice.platform.security.FormContract;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API reads JSON strictly, so that a value never silently changes meaning: no fraction in a
 * whole number ({@code durationMonths: 1.5}), no boolean or number where text is expected, no text
 * where a number or a boolean is expected, no control character in a text, and no date outside
 * {@link PlausibleDates}. Each refusal is a 400 naming the field (see {@link ApiExceptionHandler}).
 */
@Configuration
public class StrictJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonCustomizer() {
    return builder -> builder
        .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .modulesToInstall(strictValues())
        .postConfigurer(mapper -> {
          mapper.coercionConfigFor(LogicalType.Textual)
              .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
          mapper.coercionConfigFor(LogicalType.Integer)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
          mapper.coercionConfigFor(LogicalType.Float)
              .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
          mapper.coercionConfigFor(LogicalType.Boolean)
              .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        });
  }

  static SimpleModule strictValues() {
    SimpleModule module = new SimpleModule("misp-strict-values");
    module.addDeserializer(String.class, new PlainText());
    module.addDeserializer(LocalDate.class, new PlausibleDate());
    return module;
  }

  /** Text without control characters (line breaks and tabs are text). */
  static final class PlainText extends StdScalarDeserializer<String> {
    PlainText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = StringDeserializer.instance.deserialize(p, ctxt);
      if (text != null && FormContract.hasControlCharacters(text, true)) {
        throw InvalidFormatException.from(p, "control characters", null, String.class);
      }
      return text;
    }
  }

  /** An ISO date within the plausible range. */
  static final class PlausibleDate extends StdScalarDeserializer<LocalDate> {
    PlausibleDate() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
      if (date != null && !PlausibleDates.contains(date)) {
        throw InvalidFormatException.from(p, "date out of range", null, LocalDate.class);
      }
      return date;
    }
  }
}
