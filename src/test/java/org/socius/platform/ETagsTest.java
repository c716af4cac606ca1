package org.socius.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.socius.platform.api.ETags;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.PreconditionRequiredException;

class ETagsTest {

  @Test
  void acceptsTheCurrentVersionStrongWeakOrAny() {
    assertThat(ETags.requireMatch("\"4\"", 4)).isEqualTo(4);
    assertThat(ETags.requireMatch("W/\"4\"", 4)).isEqualTo(4);
    assertThat(ETags.requireMatch("*", 4)).isEqualTo(4);
  }

  @Test
  void refusesAStaleOrMissingVersion() {
    assertThatThrownBy(() -> ETags.requireMatch("\"3\"", 4)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> ETags.requireMatch(null, 4))
        .isInstanceOf(PreconditionRequiredException.class);
    assertThatThrownBy(() -> ETags.requireMatch(" ", 4))
        .isInstanceOf(PreconditionRequiredException.class);
  }
}
