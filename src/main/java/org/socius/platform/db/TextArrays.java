package org.socius.platform.db;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A set of enum values as a PostgreSQL {@code text[]} literal ("{A,B}"), sorted so that equal sets
 * are stored alike; bind it as text and cast it in SQL: {@code cast(:values as text[])}.
 */
public final class TextArrays {

  private TextArrays() {}

  public static String ofNames(Collection<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).sorted().collect(Collectors.joining(",", "{", "}"));
  }
}
