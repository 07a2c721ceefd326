package dev.tact.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCsvTests {

  @Test
  void shouldQuoteCellsWithCommasQuotesAndLineBreaksAsRfc4180Says() {
    assertThat(AuditCsv.row(List.of("plain", "a,b", "say \"hi\"", "two\nlines", "")))
        .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
  }

  @Test
  void shouldDefuseCellsASpreadsheetWouldRunAsFormulas() {
    assertThat(AuditCsv.cell("=HYPERLINK(\"http://evil.example\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
    assertThat(AuditCsv.cell("+1+2")).isEqualTo("'+1+2");
    assertThat(AuditCsv.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(AuditCsv.cell("\tcmd")).isEqualTo("'\tcmd");
    assertThat(AuditCsv.cell("a=b")).isEqualTo("a=b");
  }
}
