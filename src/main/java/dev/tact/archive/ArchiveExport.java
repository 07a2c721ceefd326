package dev.tact.archive;

import dev.tact.shared.PrivateFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import org.springframework.stereotype.Component;

/**
 * Writes every table of the schema (but {@link DatabaseSchema#LEFT_OUT}) into an archive, row by row from one
 * read-only snapshot, then reads the archive back against its manifest. Rows stream from the database to the file:
 * memory holds one fetch of rows, whatever the size of a table. On PostgreSQL a second connection shares the
 * snapshot and reads other tables meanwhile into spool files beside the archive ({@link SpoolingReader}), the largest
 * tables first, so that both cores and two database backends work.
 */
@Component
public class ArchiveExport {

  private static final int FETCH_SIZE = 1000;

  private final DataSource dataSource;

  public ArchiveExport(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public record Result(Path archive, Manifest manifest) {}

  public Result export(Path archive) {
    Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
    Path firstSpool = archive.resolveSibling(archive.getFileName() + ".partial-1");
    Path secondSpool = archive.resolveSibling(archive.getFileName() + ".partial-2");
    try (Connection connection = dataSource.getConnection()) {
      Dialect dialect = Dialect.of(connection);
      connection.setAutoCommit(false);
      // one snapshot for every table, so that an export while Tact writes is still consistent: PostgreSQL's
      // REPEATABLE READ is a snapshot; H2's weakest level that excludes phantoms is SERIALIZABLE (reads only here)
      connection.setTransactionIsolation(dialect == Dialect.POSTGRESQL ? Connection.TRANSACTION_REPEATABLE_READ
          : Connection.TRANSACTION_SERIALIZABLE);
      connection.setReadOnly(true);
      String version = DatabaseSchema.flywayVersion(connection);
      if (version == null) {
        throw new ArchiveProblem("The database has no Tact schema (no Flyway history): there is nothing to export");
      }
      DatabaseSchema schema = DatabaseSchema.read(connection);
      // the archive and its spools hold everything, password hashes and encrypted secrets included: only its owner
      // may read them
      for (Path file : List.of(partial, firstSpool, secondSpool)) {
        Files.deleteIfExists(file);
        Files.createFile(file);
        PrivateFiles.restrict(file);
      }
      TableQueue tables = new TableQueue(schema.tables(), dialect.tableSizes(connection));
      List<Written> written = new ArrayList<>();
      try (DeflatingSpool spool = new DeflatingSpool(firstSpool, "archive-deflate-1");
          SpoolingReader second = SpoolingReader.startIfShared(dataSource, connection, dialect, tables,
              secondSpool)) {
        written.add(write(spool, ArchiveFile.SCHEMA, out -> text(out, schemaJson(schema))));
        written.add(write(spool, ArchiveFile.SEQUENCES, out -> text(out, sequencesJson(connection, dialect))));
        for (DatabaseSchema.Table table; (table = tables.next()) != null; ) {
          DatabaseSchema.Table current = table;
          written.add(write(spool, ArchiveFile.tablePath(table.name()), out -> rows(connection, dialect, current,
              out)));
        }
        if (second != null) {
          written.addAll(second.awaitAll());
        }
        List<Manifest.Entry> files = new ArrayList<>();
        List<DeflatingSpool.Spooled> spooled = new ArrayList<>();
        for (Written file : written) {
          DeflatingSpool.Spooled done = file.spooled();
          files.add(new Manifest.Entry(file.path(), done.bytes(), file.rows(), done.sha256()));
          spooled.add(done);
        }
        files.sort(Comparator.comparing(Manifest.Entry::path));
        Manifest manifest = new Manifest(Manifest.FORMAT, version, List.copyOf(files));
        Written manifestFile = write(spool, Manifest.PATH, out -> text(out, manifest.toJson()));
        spool.finish();
        spooled.add(manifestFile.spooled());
        connection.rollback();
        ZipAssembler.Written zipped = ZipAssembler.assemble(partial, spooled);
        Manifest verified;
        try (ArchiveFile archived = ArchiveFile.open(partial)) {
          verified = archived.verifyWritten(zipped);
        }
        Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Result(archive, verified);
      }
    } catch (SQLException e) {
      throw new ArchiveProblem("The export stopped: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ArchiveProblem("The archive cannot be written to " + archive + ": " + e.getMessage(), e);
    } finally {
      for (Path file : List.of(partial, firstSpool, secondSpool)) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // a file that stays is private to its owner; the next export replaces it
        }
      }
    }
  }

