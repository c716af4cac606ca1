package org.socius.platform.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes RFC 4180 CSV. Cells that a spreadsheet would run as a formula are prefixed with an
 * apostrophe, so that an exported file cannot attack whoever opens it.
 */
public final class CsvWriter {

  private final Writer out;

  public CsvWriter(Writer out) {
    this.out = out;
  }

  public void row(Object... cells) {
    try {
      for (int i = 0; i < cells.length; i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(escape(cells[i]));
      }
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String escape(Object cell) {
    if (cell == null) {
      return "";
    }
    String text = cell.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  private static boolean isNumber(String text) {
    return text.matches("[-+]?\\d+(\\.\\d+)?");
  }
}
