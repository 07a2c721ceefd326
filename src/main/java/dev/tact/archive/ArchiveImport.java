package dev.tact.archive;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Restores an archive into an empty database: verifies every file against the manifest first (a damaged archive
 * writes nothing), migrates the database to the archive's schema version with Flyway, then loads every table in
 * foreign-key order in one transaction, a batch at a time, and sets the sequences where they were.
 */
@Component
public class ArchiveImport {

  private static final int BATCH = 1000;

  private final DataSource dataSource;
  private final String[] migrationLocations;

  public ArchiveImport(DataSource dataSource,
      @Value("${spring.flyway.locations:classpath:db/migration}") String[] migrationLocations) {
    this.dataSource = dataSource;
    this.migrationLocations = migrationLocations;
  }

  public record Result(Manifest manifest, long rows) {}

  public Result importFrom(Path archive) {
    try (ArchiveFile file = ArchiveFile.open(archive)) {
      Manifest manifest = file.verify();
      List<ArchivedTable> archived = archivedTables(file.text(ArchiveFile.SCHEMA));
      JsonNode sequences = JsonMapper.builder().build().readTree(file.text(ArchiveFile.SEQUENCES));
      refuseUnlessEmpty();
      migrateTo(manifest.schemaVersion());
      try (Connection connection = dataSource.getConnection()) {
        Dialect dialect = Dialect.of(connection);
        DatabaseSchema target = DatabaseSchema.read(connection);
        requireSameTables(archived, target);
        connection.setAutoCommit(false);
        try {
          long rows = load(connection, dialect, file, target, sequences);
          connection.commit();
          return new Result(manifest, rows);
        } catch (SQLException | IOException | RuntimeException e) {
          connection.rollback();
          throw new ArchiveProblem("The import stopped and was rolled back: " + e.getMessage() + ". The database"
              + " now holds Tact's empty schema only: drop it and create it again before another import.", e);
        }
      }
    } catch (SQLException e) {
      throw new ArchiveProblem("The import stopped: " + e.getMessage(), e);
    }
  }

  private record ArchivedTable(String name, List<String> columns, List<String> kinds) {}

  private static List<ArchivedTable> archivedTables(String schemaJson) {
    List<ArchivedTable> tables = new ArrayList<>();
    for (JsonNode table : JsonMapper.builder().build().readTree(schemaJson).required("tables")) {
      List<String> columns = new ArrayList<>();
      List<String> kinds = new ArrayList<>();
      for (JsonNode column : table.required("columns")) {
        columns.add(column.required("name").asString());
        kinds.add(column.required("kind").asString());
      }
      tables.add(new ArchivedTable(table.required("name").asString(), columns, kinds));
    }
    return tables;
  }

