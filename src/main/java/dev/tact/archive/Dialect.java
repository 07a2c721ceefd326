package dev.tact.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What H2 and PostgreSQL spell differently for an archive: text order, sequences. */
enum Dialect {
  H2, POSTGRESQL;

  static Dialect of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("postgres")) {
      return POSTGRESQL;
    }
    if (product.contains("h2")) {
      return H2;
    }
    throw new ArchiveProblem("Export and import work with H2 and PostgreSQL, not " + product);
  }

  /**
   * One ORDER BY term. Text sorts by code point on both (PostgreSQL's "C" collation; H2 compares strings as
   * Java does, which differs only for characters beyond U+FFFF against U+E000–U+FFFF), nulls last on both.
   */
  String orderTerm(DatabaseSchema.Column column) {
    String term = quote(column.name());
    if (this == POSTGRESQL && column.kind() == ColumnKind.TEXT) {
      term += " COLLATE \"C\"";
    }
    return term + " NULLS LAST";
  }

  /** The sequences the migrations created (not those behind identity columns), by name. */
  List<String> sequences(Connection connection) throws SQLException {
    String sql = this == POSTGRESQL
        ? """
          SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind = 'S' AND n.nspname = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_depend d
            WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
          ORDER BY c.relname"""
        : """
          SELECT sequence_name FROM information_schema.sequences
          WHERE sequence_schema = current_schema() AND LOWER(sequence_name) NOT LIKE 'system\\_sequence\\_%'
          ORDER BY sequence_name""";
    List<String> names = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  /** Each table's size on disk in bytes (PostgreSQL), to read the largest first; empty on H2. */
  Map<String, Long> tableSizes(Connection connection) throws SQLException {
    if (this != POSTGRESQL) {
      return Map.of();
    }
    Map<String, Long> sizes = new HashMap<>();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
        SELECT c.relname, pg_table_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')""")) {
      while (rs.next()) {
        sizes.put(rs.getString(1), rs.getLong(2));
      }
    }
    return sizes;
  }

  /** The value the sequence gives next, read without taking it. */
  long nextValue(Connection connection, String sequence) throws SQLException {
    if (this == POSTGRESQL) {
      try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
          "SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM " + quote(sequence))) {
        rs.next();
        return rs.getLong(1);
      }
    }
    try (PreparedStatement statement = connection.prepareStatement("SELECT base_value FROM information_schema.sequences"
        + " WHERE sequence_schema = current_schema() AND sequence_name = ?")) {
      statement.setString(1, sequence);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  void restartSequence(Connection connection, String sequence, long next) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("ALTER SEQUENCE " + quote(sequence) + " RESTART WITH " + next);
    }
  }

  void restartIdentity(Connection connection, String table, String column) throws SQLException {
    long next;
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
        "SELECT COALESCE(MAX(" + quote(column) + "), 0) + 1 FROM " + quote(table))) {
      rs.next();
      next = rs.getLong(1);
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE " + quote(table) + " ALTER COLUMN " + quote(column) + " RESTART WITH " + next);
    }
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