  interface Content {
    /** Writes the file and returns its rows (0 for a file that is not a table). */
    long writeTo(OutputStream out) throws IOException, SQLException;
  }

  /** A file handed to a spool: where its deflated bytes are and its SHA-256 come once the spool's thread is done. */
  record Written(String path, long rows, CompletableFuture<DeflatingSpool.Spooled> future) {

    DeflatingSpool.Spooled spooled() throws IOException {
      try {
        return future.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
      }
    }
  }

  static Written write(DeflatingSpool spool, String path, Content content) throws IOException, SQLException {
    EntryOutput out = new EntryOutput(spool, path);
    long rows = content.writeTo(out);
    return new Written(path, rows, out.end());
  }

  private static long text(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    return 0;
  }

  static long rows(Connection connection, Dialect dialect, DatabaseSchema.Table table, OutputStream out)
      throws SQLException, IOException {
    String sql = select(dialect, table);
    PostgresBinaryColumn[] binary = dialect == Dialect.POSTGRESQL ? PostgresCopyRows.readers(table.columns()) : null;
    if (binary != null) {
      return PostgresCopyRows.write(connection, sql, binary, new CanonicalRow(), out);
    }
    return jdbcRows(connection, dialect, table, sql, out);
  }

  /** Every column of the table by name, in the archive's row order. */
  static String select(Dialect dialect, DatabaseSchema.Table table) {
    String columns = table.columns().stream().map(c -> Dialect.quote(c.name())).collect(Collectors.joining(", "));
    String order = table.orderColumns().stream().map(dialect::orderTerm).collect(Collectors.joining(", "));
    return "SELECT " + columns + " FROM " + Dialect.quote(table.name()) + " ORDER BY " + order;
  }

  /** The rows of {@code sql} through a JDBC result set, fetched in batches (H2, and types the copy does not read). */
  static long jdbcRows(Connection connection, Dialect dialect, DatabaseSchema.Table table, String sql,
      OutputStream out) throws SQLException, IOException {
    CanonicalRow line = new CanonicalRow();
    long rows = 0;
    try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
        ResultSet.CONCUR_READ_ONLY)) {
      statement.setFetchSize(FETCH_SIZE);
      if (dialect == Dialect.POSTGRESQL) {
        // binary transfer from the first execution (each query runs once): no hex for bytes, no text timestamps
        statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
      }
      try (ResultSet rs = statement.executeQuery()) {
        List<DatabaseSchema.Column> list = table.columns();
        ColumnKind[] kinds = list.stream().map(DatabaseSchema.Column::kind).toArray(ColumnKind[]::new);
        while (rs.next()) {
          line.startRow();
          for (int i = 0; i < kinds.length; i++) {
            kinds[i].write(rs, i + 1, line);
          }
          line.endRow();
          line.writeTo(out);
          rows++;
        }
      }
    }
    return rows;
  }

  static String schemaJson(DatabaseSchema schema) {
    StringBuilder out = new StringBuilder("{\"tables\":[\n");
    List<DatabaseSchema.Table> tables = schema.tables();
    for (int t = 0; t < tables.size(); t++) {
      DatabaseSchema.Table table = tables.get(t);
      out.append("{\"name\":");
      CanonicalJson.quote(out, table.name());
      out.append(",\"primaryKey\":[");
      for (int i = 0; i < table.primaryKey().size(); i++) {
        out.append(i > 0 ? "," : "");
        CanonicalJson.quote(out, table.primaryKey().get(i));
      }
      out.append("],\"columns\":[");
      for (int i = 0; i < table.columns().size(); i++) {
        DatabaseSchema.Column column = table.columns().get(i);
        out.append(i > 0 ? "," : "").append("{\"name\":");
        CanonicalJson.quote(out, column.name());
        out.append(",\"kind\":\"").append(column.kind().name()).append("\"}");
      }
      out.append(t + 1 < tables.size() ? "]},\n" : "]}\n");
    }
    return out.append("]}\n").toString();
  }

  private static String sequencesJson(Connection connection, Dialect dialect) throws SQLException {
    StringBuilder out = new StringBuilder("{");
    List<String> sequences = dialect.sequences(connection);
    for (int i = 0; i < sequences.size(); i++) {
      out.append(i > 0 ? ",\n" : "\n");
      CanonicalJson.quote(out, sequences.get(i));
      out.append(':').append(dialect.nextValue(connection, sequences.get(i)));
    }
    return out.append("\n}\n").toString();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
