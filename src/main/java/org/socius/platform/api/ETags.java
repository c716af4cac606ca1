package org.socius.platform.api;

import java.util.function.IntSupplier;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.PreconditionRequiredException;

/**
 * Optimistic concurrency over HTTP: a record's version travels as its ETag, and a change must name
 * the version it was made from in {@code If-Match}.
 */
public final class ETags {

  private ETags() {}

  public static String of(int version) {
    return "\"" + version + "\"";
  }

  /**
   * The version a change applies to, read from {@code If-Match}. A missing header answers 428, one
   * naming another version than the current 409 (a lost update).
   */
  public static int requireMatch(String ifMatch, int currentVersion) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new PreconditionRequiredException();
    }
    String value = ifMatch.trim();
    if (value.equals("*")) {
      return currentVersion;
    }
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    value = value.replace("\"", "");
    if (!value.equals(Integer.toString(currentVersion))) {
      throw ConflictException.staleVersion(value, currentVersion);
    }
    return currentVersion;
  }

  /**
   * The version a change names in {@code If-Match}, for a service that refuses a stale version
   * itself: the record is read for the current version only when the header says {@code *}. A
   * missing header answers 428, one that names no version 409.
   */
  public static int requireVersion(String ifMatch, IntSupplier currentVersion) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new PreconditionRequiredException();
    }
    String value = ifMatch.trim();
    if (value.equals("*")) {
      return currentVersion.getAsInt();
    }
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    value = value.replace("\"", "");
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return requireMatch(ifMatch, currentVersion.getAsInt());
    }
  }
}
