package org.socius.platform.errors;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The input breaks a rule; nothing was changed. Carries every finding, not just the first. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidInputException extends RuntimeException {

  private final List<Finding> findings;

  public InvalidInputException(List<Finding> findings) {
    super(findings.stream().map(Finding::code).toList().toString());
    if (findings.isEmpty()) {
      throw new IllegalArgumentException("an invalid input needs at least one finding");
    }
    this.findings = List.copyOf(findings);
  }

  public static InvalidInputException of(String field, String code, Object... args) {
    return new InvalidInputException(List.of(Finding.of(field, code, args)));
  }

  public List<Finding> findings() {
    return findings;
  }
}
