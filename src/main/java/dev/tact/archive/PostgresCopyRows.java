package dev.tact.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * A table's rows from PostgreSQL as one {@code COPY (SELECT ...) TO STDOUT (FORMAT binary)}: the server streams the
 * rows without waiting for a fetch request after every batch (as a cursor does), and each value is written to the
 * row from the bytes the server sent ({@link PostgresBinaryColumn}), without a {@code String} or a date object per
 * value. The same bytes as the JDBC rows of {@link ArchiveExport#rows}. The copy runs in the connection's transaction,
 * so it reads the export's snapshot.
 */
final class PostgresCopyRows {

  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

  private final CopyOut copy;
  private byte[] buffer = new byte[0];
  private int position;
  private int limit;
  private byte[] joined = new byte[1 << 16];

  private PostgresCopyRows(CopyOut copy) {
    this.copy = copy;
  }

  /** The readers of the table's columns, or null when a column is of a type this class does not decode. */
  static PostgresBinaryColumn[] readers(List<DatabaseSchema.Column> columns) {
    PostgresBinaryColumn[] readers = new PostgresBinaryColumn[columns.size()];
    for (int i = 0; i < readers.length; i++) {
      readers[i] = PostgresBinaryColumn.of(columns.get(i));
      if (readers[i] == null) {
        return null;
      }
    }
    return readers;
  }

  /** Runs {@code select} as a binary copy and writes each of its rows as a line; returns the number of rows. */
  static long write(Connection connection, String select, PostgresBinaryColumn[] columns, CanonicalRow line,
      OutputStream out) throws SQLException, IOException {
    CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI()
        .copyOut("COPY (" + select + ") TO STDOUT (FORMAT binary)");
    try {
      return new PostgresCopyRows(copy).rows(columns, line, out);
    } finally {
      // only when the rows stopped early (a failure): a finished copy is no longer active
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  private long rows(PostgresBinaryColumn[] columns, CanonicalRow line, OutputStream out)
      throws SQLException, IOException {
    header();
    long rows = 0;
    while (true) {
      need(2);
      int fields = shortAt();
      if (fields == -1) {
        // the trailer; the copy ends with the next read
        if (copy.readFromCopy() != null) {
          throw new SQLException("PostgreSQL sent data after the end of a binary copy");
        }
        return rows;
      }
      if (fields != columns.length) {
        throw new SQLException("A binary copy row has " + fields + " fields where " + columns.length
            + " were asked for");
      }
      line.startRow();
      for (PostgresBinaryColumn column : columns) {
        need(4);
        int length = intAt();
        if (length < 0) {
          line.nullValue();
        } else {
          need(length);
          column.write(buffer, position, length, line);
          position += length;
        }
      }
      line.endRow();
      line.writeTo(out);
      rows++;
    }
  }

  private void header() throws SQLException {
    need(SIGNATURE.length + 8);
    if (!Arrays.equals(buffer, position, position + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
      throw new SQLException("A binary copy from PostgreSQL did not start with its signature");
    }
    position += SIGNATURE.length;
    position += 4; // flags: none that this format uses (bit 16, OIDs, is never asked for)
    int extension = intAt();
    need(extension);
    position += extension;
  }

  private int shortAt() {
    int value = (short) ((buffer[position] & 0xFF) << 8 | (buffer[position + 1] & 0xFF));
    position += 2;
    return value;
  }

  private int intAt() {
    int value = (buffer[position] & 0xFF) << 24 | (buffer[position + 1] & 0xFF) << 16
        | (buffer[position + 2] & 0xFF) << 8 | (buffer[position + 3] & 0xFF);
    position += 4;
    return value;
  }

  /**
   * Makes {@code count} bytes readable at {@code position}. The server sends one message per row, so a row is
   * usually read where it arrived; a value split over messages is joined into a buffer of this reader.
   */
  private void need(int count) throws SQLException {
    if (limit - position >= count) {
      return;
    }
    int left = limit - position;
    // the bytes left may be in this buffer already: arraycopy moves overlapping ranges correctly
    byte[] target = joined.length >= count ? joined : new byte[Math.max(count, joined.length * 2)];
    System.arraycopy(buffer, position, target, 0, left);
    int filled = left;
    while (filled < count) {
      byte[] message = copy.readFromCopy();
      if (message == null) {
        throw new SQLException("A binary copy from PostgreSQL ended in the middle of a row");
      }
      if (filled == 0 && message.length >= count) {
        // the usual case: a new message that holds what is needed, read in place
        buffer = message;
        position = 0;
        limit = message.length;
        return;
      }
      if (filled + message.length > target.length) {
        target = Arrays.copyOf(target, Math.max(target.length * 2, filled + message.length));
      }
      System.arraycopy(message, 0, target, filled, message.length);
      filled += message.length;
    }
    joined = target;
    buffer = target;
    position = 0;
    limit = filled;
  }
}
