package dev.tact.shared;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180: commas, double quotes around fields that hold commas, quotes or line breaks, a doubled quote
 * for a quote; CRLF or LF; a byte-order mark at the start is skipped) one record at a time, so a file of any size
 * is read without holding it in memory. Semicolons separate fields too when the first line has no comma (what
 * spreadsheets write in locales with a decimal comma).
 */
public final class CsvReader {

  /** One record: its fields and the line it started on (1-based). */
  public record Row(int line, List<String> fields) {

    /** The field at {@code index}, stripped; empty when the record is shorter. */
    public String field(int index) {
      return index < fields.size() ? fields.get(index).strip() : "";
    }

    public boolean blank() {
      return fields.stream().allMatch(String::isBlank);
    }
  }

  private static final int MAX_FIELD = 10_000;

  private final Reader in;
  private int line = 1;
  private int pushedBack = -2;
  private String head;
  private int headAt;
  private char separator = ',';

  public CsvReader(Reader in) {
    this.in = in;
  }

  /** The next record, or null at the end. A field longer than 10,000 characters is a 422 naming the line. */
  public Row next() {
    int start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    while (true) {
      int c = read();
      if (c == -1) {
        if (!any && field.isEmpty() && fields.isEmpty()) {
          return null;
        }
        if (quoted) {
          throw ProblemException.invalid("invalid-csv", "Line " + start + ": a quoted field is never closed.");
        }
        fields.add(field.toString());
        return new Row(start, fields);
      }
      any = true;
      if (quoted) {
        if (c == '"') {
          int after = read();
          if (after == '"') {
            field.append('"');
          } else {
            quoted = false;
            unread(after);
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
      } else if (c == '"' && field.toString().isBlank()) {
        field.setLength(0);
        quoted = true;
      } else if (c == separator()) {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\r') {
        int after = read();
        if (after != '\n') {
          unread(after);
        }
        line++;
        fields.add(field.toString());
        return new Row(start, fields);
      } else if (c == '\n') {
        line++;
        fields.add(field.toString());
        return new Row(start, fields);
      } else {
        field.append((char) c);
      }
      if (field.length() > MAX_FIELD) {
        throw ProblemException.invalid("invalid-csv", "Line " + start + ": a field is longer than " + MAX_FIELD
            + " characters.");
      }
    }
  }

  private char separator() {
    return separator;
  }

  private int read() {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    try {
      if (head == null) {
        readHead();
      }
      return headAt < head.length() ? head.charAt(headAt++) : in.read();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the first line ahead to choose the separator; it is handed out again before the rest. */
  private void readHead() throws IOException {
    StringBuilder text = new StringBuilder();
    int c = in.read();
    if (c == '\uFEFF') {
      c = in.read();
    }
    while (c != -1) {
      text.append((char) c);
      if (c == '\n' || text.length() > 100_000) {
        break;
      }
      c = in.read();
    }
    head = text.toString();
    separator = head.indexOf(',') < 0 && head.indexOf(';') >= 0 ? ';' : ',';
  }

  private void unread(int c) {
    pushedBack = c;
  }
}
