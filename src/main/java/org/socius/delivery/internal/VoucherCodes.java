package org.socius.delivery.internal;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Voucher codes: 16 characters of Crockford's base 32 (80 random bits from a secure source, beyond
 * any guessing) and a check character that catches a mistyped one, written in groups of four. Read
 * back, case, spaces, dashes and the letters people confuse with digits do not matter.
 */
public final class VoucherCodes {

  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final int LENGTH = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private VoucherCodes() {}

  public static String newCode() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    code.append(check(code));
    return grouped(code.toString());
  }

  /** The code as written on the voucher, or null when what was typed cannot be one. */
  public static String normalised(String typed) {
    if (typed == null) {
      return null;
    }
    StringBuilder code = new StringBuilder();
    for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
      char d =
          switch (c) {
            case 'O' -> '0';
            case 'I', 'L' -> '1';
            default -> c;
          };
      if (ALPHABET.indexOf(d) >= 0) {
        code.append(d);
      } else if (d != '-' && d != ' ') {
        return null;
      }
    }
    if (code.length() != LENGTH + 1 || check(code.subSequence(0, LENGTH)) != code.charAt(LENGTH)) {
      return null;
    }
    return grouped(code.toString());
  }

  /**
   * Each character weighed by an odd number: odd weights are invertible modulo 32, so any one
   * character mistyped changes the check.
   */
  private static char check(CharSequence code) {
    int sum = 0;
    for (int i = 0; i < code.length(); i++) {
      sum += (2 * i + 1) * ALPHABET.indexOf(code.charAt(i));
    }
    return ALPHABET.charAt(sum % ALPHABET.length());
  }

  private static String grouped(String code) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < code.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        out.append('-');
      }
      out.append(code.charAt(i));
    }
    return out.toString();
  }
}
