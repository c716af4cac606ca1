package org.socius.delivery;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.socius.platform.errors.Finding;

/**
 * An account payments go from or to: its holder's name, its IBAN (checked by its check digits, so
 * that a mistyped one is caught before any money moves) and its bank's BIC.
 */
public record BankAccount(String holder, String iban, String bic) {

  private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}");
  private static final Pattern BIC =
      Pattern.compile("[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  /** The account as typed, with spaces taken out of the IBAN and letters made capitals. */
  public static BankAccount typed(String holder, String iban, String bic) {
    return new BankAccount(
        holder == null ? "" : holder.trim(),
        iban == null ? "" : iban.replace(" ", "").toUpperCase(Locale.ROOT),
        bic == null ? "" : bic.trim().toUpperCase(Locale.ROOT));
  }

  public List<Finding> problems() {
    List<Finding> findings = new ArrayList<>();
    if (holder.isEmpty() || holder.length() > 140) {
      findings.add(Finding.of("holder", "DLV-0301"));
    }
    if (!IBAN.matcher(iban).matches() || !checkDigitsHold(iban)) {
      findings.add(Finding.of("iban", "DLV-0302", iban));
    }
    if (!BIC.matcher(bic).matches()) {
      findings.add(Finding.of("bic", "DLV-0303", bic));
    }
    return findings;
  }

  /** ISO 13616: the country and check digits moved to the end, letters as numbers, mod 97 is 1. */
  static boolean checkDigitsHold(String iban) {
    String moved = iban.substring(4) + iban.substring(0, 4);
    StringBuilder digits = new StringBuilder();
    for (char c : moved.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
  }
}
