package dev.tact.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTests {

  private static List<CsvReader.Row> read(String text) {
    CsvReader reader = new CsvReader(new StringReader(text));
    List<CsvReader.Row> rows = new ArrayList<>();
    for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
      rows.add(row);
    }
    return rows;
  }

  @Test
  void shouldReadQuotedFieldsWithCommasQuotesAndLineBreaksWhenTheFileUsesThem() {
    List<CsvReader.Row> rows = read("\uFEFFname,plan\r\n\"Dubois, Marguerite\",\"Gold \"\"plus\"\"\"\r\n"
        + "\"Two\nlines\",x\n");

    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).fields()).containsExactly("name", "plan");
    assertThat(rows.get(1).fields()).containsExactly("Dubois, Marguerite", "Gold \"plus\"");
    assertThat(rows.get(2).fields()).containsExactly("Two\nlines", "x");
    assertThat(rows.get(2).line()).isEqualTo(3);
  }

  @Test
  void shouldSplitOnSemicolonsWhenTheFirstLineHasNoComma() {
    assertThat(read("number;registered\n2045550123;2011-10-03").get(1).fields())
        .containsExactly("2045550123", "2011-10-03");
  }

  @Test
  void shouldCountLinesAndReportAnUnclosedQuoteWhenTheFileEndsInsideOne() {
    List<CsvReader.Row> rows = read("a\n\nb\n");
    assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 2, 3);
    assertThat(rows.get(1).blank()).isTrue();
    assertThatThrownBy(() -> read("a\n\"never closed")).isInstanceOf(ProblemException.class)
        .hasMessageContaining("Line 2");
  }
}
