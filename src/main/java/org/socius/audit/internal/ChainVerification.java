package org.socius.audit.internal;

import java.util.List;

/**
 * The outcome of checking the whole chain: how many entries were checked, the head it should end
 * at, and the entries found broken (at most the first few).
 */
public record ChainVerification(long entriesChecked, String headHash, List<Break> breaks) {

  public boolean intact() {
    return breaks.isEmpty();
  }

  /** Where the chain breaks and how: the content changed, a link or an entry is missing. */
  public record Break(long seq, String kind) {}
}
