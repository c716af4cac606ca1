package org.socius.delivery.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.socius.platform.errors.InvalidInputException;

/**
 * Amounts and days as typed into the money forms: a blank field is null (the service says it is
 * missing, with the same message as any other wrong value), and one that cannot be read is refused
 * on its field with the message the service would give it.
 */
final class FormValues {

  private FormValues() {}

  static BigDecimal amount(String text, String field, String code, Object... args) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw InvalidInputException.of(field, code, args);
    }
  }

  static LocalDate day(String text, String field, String code, Object... args) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of(field, code, args);
    }
  }
}
