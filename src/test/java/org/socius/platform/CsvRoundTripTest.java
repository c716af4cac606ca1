package org.socius.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.socius.platform.api.CsvReader;
import org.socius.platform.api.CsvWriter;

class CsvRoundTripTest {

  @Provide
  Arbitrary<List<List<String>>> tables() {
    Arbitrary<String> cell =
        Arbitraries.strings()
            .withChars("abcXYZ 019,\"\n\r;äж")
            .ofMaxLength(12)
            .filter(s -> s.isEmpty() || "=+-@\t\r".indexOf(s.charAt(0)) < 0);
    return cell.list()
        .ofMinSize(1)
        .ofMaxSize(5)
        .list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .filter(rows -> rows.stream().noneMatch(r -> r.size() == 1 && r.getFirst().isEmpty()));
  }

  @Property
  void whatIsWrittenReadsBackCellForCell(@ForAll("tables") List<List<String>> rows) {
    StringWriter out = new StringWriter();
    CsvWriter writer = new CsvWriter(out);
    rows.forEach(r -> writer.row(r.toArray()));
    List<CsvReader.Row> read = CsvReader.parse(out.toString());
    assertThat(read).extracting(CsvReader.Row::cells).containsExactlyElementsOf(rows);
  }

  @Test
  void formulasAreDefusedOnExport() {
    StringWriter out = new StringWriter();
    new CsvWriter(out).row("=HYPERLINK(\"x\")", "-5", "+7", "@user");
    assertThat(out.toString()).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",-5,+7,'@user\r\n");
  }

  @Test
  void rowsKnowTheLineTheyStartOn() {
    List<CsvReader.Row> rows = CsvReader.parse("a,b\n\"multi\nline\",c\nd,e\n");
    assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 2, 4);
  }
}
