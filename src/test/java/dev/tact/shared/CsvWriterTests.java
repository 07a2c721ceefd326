package dev.tact.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTests {

  @Test
  void shouldQuoteCellsWithCommasQuotesAndLineBreaksAsRfc4180Says() {
    assertThat(CsvWriter.row(List.of("plain", "a,b", "say \"hi\"", "two\nlines", "")))
        .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
  }

  @Test
  void shouldDefuseCellsASpreadsheetWouldRunAsFormulas() {
    assertThat(CsvWriter.cell("=HYPERLINK(\"http://evil.example\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
    assertThat(CsvWriter.cell("+1+2")).isEqualTo("'+1+2");
    assertThat(CsvWriter.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvWriter.cell("\tcmd")).isEqualTo("'\tcmd");
    assertThat(CsvWriter.cell("a=b")).isEqualTo("a=b");
  }

  @Test
  void shouldWriteNumbersAsTheyAreAndDefuseText() {
    assertThat(CsvWriter.values(java.util.Arrays.asList("-1 day", -3, 2.5, null, "a,b")))
        .isEqualTo("'-1 day,-3,2.5,,\"a,b\"\r\n");
  }
}
