package org.socius.platform;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * New record identifiers: UUID version 7 (RFC 9562), time-ordered so that b-tree indexes stay
 * compact, with 74 random bits so that identifiers cannot be guessed from one another.
 */
public final class Ids {

  // One generator per thread, drawn from in blocks: the shared default one reads the operating
  // system's source under a lock, and a DRBG asked for eight bytes at a time spends most of its
  // work on each request rather than on the bytes. A recertification makes over a million ids.
  private static final ThreadLocal<RandomBlock> RANDOM = ThreadLocal.withInitial(RandomBlock::new);

  private Ids() {}

  public static UUID newId() {
    long millis = System.currentTimeMillis();
    RandomBlock random = RANDOM.get();
    long randA = random.nextLong() & 0xFFFL;
    long randB = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL;
    long most = (millis << 16) | (0x7L << 12) | randA;
    long least = 0x8000_0000_0000_0000L | randB;
    return new UUID(most, least);
  }

  /** A thread's cryptographically strong random bytes, fetched a few kilobytes at a time. */
  private static final class RandomBlock {
    private static final VarHandle LONGS =
        MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final SecureRandom generator = generator();
    private final byte[] block = new byte[4096];
    private int next = block.length;

    long nextLong() {
      if (next + Long.BYTES > block.length) {
        generator.nextBytes(block);
        next = 0;
      }
      long value = (long) LONGS.get(block, next);
      next += Long.BYTES;
      return value;
    }

    private static SecureRandom generator() {
      try {
        return SecureRandom.getInstance("DRBG");
      } catch (java.security.NoSuchAlgorithmException e) {
        return new SecureRandom();
      }
    }
  }
}
