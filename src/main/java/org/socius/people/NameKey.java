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
          () ->
              Transliterator.getInstance(
                  "Any-Latin; Latin-ASCII; Lower; [^a-z[:whitespace:]] Remove"));

  private NameKey() {}

  public static String of(String... parts) {
    StringBuilder joined = new StringBuilder();
    for (String part : parts) {
      if (part != null && !part.isBlank()) {
        joined.append(part.trim()).append(' ');
      }
    }
    // The schwa of Azerbaijani and Kazakh (Latin and Cyrillic) has no ASCII form in ICU's
    // tables; it is written "a".
    String text =
        joined.toString().replace('ə', 'a').replace('Ə', 'A').replace('ә', 'a').replace('Ә', 'A');
    return LATIN.get().transliterate(text).trim().replaceAll("\\s+", " ");
  }
}
