package org.socius.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socius.accounts.internal.PasswordPolicy;
import org.socius.platform.errors.Finding;

class PasswordPolicyTest {

  @Test
  void refusesShortGuessableOrPersonalPasswords() {
    assertThat(PasswordPolicy.check("p", "short", "anna"))
        .extracting(Finding::code)
        .containsExactly("ACC-0201");
    assertThat(PasswordPolicy.check("p", "anna-is-my-name", "anna"))
        .extracting(Finding::code)
        .containsExactly("ACC-0203");
    assertThat(PasswordPolicy.check("p", "mypassword99", "anna"))
        .extracting(Finding::code)
        .containsExactly("ACC-0204");
    assertThat(PasswordPolicy.check("p", "aaaaaaaaaaaa", "anna"))
        .extracting(Finding::code)
        .containsExactly("ACC-0204");
  }

  @Test
  void acceptsALongUnusualPassphrase() {
    assertThat(PasswordPolicy.check("p", "Socius-demo-2026", "anna")).isEmpty();
  }
}
