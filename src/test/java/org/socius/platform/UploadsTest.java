package org.socius.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.socius.platform.files.Uploads;
import org.socius.platform.files.Uploads.Problem;

/** A document is what its first bytes say, not what the browser declares. */
class UploadsTest {

  private static final byte[] PDF = "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
  private static final byte[] HTML = "<html><script>".getBytes(StandardCharsets.US_ASCII);

  @Test
  void documentsAreRecognisedByTheirFirstBytes() {
    assertThat(Uploads.checkDocument("application/pdf", PDF, 100)).isEmpty();
    assertThat(Uploads.checkDocument("image/png; charset=x", PNG, 100)).isEmpty();
    assertThat(Uploads.checkDocument("application/pdf", HTML, 100))
        .contains(Problem.NOT_A_DOCUMENT);
    assertThat(Uploads.checkDocument("image/png", PDF, 100)).contains(Problem.NOT_A_DOCUMENT);
    assertThat(Uploads.checkDocument("text/html", HTML, 100)).contains(Problem.NOT_A_DOCUMENT);
    assertThat(Uploads.checkDocument("application/pdf", new byte[0], 100)).contains(Problem.EMPTY);
    assertThat(Uploads.checkDocument("application/pdf", PDF, 4)).contains(Problem.TOO_LARGE);
  }

  @Test
  void fileNamesCannotBreakAHeader() {
    assertThat(Uploads.safeName("a\"b\r\n/c.pdf", "x")).isEqualTo("a_b___c.pdf");
    assertThat(Uploads.safeName(" ", "document")).isEqualTo("document");
  }
}
