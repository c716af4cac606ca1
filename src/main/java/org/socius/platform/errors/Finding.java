package org.socius.platform.errors;

import java.util.List;

/**
 * One thing wrong with what a user sent: the field it concerns (null for the whole input), a stable
 * error code whose text lives in the message bundles, and the arguments of that text.
 */
public record Finding(String field, String code, List<Object> args) {

  public Finding {
    args = args == null ? List.of() : List.copyOf(args);
  }

  public static Finding of(String field, String code, Object... args) {
    return new Finding(field, code, List.of(args));
  }
}
