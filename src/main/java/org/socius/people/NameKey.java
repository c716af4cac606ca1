package org.socius.people;

import com.ibm.icu.text.Transliterator;

/**
 * The key two spellings of one name share: Latin letters, lower case, no accents, single spaces.
 * "Иванова Мария", "Ivanova Maria" and "IVANOVÁ Mária" give the same key; Chinese names give their
 * pinyin. Similar keys (trigrams) then find the same person written in another script.
 */
public final class NameKey {

  // A Transliterator is not safe for concurrent use; each thread keeps its own.
  private static final ThreadLocal<Transliterator> LATIN =
      ThreadLocal.withInitial(
          () -> Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower; [^a-z ] Remove"));

  private NameKey() {}

  public static String of(String... parts) {
    StringBuilder joined = new StringBuilder();
    for (String part : parts) {
      if (part != null && !part.isBlank()) {
        joined.append(part.trim()).append(' ');
      }
    }
    return LATIN.get().transliterate(joined.toString()).trim().replaceAll("\\s+", " ");
  }
}
