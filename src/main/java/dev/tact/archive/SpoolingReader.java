package dev.tact.archive;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A second reader of an export on PostgreSQL: its own connection in the first one's snapshot
 * ({@code pg_export_snapshot}, {@code SET TRANSACTION SNAPSHOT}), taking tables from the same {@link TableQueue} and
 * writing their rows, the same bytes, through a {@link DeflatingSpool} of its own, so that two database backends,
 * two encoders and two deflaters work at once. Memory stays bounded.
 */
final class SpoolingReader implements AutoCloseable {

  private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-Fa-f-]+");

  private final Connection connection;
  private final Dialect dialect;
  private final TableQueue tables;
  private final DeflatingSpool spool;
  private final List<ArchiveExport.Written> written = new ArrayList<>();
  private final Thread thread;
  private volatile Exception failure;
  private volatile boolean stopped;

  private SpoolingReader(Connection connection, Dialect dialect, TableQueue tables, DeflatingSpool spool) {
    this.connection = connection;
    this.dialect = dialect;
    this.tables = tables;
    this.spool = spool;
    thread = Thread.ofPlatform().name("archive-read-2").daemon().start(this::run);
  }

  /**
   * Starts a second reader in the snapshot of {@code first} (a REPEATABLE READ transaction that has read already),
   * or returns null on H2, whose connections cannot share a snapshot (and whose file Tact has closed for the export).
   */
  static SpoolingReader startIfShared(DataSource dataSource, Connection first, Dialect dialect, TableQueue tables,
      Path spoolFile) throws SQLException, IOException {
    if (dialect != Dialect.POSTGRESQL) {
      return null;
    }
    String snapshot;
    try (Statement statement = first.createStatement();
        ResultSet rs = statement.executeQuery("SELECT pg_export_snapshot()")) {
      rs.next();
      snapshot = rs.getString(1);
    }
    if (!SNAPSHOT_ID.matcher(snapshot).matches()) {
      throw new SQLException("Unexpected snapshot id from PostgreSQL: " + snapshot);
    }
    Connection second = dataSource.getConnection();
    try {
      second.setAutoCommit(false);
      second.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      second.setReadOnly(true);
      try (Statement statement = second.createStatement()) {
        statement.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
      }
      return new SpoolingReader(second, dialect, tables, new DeflatingSpool(spoolFile, "archive-deflate-2"));
    } catch (SQLException | IOException e) {
      second.close();
      throw e;
    }
  }

  /** Waits until this reader has read its last table into its spool, and gives the files it wrote. */
  List<ArchiveExport.Written> awaitAll() throws IOException, SQLException {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("The export was interrupted");
    }
    switch (failure) {
      case null -> { }
      case IOException e -> throw new IOException(e.getMessage(), e);
      case SQLException e -> throw new SQLException(e.getMessage(), e);
      case RuntimeException e -> throw e;
      default -> throw new IllegalStateException(failure);
    }
    return List.copyOf(written);
  }

  @Override
  public void close() throws SQLException, IOException {
    stopped = true;
    try {
      if (thread.isAlive()) {
        // the export failed elsewhere: stop the query under way rather than wait for its table
        connection.abort(Runnable::run);
      }
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        spool.close();
      } finally {
        try {
          if (!connection.isClosed()) {
            connection.rollback();
          }
        } finally {
          connection.close();
        }
      }
    }
  }

  private void run() {
    try {
      for (DatabaseSchema.Table table; !stopped && (table = tables.next()) != null; ) {
        DatabaseSchema.Table current = table;
        written.add(ArchiveExport.write(spool, ArchiveFile.tablePath(table.name()),
            out -> ArchiveExport.rows(connection, dialect, current, out)));
      }
      spool.finish();
    } catch (IOException | SQLException | RuntimeException e) {
      failure = e;
    }
  }
}
