package org.socius.platform.files;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks of uploaded documents, the same in every module: a document is a PDF, PNG or JPEG file,
 * and is taken for one only if its first bytes say so, whatever type the browser declared.
 */
public final class Uploads {

  private static final byte[] PDF = {'%', 'P', 'D', 'F'};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

  /** What is wrong with an upload. */
  public enum Problem {
    /** Nothing was sent. */
    EMPTY,
    /** Larger than allowed. */
    TOO_LARGE,
    /** Not a PDF, PNG or JPEG file, or not the type it declares. */
    NOT_A_DOCUMENT
  }

  private Uploads() {}

  /** The media type without parameters, in lower case. */
  public static String mediaType(String contentType) {
    return contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
  }

  /** What is wrong with a document upload, if anything. */
  public static Optional<Problem> checkDocument(String contentType, byte[] content, int maxBytes) {
    if (content == null || content.length == 0) {
      return Optional.of(Problem.EMPTY);
    }
    if (content.length > maxBytes) {
      return Optional.of(Problem.TOO_LARGE);
    }
    byte[] magic =
        switch (mediaType(contentType)) {
          case "application/pdf" -> PDF;
          case "image/png" -> PNG;
          case "image/jpeg" -> JPEG;
          default -> null;
        };
    if (magic == null
        || content.length < magic.length
        || !Arrays.equals(content, 0, magic.length, magic, 0, magic.length)) {
      return Optional.of(Problem.NOT_A_DOCUMENT);
    }
    return Optional.empty();
  }

  /** A file name safe to send back in a header, or the fallback when there is none. */
  public static String safeName(String filename, String fallback) {
    return filename == null || filename.isBlank()
        ? fallback
        : filename.replaceAll("[\\\\/\\r\\n\"]", "_");
  }
}
