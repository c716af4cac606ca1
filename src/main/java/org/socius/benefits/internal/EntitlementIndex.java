package org.socius.benefits.internal;

import java.util.UUID;

/**
 * A programme's current entitlements as parallel arrays sorted by household, in PostgreSQL's order
 * of UUIDs (unsigned, most significant half first): 41 bytes a household, found by binary search.
 */
final class EntitlementIndex {

  private long[] householdHigh;
  private long[] householdLow;
  private long[] idHigh;
  private long[] idLow;
  private long[] amount;
  private boolean[] seen;
  private int size;
  private int seenCount;

  EntitlementIndex() {
    this(1 << 16);
  }

  EntitlementIndex(int capacity) {
    householdHigh = new long[capacity];
    householdLow = new long[capacity];
    idHigh = new long[capacity];
    idLow = new long[capacity];
    amount = new long[capacity];
    seen = new boolean[capacity];
  }

  /** Adds the next entitlement in household order, making room as needed. */
  void add(UUID household, UUID id, long cents) {
    if (size == amount.length) {
      grow();
    }
    householdHigh[size] = household.getMostSignificantBits();
    householdLow[size] = household.getLeastSignificantBits();
    idHigh[size] = id.getMostSignificantBits();
    idLow[size] = id.getLeastSignificantBits();
    amount[size] = cents;
    size++;
  }

  private void grow() {
    int capacity = Math.max(16, amount.length * 2);
    householdHigh = java.util.Arrays.copyOf(householdHigh, capacity);
    householdLow = java.util.Arrays.copyOf(householdLow, capacity);
    idHigh = java.util.Arrays.copyOf(idHigh, capacity);
    idLow = java.util.Arrays.copyOf(idLow, capacity);
    amount = java.util.Arrays.copyOf(amount, capacity);
    seen = java.util.Arrays.copyOf(seen, capacity);
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
