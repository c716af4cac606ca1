package org.socius.benefits.internal;

import java.util.UUID;

/**
 * A programme's current entitlements as parallel arrays sorted by household, in PostgreSQL's order
 * of UUIDs (unsigned, most significant half first): 41 bytes a household, found by binary search.
 */
final class EntitlementIndex {

  private final long[] householdHigh;
  private final long[] householdLow;
  private final long[] idHigh;
  private final long[] idLow;
  private final long[] amount;
  private final boolean[] seen;
  private int size;
  private int seenCount;

  EntitlementIndex(int capacity) {
    householdHigh = new long[capacity];
    householdLow = new long[capacity];
    idHigh = new long[capacity];
    idLow = new long[capacity];
    amount = new long[capacity];
    seen = new boolean[capacity];
  }

  /** Adds the next entitlement in household order; one beyond the capacity counted is left out. */
  void add(UUID household, UUID id, long cents) {
    if (size == amount.length) {
      return;
    }
    householdHigh[size] = household.getMostSignificantBits();
    householdLow[size] = household.getLeastSignificantBits();
    idHigh[size] = id.getMostSignificantBits();
    idLow[size] = id.getLeastSignificantBits();
    amount[size] = cents;
    size++;
  }

  /** The household's position, or -1 when it is not entitled. */
  int find(UUID household) {
    long high = household.getMostSignificantBits();
    long low = household.getLeastSignificantBits();
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = Long.compareUnsigned(householdHigh[mid], high);
      if (c == 0) {
        c = Long.compareUnsigned(householdLow[mid], low);
      }
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  UUID id(int index) {
    return new UUID(idHigh[index], idLow[index]);
  }

  long amount(int index) {
    return amount[index];
  }

  void markSeen(int index) {
    if (!seen[index]) {
      seen[index] = true;
      seenCount++;
    }
  }

  boolean seen(int index) {
    return seen[index];
  }

  int size() {
    return size;
  }

  boolean allSeen() {
    return seenCount == size;
  }
}
