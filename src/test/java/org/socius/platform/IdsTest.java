package org.socius.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void idsAreVersion7UniqueAndOrderedByTime() throws InterruptedException {
    UUID first = Ids.newId();
    Thread.sleep(2);
    UUID second = Ids.newId();
    assertThat(first.version()).isEqualTo(7);
    assertThat(first.variant()).isEqualTo(2);
    assertThat(first.getMostSignificantBits() >>> 16)
        .isLessThan(second.getMostSignificantBits() >>> 16);
    Set<UUID> many = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      many.add(Ids.newId());
    }
    assertThat(many).hasSize(10_000);
  }
}
