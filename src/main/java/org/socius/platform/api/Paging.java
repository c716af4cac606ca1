package org.socius.platform.api;

import org.socius.platform.errors.InvalidInputException;

/** The bounds every list accepts; a page size beyond them is refused, not silently cut. */
public final class Paging {

  public static final int MAX_SIZE = 200;

  private Paging() {}

  public static void check(int page, int size) {
    if (page < 0) {
      throw InvalidInputException.of("page", "PLT-0101");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw InvalidInputException.of("size", "PLT-0102", MAX_SIZE);
    }
  }
}
