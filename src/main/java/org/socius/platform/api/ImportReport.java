package org.socius.platform.api;

import java.util.List;
import org.socius.platform.errors.Finding;

/**
 * The outcome of a CSV import: how many rows were read and imported, and every problem found, by
 * line. A file with any problem imports nothing.
 */
public record ImportReport(int rowsRead, int imported, List<LineFinding> findings) {

  public ImportReport {
    findings = List.copyOf(findings);
  }

  public boolean accepted() {
    return findings.isEmpty();
  }

  /** A problem on one line of the file. */
  public record LineFinding(int line, Finding finding) {}
}
