package org.socius.platform;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * New record identifiers: UUID version 7 (RFC 9562), time-ordered so that b-tree indexes stay
 * compact, with 74 random bits so that identifiers cannot be guessed from one another.
 */
public final class Ids {

  // One generator per thread: the shared default one reads the operating system's source under a
  // lock, which a recertification writing a million decisions would queue on.
  private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Ids::generator);

  private Ids() {}

  private static SecureRandom generator() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (java.security.NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  public static UUID newId() {
    long millis = System.currentTimeMillis();
    long randA = RANDOM.get().nextLong() & 0xFFFL;
    long randB = RANDOM.get().nextLong() & 0x3FFF_FFFF_FFFF_FFFFL;
    long most = (millis << 16) | (0x7L << 12) | randA;
    long least = 0x8000_0000_0000_0000L | randB;
    return new UUID(most, least);
  }
}