  private void refuseUnlessEmpty() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      List<String> tables = DatabaseSchema.allTables(connection);
      if (!tables.isEmpty()) {
        throw new ArchiveProblem("The database " + connection.getMetaData().getURL() + " is not empty (it has "
            + tables.size() + " tables, e.g. " + tables.stream().sorted().limit(3).toList() + "). An archive is"
            + " imported only into an empty database: create a new one and point TACT_DB_URL at it."
            + " Nothing was written.");
      }
    }
  }

  private void migrateTo(String version) {
    Flyway flyway = Flyway.configure().dataSource(dataSource).locations(migrationLocations)
        .target(MigrationVersion.fromVersion(version)).load();
    boolean known = false;
    for (MigrationInfo migration : flyway.info().all()) {
      known |= migration.getVersion() != null && migration.getVersion().getVersion().equals(version);
    }
    if (!known) {
      throw new ArchiveProblem("The archive was written at schema version " + version + ", which this Tact does not"
          + " know: import it with the Tact version that exported it (or a later one). Nothing was written.");
    }
    flyway.migrate();
  }

  private static void requireSameTables(List<ArchivedTable> archived, DatabaseSchema target) {
    Map<String, DatabaseSchema.Table> tables = target.tables().stream()
        .collect(Collectors.toMap(DatabaseSchema.Table::name, t -> t, (a, b) -> a, LinkedHashMap::new));
    for (ArchivedTable table : archived) {
      DatabaseSchema.Table here = tables.remove(table.name());
      List<String> kinds = here == null ? List.of()
          : here.columns().stream().map(c -> c.kind().name()).toList();
      List<String> columns = here == null ? List.of()
          : here.columns().stream().map(DatabaseSchema.Column::name).toList();
      if (!columns.equals(table.columns()) || !kinds.equals(table.kinds())) {
        throw new ArchiveProblem("The archive's table " + table.name() + " does not match this database's after"
            + " migration (archive: " + table.columns() + ", here: " + columns + ")");
      }
    }
    if (!tables.isEmpty()) {
      throw new ArchiveProblem("The archive has no file for the tables " + tables.keySet());
    }
  }

  private static long load(Connection connection, Dialect dialect, ArchiveFile file, DatabaseSchema schema,
      JsonNode sequences) throws SQLException, IOException {
    List<DatabaseSchema.Table> tables = schema.tables();
    try (Statement statement = connection.createStatement()) {
      // rows the migrations themselves wrote (defaults, seeds) make way for the archive's
      for (int i = tables.size() - 1; i >= 0; i--) {
        statement.executeUpdate("DELETE FROM " + Dialect.quote(tables.get(i).name()));
      }
    }
    long rows = 0;
    for (DatabaseSchema.Table table : tables) {
      rows += insertRows(connection, file, table);
      if (!table.selfReferences().isEmpty()) {
        linkRows(connection, file, table);
      }
    }
    // last: on H2 these statements commit the transaction
    for (DatabaseSchema.Table table : tables) {
      for (DatabaseSchema.Column column : table.columns()) {
        if (column.identity()) {
          dialect.restartIdentity(connection, table.name(), column.name());
        }
      }
    }
    for (var sequence : sequences.properties()) {
      dialect.restartSequence(connection, sequence.getKey(), sequence.getValue().asLong());
    }
    return rows;
  }

  private static long insertRows(Connection connection, ArchiveFile file, DatabaseSchema.Table table)
      throws SQLException, IOException {
    List<DatabaseSchema.Column> columns = table.columns();
    String sql = "INSERT INTO " + Dialect.quote(table.name()) + " ("
        + columns.stream().map(c -> Dialect.quote(c.name())).collect(Collectors.joining(", ")) + ") VALUES ("
        + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    String path = ArchiveFile.tablePath(table.name());
    long rows = 0;
    try (BufferedReader lines = file.lines(path); PreparedStatement insert = connection.prepareStatement(sql)) {
      int pending = 0;
      for (String line; (line = lines.readLine()) != null; ) {
        rows++;
        List<Object> values = row(line, path, rows, columns.size());
        for (int i = 0; i < columns.size(); i++) {
          DatabaseSchema.Column column = columns.get(i);
          // a row may name one of its own table that comes later: set by linkRows once all are in
          Object value = table.selfReferences().contains(column.name()) ? null : values.get(i);
          column.kind().bind(insert, i + 1, value, column.jdbcType());
        }
        insert.addBatch();
        if (++pending == BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
    return rows;
  }

  private static void linkRows(Connection connection, ArchiveFile file, DatabaseSchema.Table table)
      throws SQLException, IOException {
    if (table.primaryKey().isEmpty()) {
      throw new ArchiveProblem("The table " + table.name() + " refers to itself but has no primary key");
    }
    List<DatabaseSchema.Column> columns = table.columns();
    List<String> links = List.copyOf(table.selfReferences());
    String sql = "UPDATE " + Dialect.quote(table.name()) + " SET "
        + links.stream().map(c -> Dialect.quote(c) + " = ?").collect(Collectors.joining(", ")) + " WHERE "
        + table.primaryKey().stream().map(c -> Dialect.quote(c) + " = ?").collect(Collectors.joining(" AND "));
    String path = ArchiveFile.tablePath(table.name());
    try (BufferedReader lines = file.lines(path); PreparedStatement update = connection.prepareStatement(sql)) {
      int pending = 0;
      long number = 0;
      for (String line; (line = lines.readLine()) != null; ) {
        List<Object> values = row(line, path, ++number, columns.size());
        if (links.stream().allMatch(c -> values.get(indexOf(columns, c)) == null)) {
          continue;
        }
        int parameter = 1;
        for (String name : links) {
          DatabaseSchema.Column column = table.column(name);
          column.kind().bind(update, parameter++, values.get(indexOf(columns, name)), column.jdbcType());
        }
        for (String name : table.primaryKey()) {
          DatabaseSchema.Column column = table.column(name);
          column.kind().bind(update, parameter++, values.get(indexOf(columns, name)), column.jdbcType());
        }
        update.addBatch();
        if (++pending == BATCH) {
          update.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        update.executeBatch();
      }
    }
  }

  private static List<Object> row(String line, String path, long number, int columns) {
    List<Object> values = CanonicalJson.parseArray(line, path + " line " + number);
    if (values.size() != columns) {
      throw new ArchiveProblem("The archive is damaged: " + path + " line " + number + " has " + values.size()
          + " values for " + columns + " columns");
    }
    return values;
  }

  private static int indexOf(List<DatabaseSchema.Column> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(name);
  }
}
