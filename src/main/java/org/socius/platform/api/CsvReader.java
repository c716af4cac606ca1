package org.socius.platform.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV (quoted cells, doubled quotes, line breaks inside quotes) into rows of cells,
 * remembering the line each row started on for validation reports.
 */
public final class CsvReader {

  /** A row of cells and the line of the file it starts on (1-based). */
  public record Row(int line, List<String> cells) {
    public String cell(int index) {
      return index < cells.size() ? cells.get(index).trim() : "";
    }
  }

  private CsvReader() {}

  public static List<Row> parse(String text) {
    List<Row> rows = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean cellStarted = false;
    int line = 1;
    int rowLine = 1;
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < body.length() && body.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append(c);
        }
      } else if (c == '"' && cell.isEmpty()) {
        quoted = true;
        cellStarted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
        cellStarted = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
          i++;
        }
        if (cellStarted || !cell.isEmpty() || !cells.isEmpty()) {
          cells.add(cell.toString());
          rows.add(new Row(rowLine, List.copyOf(cells)));
        }
        cells.clear();
        cell.setLength(0);
        cellStarted = false;
        line++;
        rowLine = line;
      } else {
        cell.append(c);
      }
    }
    if (cellStarted || !cell.isEmpty() || !cells.isEmpty()) {
      cells.add(cell.toString());
      rows.add(new Row(rowLine, List.copyOf(cells)));
    }
    return rows;
  }
}
