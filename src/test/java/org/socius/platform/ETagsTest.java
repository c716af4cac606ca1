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

  @Test
  void namesTheVersionWithoutReadingTheRecordUnlessAskedForAny() {
    java.util.concurrent.atomic.AtomicInteger reads =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.IntSupplier current =
        () -> {
          reads.incrementAndGet();
          return 4;
        };
    assertThat(ETags.requireVersion("\"3\"", current)).isEqualTo(3);
    assertThat(ETags.requireVersion("W/\"5\"", current)).isEqualTo(5);
    assertThat(reads).hasValue(0);
    assertThat(ETags.requireVersion("*", current)).isEqualTo(4);
    assertThat(reads).hasValue(1);
    assertThatThrownBy(() -> ETags.requireVersion("\"x\"", current))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> ETags.requireVersion(null, current))
        .isInstanceOf(PreconditionRequiredException.class);
  }
}
