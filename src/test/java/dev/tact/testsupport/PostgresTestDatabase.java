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

  /** Creates a new, empty database and returns its JDBC URL. */
  public static String create() {
    return create("");
  }

  /**
   * Creates a new database that already holds the application's schema (all of {@code db/migration}, with Flyway's
   * history table, exactly as if the application had migrated it) and returns its JDBC URL. The migrations run once
   * per test JVM, into a template database; every further database is a copy of it ({@code CREATE DATABASE ...
   * TEMPLATE}), so a context starting on it finds nothing to migrate. For contexts whose application would migrate an
   * empty database anyway ({@link FreshPostgresDatabase}).
   */
  public static String createMigrated() {
    return create(" TEMPLATE " + migratedTemplate());
  }

  private static String template;

  private static synchronized String migratedTemplate() {
    if (template == null) {
      String url = create();
      org.flywaydb.core.Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load()
          .migrate();
      // no session may stay connected to a template while it is copied
      template = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    }
    return template;
  }

  private static String create(String clause) {
    String admin = adminUrl();
    if (admin == null) {
      throw new AssertionError("PostgreSQL tests are required (tact.test.require-postgres=true) but TACT_TEST_POSTGRES_URL is not set");
    }
    // the creation time in the name lets later runs drop what was left behind without touching a database another
    // JVM has just made and not yet connected to
    String name = "tact_test_" + Long.toString(System.currentTimeMillis() / 1000, 36) + "_"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
    try (Connection connection = DriverManager.getConnection(admin); Statement statement = connection.createStatement()) {
      dropUnused(statement);
      statement.execute("CREATE DATABASE " + name + clause);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database on " + admin, e);
    }
    return replaceDatabase(admin, name);
  }

  /**
   * Drops databases earlier runs left behind: those made more than {@link #LEFT_BEHIND_AFTER_SECONDS} ago (or with
   * no time in their name); those still in use by a live context refuse and stay.
   */
  private static void dropUnused(Statement statement) throws SQLException {
    java.util.List<String> old = new java.util.ArrayList<>();
    try (var rs = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'tact\\_test\\_%'")) {
      while (rs.next()) {
        old.add(rs.getString(1));
      }
    }
    long now = System.currentTimeMillis() / 1000;
    for (String database : old) {
      if (now - createdAt(database) < LEFT_BEHIND_AFTER_SECONDS) {
        continue;
      }
      try {
        statement.execute("DROP DATABASE IF EXISTS " + database);
      } catch (SQLException inUse) {
        // another test context (or JVM) still uses it
      }
    }
  }

  private static final long LEFT_BEHIND_AFTER_SECONDS = 6 * 3600;

  private static long createdAt(String database) {
    String[] parts = database.split("_");
    if (parts.length != 4) {
      return 0;
    }
    try {
      return Long.parseLong(parts[2], 36);
    } catch (NumberFormatException e) {
      return 0;
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
