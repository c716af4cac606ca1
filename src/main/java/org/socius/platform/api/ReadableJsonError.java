package org.socius.platform.api;

import org.socius.platform.errors.Finding;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Explains why a JSON body could not be read, naming the field where one is known. */
final class ReadableJsonError {

  private ReadableJsonError() {}

  static Finding describe(HttpMessageNotReadableException e) {
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return Finding.of(unknown.getPropertyName(), "PLT-0105", unknown.getPropertyName());
    }
    if (cause instanceof InvalidFormatException format) {
      return Finding.of(
          field(format),
          "PLT-0106",
          String.valueOf(format.getValue()),
          format.getTargetType() == null ? "?" : format.getTargetType().getSimpleName());
    }
    if (cause instanceof MismatchedInputException mismatch) {
      return Finding.of(field(mismatch), "PLT-0107");
    }
    if (cause instanceof StreamReadException) {
      return Finding.of(null, "PLT-0108");
    }
    return Finding.of(null, "PLT-0109");
  }

  /** The JSON path of the offending value as a client wrote it: {@code items[2].name}. */
  private static String field(DatabindException e) {
    StringBuilder path = new StringBuilder();
    for (var reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? null : path.toString();
  }
}
