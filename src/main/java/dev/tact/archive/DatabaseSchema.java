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
   * the new host), sign-in throttle buckets (they refill), the id the search index is built against (the new
   * database gets its own, so every node rebuilds its index from the imported rows), and the nodes running now.
   */
  static final Set<String> LEFT_OUT = Set.of("flyway_schema_history", "staff_session", "staff_session_attributes",
      "staff_signin_bucket", "search_database", "live_node");

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
    // PostgreSQL answers each metadata call with a catalog query of its own (a foreign key query takes about 10 ms):
    // there the columns, keys and references of all tables come in one call each; H2 is asked table by table
    boolean bulk = "PostgreSQL".equals(meta.getDatabaseProductName());
    Map<String, List<Column>> columnsOf = new HashMap<>();
    Map<String, TreeMap<Integer, String>> keyOf = new HashMap<>();
    Map<String, List<String[]>> referencesOf = new HashMap<>();
    Set<String> wanted = new TreeSet<>(names);
    wanted.removeIf(name -> LEFT_OUT.contains(name.toLowerCase(Locale.ROOT)));
    for (String name : bulk ? List.of("") : wanted) {
      String table = bulk ? null : name;
      try (ResultSet rs = meta.getColumns(catalog, schema, bulk ? "%" : name, "%")) {
        while (rs.next()) {
          String column = rs.getString("COLUMN_NAME");
          String owner = rs.getString("TABLE_NAME");
          String typeName = rs.getString("TYPE_NAME");
          if (bulk ? wanted.contains(owner) : owner.equals(name)) {
            columnsOf.computeIfAbsent(owner, t -> new ArrayList<>()).add(new Column(column,
                ColumnKind.of(owner, column, rs.getInt("DATA_TYPE"), typeName), rs.getInt("DATA_TYPE"), typeName,
                "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))));
          }
        }
      }
      try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
        while (rs.next()) {
          keyOf.computeIfAbsent(rs.getString("TABLE_NAME"), t -> new TreeMap<>())
              .put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
        }
      }
      try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
        while (rs.next()) {
          referencesOf.computeIfAbsent(rs.getString("FKTABLE_NAME"), t -> new ArrayList<>())
              .add(new String[] {rs.getString("PKTABLE_NAME"), rs.getString("FKCOLUMN_NAME")});
        }
      }
    }
    Map<String, Table> tables = new TreeMap<>();
    Map<String, Set<String>> parents = new HashMap<>();
    for (String name : wanted) {
      List<Column> columns = new ArrayList<>(columnsOf.getOrDefault(name, List.of()));
      columns.sort(Comparator.comparing(Column::name));
      Set<String> selfReferences = new TreeSet<>();
      Set<String> referenced = new TreeSet<>();
      for (String[] reference : referencesOf.getOrDefault(name, List.of())) {
        if (reference[0].equals(name)) {
          selfReferences.add(reference[1]);
        } else {
          referenced.add(reference[0]);
        }
      }
      parents.put(name, referenced);
      tables.put(name, new Table(name, List.copyOf(columns),
          List.copyOf(keyOf.getOrDefault(name, new TreeMap<>()).values()), selfReferences));
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
