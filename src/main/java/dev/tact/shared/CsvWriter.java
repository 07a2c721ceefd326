package dev.tact.shared;

import java.util.List;

/**
 * CSV as RFC 4180 writes it (CRLF line ends; a cell with a comma, quote or line break quoted, quotes doubled), with
 * one addition for spreadsheets: a cell starting with {@code = + - @}, a tab or a carriage return gets a leading
 * apostrophe, so that a summary an attacker chose is never run as a formula when the export is opened.
 */
public final class CsvWriter {

  private CsvWriter() {}

  public static String row(List<String> cells) {
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        row.append(',');
      }
      row.append(cell(cells.get(i)));
    }
    return row.append("\r\n").toString();
  }

  public static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0;
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  /** A row of values: numbers as they are (a negative one is no formula), anything else as {@link #cell}. */
  public static String values(List<?> values) {
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        row.append(',');
      }
      Object value = values.get(i);
      row.append(value instanceof Number ? value.toString() : cell(value == null ? null : value.toString()));
    }
    return row.append("\r\n").toString();
  }
}
