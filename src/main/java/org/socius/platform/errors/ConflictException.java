package org.socius.platform.errors;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The request cannot be applied to the record's current state: somebody changed it meanwhile (a
 * stale version), or its state does not allow the transition.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

  private final String code;
  private final List<Object> args;

  public ConflictException(String code, Object... args) {
    super(code);
    this.code = code;
    this.args = List.of(args);
  }

  static final String STALE_VERSION = "PLT-0409";

  public static ConflictException staleVersion(Object expected, Object actual) {
    return new ConflictException(STALE_VERSION, expected, actual);
  }

  /** Whether somebody changed the record since the caller read it (rather than a state refusal). */
  public boolean isStaleVersion() {
    return STALE_VERSION.equals(code);
  }

  public String code() {
    return code;
  }

  public List<Object> args() {
    return args;
  }
}
