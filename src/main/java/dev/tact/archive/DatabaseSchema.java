package dev.tact.archive;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables of the connection's current schema as an archive sees them: columns by name with their canonical kind,
 * the primary key (the rows' order), the columns that refer to their own table, identity columns; tables in an order
 * where every table comes after those its foreign keys name.
 */
record DatabaseSchema(List<Table> tables) {

  /**
   * Tables an archive leaves out. Flyway's history is written by the import's own migrate; the others hold state
   * that belongs to one running installation rather than to its data: agents' web sessions (they sign in again on
   * the new host), sign-in throttle buckets (they refill), and the id the search index is built against (the new
   * database gets its own, so every node rebuilds its index from the imported rows).
   */
  static final Set<String> LEFT_OUT = Set.of("flyway_schema_history", "staff_session", "staff_session_attributes",
      "staff_signin_bucket", "search_database");

  /** A column; {@code typeName} is the database's own name of its type ({@code timestamptz}, {@code int4}, ...). */
  record Column(String name, ColumnKind kind, int jdbcType, String typeName, boolean identity) {}

  record Table(String name, List<Column> columns, List<String> primaryKey, Set<String> selfReferences) {

    Column column(String name) {
      return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    List<Column> orderColumns() {
      return primaryKey.isEmpty() ? columns : primaryKey.stream().map(this::column).toList();
    }
  }

  static DatabaseSchema read(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String catalog = connection.getCatalog();
    String schema = connection.getSchema();
    Set<String> names = new TreeSet<>();
    try (ResultSet rs = meta.getTables(catalog, schema, "%", null)) {
      while (rs.next()) {
        String type = rs.getString("TABLE_TYPE");
        if ("TABLE".equalsIgnoreCase(type) || "BASE TABLE".equalsIgnoreCase(type)) {
          names.add(rs.getString("TABLE_NAME"));
        }
      }
    }
    Map<String, Table> tables = new TreeMap<>();
    Map<String, Set<String>> parents = new HashMap<>();
    for (String name : names) {
      if (LEFT_OUT.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      List<Column> columns = new ArrayList<>();
      try (ResultSet rs = meta.getColumns(catalog, schema, name, "%")) {
        while (rs.next()) {
          String column = rs.getString("COLUMN_NAME");
          String typeName = rs.getString("TYPE_NAME");
          columns.add(new Column(column, ColumnKind.of(name, column, rs.getInt("DATA_TYPE"), typeName),
              rs.getInt("DATA_TYPE"), typeName, "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))));
        }
      }
      columns.sort(Comparator.comparing(Column::name));
      TreeMap<Integer, String> key = new TreeMap<>();
      try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, name)) {
        while (rs.next()) {
          key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
        }
      }
      Set<String> selfReferences = new TreeSet<>();
      Set<String> referenced = new TreeSet<>();
      try (ResultSet rs = meta.getImportedKeys(catalog, schema, name)) {
        while (rs.next()) {
          String parent = rs.getString("PKTABLE_NAME");
          if (parent.equals(name)) {
            selfReferences.add(rs.getString("FKCOLUMN_NAME"));
          } else {
            referenced.add(parent);
          }
        }
      }
      parents.put(name, referenced);
      tables.put(name, new Table(name, List.copyOf(columns), List.copyOf(key.values()), selfReferences));
    }
    return new DatabaseSchema(inForeignKeyOrder(tables, parents));
  }

  private static List<Table> inForeignKeyOrder(Map<String, Table> tables, Map<String, Set<String>> parents) {
    LinkedHashSet<String> ordered = new LinkedHashSet<>();
    while (ordered.size() < tables.size()) {
      boolean progress = false;
      for (String name : tables.keySet()) {
        if (!ordered.contains(name) && parents.get(name).stream()
            .allMatch(parent -> ordered.contains(parent) || !tables.containsKey(parent))) {
          ordered.add(name);
          progress = true;
        }
      }
      if (!progress) {
        List<String> left = tables.keySet().stream().filter(name -> !ordered.contains(name)).toList();
        throw new ArchiveProblem("The foreign keys of these tables form a cycle the import cannot order: " + left);
      }
    }
    return ordered.stream().map(tables::get).toList();
  }

  /** The schema version Flyway last applied, or null when the database has no Flyway history. */
  static String flywayVersion(Connection connection) throws SQLException {
    if (!hasTable(connection, "flyway_schema_history")) {
      return null;
    }
    try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
        "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL"
            + " ORDER BY \"installed_rank\" DESC")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  static boolean hasTable(Connection connection, String table) throws SQLException {
    try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), table,
        null)) {
      return rs.next();
    }
  }

  /** Every table of the current schema, left-out ones included. */
  static List<String> allTables(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%",
        null)) {
      while (rs.next()) {
        String type = rs.getString("TABLE_TYPE");
        if ("TABLE".equalsIgnoreCase(type) || "BASE TABLE".equalsIgnoreCase(type)) {
          names.add(rs.getString("TABLE_NAME"));
        }
      }
    }
    return names;
  }
}
