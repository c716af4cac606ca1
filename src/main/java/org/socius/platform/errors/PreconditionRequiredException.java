package org.socius.platform.errors;

/** A change to an existing record came without the {@code If-Match} version it applies to. */
public class PreconditionRequiredException extends RuntimeException {

  public PreconditionRequiredException() {
    super("If-Match required");
  }
}
