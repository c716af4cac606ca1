package org.socius.platform;

import java.util.List;
import java.util.Locale;

/**
 * The languages Socius speaks: of its pages, and of the letters and documents it prints for a
 * client. Each has a message bundle.
 */
public final class Languages {

  /** Language codes, English first: the default. */
  public static final List<String> CODES = List.of("en", "ru");

  private Languages() {}

  /** Whether a code names one of the languages; none (null) does not. */
  public static boolean supported(String code) {
    // An immutable list refuses to be asked whether it holds null.
    return code != null && CODES.contains(code);
  }

  public static List<Locale> locales() {
    return CODES.stream().map(Locale::of).toList();
  }
}
