package org.socius.benefits.internal;

import java.util.Arrays;
import java.util.UUID;

/**
 * A monthly amount per household, in cents, found by binary search: what households receive from
 * the programmes considered before the one being recertified. Filled in PostgreSQL's order of UUIDs
 * (unsigned, most significant half first).
 */
final class HouseholdAmounts {

  private long[] high = new long[1024];
  private long[] low = new long[1024];
  private long[] cents = new long[1024];
  private int size;

  void add(UUID household, long amount) {
    if (size == cents.length) {
      high = Arrays.copyOf(high, size * 2);
      low = Arrays.copyOf(low, size * 2);
      cents = Arrays.copyOf(cents, size * 2);
    }
    high[size] = household.getMostSignificantBits();
    low[size] = household.getLeastSignificantBits();
    cents[size] = amount;
    size++;
  }

  /** The household's amount, zero when it receives nothing. */
  long of(UUID household) {
    long h = household.getMostSignificantBits();
    long l = household.getLeastSignificantBits();
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = Long.compareUnsigned(high[mid], h);
      if (c == 0) {
        c = Long.compareUnsigned(low[mid], l);
      }
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return cents[mid];
      }
    }
    return 0;
  }
}
