package org.socius.accounts.internal;

import java.util.ArrayList;
import java.util.List;
import org.socius.platform.errors.Finding;

/**
 * What makes a password acceptable: long enough to resist guessing (NIST SP 800-63B asks for length
 * rather than character classes), not the username, not a common pattern.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 128;
  private static final List<String> COMMON =
      List.of("password", "1234567890", "qwertyuiop", "0987654321", "letmein123", "passw0rd");

  private PasswordPolicy() {}

  public static List<Finding> check(String field, String password, String username) {
    List<Finding> findings = new ArrayList<>();
    if (password == null || password.length() < MIN_LENGTH) {
      findings.add(Finding.of(field, "ACC-0201", MIN_LENGTH));
    } else if (password.length() > MAX_LENGTH) {
      findings.add(Finding.of(field, "ACC-0202", MAX_LENGTH));
    } else if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
      findings.add(Finding.of(field, "ACC-0203"));
    } else if (COMMON.stream().anyMatch(c -> password.toLowerCase().contains(c))
        || password.chars().distinct().count() < 4) {
      findings.add(Finding.of(field, "ACC-0204"));
    }
    return findings;
  }
}
