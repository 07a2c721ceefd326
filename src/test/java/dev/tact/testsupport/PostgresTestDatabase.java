package dev.tact.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Makes a fresh, empty database per Spring test context on the server named by
 * {@code TACT_TEST_POSTGRES_URL} (e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}).
 */
public final class PostgresTestDatabase {

  private PostgresTestDatabase() {}

  public static String adminUrl() {
    String url = System.getenv("TACT_TEST_POSTGRES_URL");
    return url == null || url.isBlank() ? null : url;
  }

  /** Creates a new database and returns its JDBC URL. */
  public static String create() {
    String admin = adminUrl();
    if (admin == null) {
      throw new AssertionError("PostgreSQL tests are required (tact.test.require-postgres=true) but TACT_TEST_POSTGRES_URL is not set");
    }
    String name = "tact_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    try (Connection connection = DriverManager.getConnection(admin); Statement statement = connection.createStatement()) {
      dropUnused(statement);
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database on " + admin, e);
    }
    return replaceDatabase(admin, name);
  }

  /** Drops databases earlier runs left behind; those still in use by a live context refuse and stay. */
  private static void dropUnused(Statement statement) throws SQLException {
    java.util.List<String> old = new java.util.ArrayList<>();
    try (var rs = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'tact\\_test\\_%'")) {
      while (rs.next()) {
        old.add(rs.getString(1));
      }
    }
    for (String database : old) {
      try {
        statement.execute("DROP DATABASE IF EXISTS " + database);
      } catch (SQLException inUse) {
        // another test context (or JVM) still uses it
      }
    }
  }

  static String replaceDatabase(String url, String database) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    String params = query < 0 ? "" : url.substring(query);
    int slash = base.lastIndexOf('/');
    return base.substring(0, slash + 1) + database + params;
  }
}
