package org.socius.cases.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.socius.cases.Assessments;
import org.socius.cases.Instrument;
import org.socius.platform.security.CurrentScope;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The instruments every installation starts with, from {@code instruments/*.json}: the daily-living
 * dependency scale (ten areas; the number needing help sets the degree) and the dimensions of the
 * complex evaluation. Kept once; later versions are the ministry's to add.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShippedInstruments implements ApplicationRunner {

  static final String[] CODES = {"ADL-10", "COMPLEX-EVALUATION"};

  private final Assessments assessments;
  private final JsonMapper json;

  ShippedInstruments(Assessments assessments, JsonMapper json) {
    this.assessments = assessments;
    this.json = json;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (String code : CODES) {
      try (InputStream in =
          new ClassPathResource("instruments/" + code + ".json").getInputStream()) {
        Instrument.Definition definition = json.readValue(in, Instrument.Definition.class);
        CurrentScope.asSystem(() -> assessments.ship(code, definition));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
