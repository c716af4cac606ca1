package org.socius.platform.errors;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A change to an existing record came without the {@code If-Match} version it applies to. */
@ResponseStatus(HttpStatus.PRECONDITION_REQUIRED)
public class PreconditionRequiredException extends RuntimeException {

  public PreconditionRequiredException() {
    super("If-Match required");
  }
}
