package org.socius.delivery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.socius.platform.api.CsvReader;
import org.socius.platform.api.ImportReport.LineFinding;
import org.socius.platform.errors.Finding;

/**
 * Delivery records as a provider's system exports them, one per line of a CSV file under a header
 * naming the columns in any order: {@code agreement}, {@code service} (the catalogue's code),
 * {@code date} (2026-11-20), {@code start} and {@code end} (09:00), {@code units}, {@code staff},
 * {@code place} and {@code above_plan_reason}; the first three are required. A cell that is not a
 * date, a time or a number is reported with its line, and the file is refused whole.
 */
public final class DeliveryCsv {

  static final List<String> COLUMNS =
      List.of(
          "agreement",
          "service",
          "date",
          "start",
          "end",
          "units",
          "staff",
          "place",
          "above_plan_reason");
  private static final List<String> REQUIRED = List.of("agreement", "service", "date");

  /** The records read, the file line of each, and what could not be read. */
  public record Parsed(
      List<NewDelivery> deliveries, List<Integer> lines, List<LineFinding> findings) {
    public int rowsRead() {
      return lines.size() + (int) findings.stream().map(LineFinding::line).distinct().count();
    }
  }

  private DeliveryCsv() {}

  /** The header line, for a template to download. */
  public static String header() {
    return String.join(",", COLUMNS) + "\n";
  }

  public static Parsed parse(String text) {
    List<CsvReader.Row> rows = CsvReader.parse(text);
    List<LineFinding> findings = new ArrayList<>();
    if (rows.isEmpty()) {
      findings.add(new LineFinding(1, Finding.of(null, "DLV-0130")));
      return new Parsed(List.of(), List.of(), findings);
    }
    Map<String, Integer> at = new HashMap<>();
    CsvReader.Row header = rows.getFirst();
    for (int i = 0; i < header.cells().size(); i++) {
      String name = header.cell(i).toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(name)) {
        findings.add(new LineFinding(header.line(), Finding.of(null, "DLV-0131", name)));
      } else {
        at.put(name, i);
      }
    }
    for (String required : REQUIRED) {
      if (!at.containsKey(required)) {
        findings.add(new LineFinding(header.line(), Finding.of(null, "DLV-0132", required)));
      }
    }
    if (!findings.isEmpty()) {
      return new Parsed(List.of(), List.of(), findings);
    }
    List<NewDelivery> deliveries = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    for (CsvReader.Row row : rows.subList(1, rows.size())) {
      if (row.cells().size() > header.cells().size()) {
        findings.add(
            new LineFinding(
                row.line(),
                Finding.of(null, "DLV-0133", row.cells().size(), header.cells().size())));
        continue;
      }
      Cells cells = new Cells(row, at);
      NewDelivery d =
          new NewDelivery(
              cells.text("agreement"),
              cells.text("service"),
              cells.date("date"),
              cells.time("start"),
              cells.time("end"),
              cells.number("units"),
              cells.text("staff"),
              cells.text("place"),
              cells.text("above_plan_reason"));
      if (cells.problems.isEmpty()) {
        deliveries.add(d);
        lines.add(row.line());
      } else {
        cells.problems.forEach(f -> findings.add(new LineFinding(row.line(), f)));
      }
    }
    if (deliveries.isEmpty() && findings.isEmpty()) {
      findings.add(new LineFinding(header.line(), Finding.of(null, "DLV-0117")));
    }
    return new Parsed(deliveries, lines, findings);
  }

  /** The cells of a row by column name, noting each one that cannot be read. */
  private static final class Cells {
    private final CsvReader.Row row;
    private final Map<String, Integer> at;
    private final List<Finding> problems = new ArrayList<>();

    Cells(CsvReader.Row row, Map<String, Integer> at) {
      this.row = row;
      this.at = at;
    }

    String text(String column) {
      Integer i = at.get(column);
      return i == null ? "" : row.cell(i);
    }

    LocalDate date(String column) {
      String v = text(column);
      try {
        return v.isEmpty() ? null : LocalDate.parse(v);
      } catch (DateTimeParseException e) {
        problems.add(Finding.of(column, "DLV-0134", column, v));
        return null;
      }
    }

    LocalTime time(String column) {
      String v = text(column);
      try {
        return v.isEmpty() ? null : LocalTime.parse(v);
      } catch (DateTimeParseException e) {
        problems.add(Finding.of(column, "DLV-0135", column, v));
        return null;
      }
    }

    BigDecimal number(String column) {
      String v = text(column);
      try {
        return v.isEmpty() ? null : new BigDecimal(v);
      } catch (NumberFormatException e) {
        problems.add(Finding.of(column, "DLV-0136", column, v));
        return null;
      }
    }
  }
}
