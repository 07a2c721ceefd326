package dev.tact.testsupport;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Every Spring test context and every {@link TactNode} on a new H2 database (in memory or a file) starts from the
 * schema the first such database of the test JVM with the same settings migrated (ADR 0049): that context runs Flyway over every migration as the application does, and its database
 * is then written out with H2's {@code SCRIPT} (tables, indexes, constraints, sequences, the rows migrations insert and
 * Flyway's history); each later one replays that script into its empty database before Flyway runs, so Flyway
 * validates every migration against its history and applies none. {@code H2SchemaSnapshotTests} shows that the copy
 * is the same database as the migrated original. Registered for every test context in {@code META-INF/spring.factories}:
 * the same customizer for all, so which contexts share a cache entry does not change; {@link TactNode} registers the
 * same strategy. Other databases (PostgreSQL, H2 over TCP) and databases that are not empty (a node restarted on its
 * file) migrate as before.
 */
public final class H2SchemaSnapshot {

  /** The script of the first migrated database, per Flyway configuration and H2 connection settings. */
  private static final Map<String, List<String>> SNAPSHOTS = new ConcurrentHashMap<>();

  private H2SchemaSnapshot() {}

  /** The {@link FlywayMigrationStrategy}: migrates, from the snapshot when there is one for these settings. */
  public static void migrate(Flyway flyway) {
    DataSource dataSource = flyway.getConfiguration().getDataSource();
    try (Connection connection = dataSource.getConnection()) {
      String url = dataSource instanceof HikariDataSource hikari ? hikari.getJdbcUrl()
          : connection.getMetaData().getURL();
      if (!(url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:h2:file:")) || !isEmpty(connection)) {
        flyway.migrate();
        return;
      }
      String key = key(url, flyway.getConfiguration());
      List<String> snapshot = SNAPSHOTS.get(key);
      if (snapshot != null) {
        restore(connection, snapshot);
        flyway.migrate(); // validates each migration against the copied history; applies only ones newer than it
        return;
      }
      flyway.migrate();
      SNAPSHOTS.putIfAbsent(key, script(connection));
    } catch (SQLException e) {
      throw new IllegalStateException("H2 schema snapshot: " + e.getMessage(), e);
    }
  }

  /** The whole database as H2 writes it out: one statement a row, without passwords. */
  public static List<String> script(Connection connection) throws SQLException {
    List<String> statements = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SCRIPT NOPASSWORDS NOSETTINGS")) {
      while (rows.next()) {
        statements.add(rows.getString(1));
      }
    }
    return statements;
  }

  /** Replays a {@link #script} into a database. */
  public static void restore(Connection connection, List<String> script) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : script) {
        if (!sql.startsWith("--")) { // the row-count comments SCRIPT writes
          statement.execute(sql);
        }
      }
    }
  }

  private static boolean isEmpty(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA")) {
      rows.next();
      return rows.getLong(1) == 0;
    }
  }

  /**
   * What the migrated result depends on: in memory or in a file (H2 writes {@code MEMORY} or {@code CACHED} tables),
   * H2's connection settings (not the database name or path) and Flyway's.
   */
  private static String key(String url, Configuration flyway) {
    int settings = url.indexOf(';');
    return String.join("|", url.substring(0, url.indexOf(':', "jdbc:h2:".length())),
        settings < 0 ? "" : url.substring(settings), Arrays.toString(flyway.getLocations()),
        String.valueOf(flyway.getTarget()), String.valueOf(flyway.getPlaceholders()), flyway.getTable(),
        Arrays.toString(flyway.getSchemas()), flyway.getDefaultSchema(), String.valueOf(flyway.isBaselineOnMigrate()));
  }

  /** Registered in {@code META-INF/spring.factories} for every test context. */
  public static final class Factory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
        List<ContextConfigurationAttributes> configAttributes) {
      return new Customizer();
    }
  }

  /** Equal to every other instance, so that it changes no context's cache key relative to another's. */
  static final class Customizer extends SameForEveryContext {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
      register(context);
    }
  }

  /** Makes {@link #migrate} the context's {@link FlywayMigrationStrategy}; before the context is refreshed. */
  static void register(ConfigurableApplicationContext context) {
    context.getBeanFactory().registerSingleton("h2SchemaSnapshotMigration",
        (FlywayMigrationStrategy) H2SchemaSnapshot::migrate);
  }
}
