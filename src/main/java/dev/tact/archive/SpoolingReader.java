package dev.tact.archive;

import dev.tact.shared.PrivateFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A second reader of an export on PostgreSQL: its own connection in the first one's snapshot
 * ({@code pg_export_snapshot}, {@code SET TRANSACTION SNAPSHOT}), taking tables from the same {@link TableQueue} and
 * writing their rows, the same bytes, into spool files beside the archive (private to their owner, as the archive),
 * which the zip thread then sums, deflates and deletes. Memory stays bounded; the spool files hold at most the tables
 * this reader took.
 */
final class SpoolingReader implements AutoCloseable {

  record Spooled(String path, Path file, long bytes, long rows) {}

  private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-Fa-f-]+");

  private final Connection connection;
  private final Dialect dialect;
  private final TableQueue tables;
  private final Path besides;
  private final Queue<Spooled> ready = new ConcurrentLinkedQueue<>();
  private final Queue<Path> files = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private volatile Exception failure;
  private volatile boolean stopped;

  private SpoolingReader(Connection connection, Dialect dialect, TableQueue tables, Path besides) {
    this.connection = connection;
    this.dialect = dialect;
    this.tables = tables;
    this.besides = besides;
    thread = Thread.ofPlatform().name("archive-read-2").daemon().start(this::run);
  }

  /**
   * Starts a second reader in the snapshot of {@code first} (a REPEATABLE READ transaction that has read already),
   * or returns null on H2, whose connections cannot share a snapshot (and whose file Tact has closed for the export).
   */
  static SpoolingReader startIfShared(DataSource dataSource, Connection first, Dialect dialect, TableQueue tables,
      Path besides) throws SQLException {
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
    } catch (SQLException e) {
      second.close();
      throw e;
    }
    return new SpoolingReader(second, dialect, tables, besides);
  }

  /** The tables spooled whole since the last call. */
  List<Spooled> ready() throws IOException, SQLException {
    rethrow();
    List<Spooled> done = new ArrayList<>();
    for (Spooled spooled; (spooled = ready.poll()) != null; ) {
      done.add(spooled);
    }
    return done;
  }

  /** Waits until this reader has taken its last table, then gives the tables spooled since the last call. */
  List<Spooled> awaitAll() throws IOException, SQLException {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("The export was interrupted");
    }
    return ready();
  }

  @Override
  public void close() throws SQLException {
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
      for (Path file : files) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // a spool file that stays is private to its owner; the next export's directory listing shows it
        }
      }
      try {
        if (!connection.isClosed()) {
          connection.rollback();
        }
      } finally {
        connection.close();
      }
    }
  }

  private void run() {
    try {
      for (DatabaseSchema.Table table; !stopped && (table = tables.next()) != null; ) {
        Path file = Files.createTempFile(besides.getParent(), besides.getFileName() + ".", ".spool");
        files.add(file);
        PrivateFiles.restrict(file);
        long rows;
        long bytes;
        try (CountingOutputStream out = new CountingOutputStream(new BufferedOutputStream(
            Files.newOutputStream(file), DeflatingZip.CHUNK))) {
          rows = ArchiveExport.rows(connection, dialect, table, out);
          out.flush();
          bytes = out.count();
        }
        ready.add(new Spooled(ArchiveFile.tablePath(table.name()), file, bytes, rows));
      }
    } catch (IOException | SQLException | RuntimeException e) {
      failure = e;
    }
  }

  private void rethrow() throws IOException, SQLException {
    switch (failure) {
      case null -> { }
      case IOException e -> throw new IOException(e.getMessage(), e);
      case SQLException e -> throw new SQLException(e.getMessage(), e);
      case RuntimeException e -> throw e;
      default -> throw new IllegalStateException(failure);
    }
  }
}
