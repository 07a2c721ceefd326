package dev.tact.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A test context's database restored from {@link H2SchemaSnapshot} is the database Flyway's migrations make: the same
 * script (every table, column, index, constraint, sequence, the rows migrations insert and Flyway's history), and
 * Flyway finds every migration applied and nothing to do.
 */
class H2SchemaSnapshotTests {

  static final String SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

  @Test
  void shouldRestoreTheDatabaseTheMigrationsMake() throws SQLException {
    try (Connection migrated = connect(); Connection restored = connect()) {
      MigrateResult fromNothing = flyway(migrated).migrate();
      List<String> original = H2SchemaSnapshot.script(migrated);

      H2SchemaSnapshot.restore(restored, original);
      Flyway onCopy = flyway(restored);
      MigrateResult fromSnapshot = onCopy.migrate();

      assertThat(fromNothing.migrationsExecuted).isGreaterThan(50);
      assertThat(fromSnapshot.migrationsExecuted).as("nothing left to migrate").isZero();
      assertThat(onCopy.info().applied()).hasSize(fromNothing.migrationsExecuted);
      assertThat(onCopy.info().pending()).isEmpty();
      assertThat(H2SchemaSnapshot.script(restored)).containsExactlyElementsOf(original);
      assertThat(original).anySatisfy(sql -> assertThat(sql).startsWith("CREATE MEMORY TABLE"))
          .anySatisfy(sql -> assertThat(sql).startsWith("CREATE INDEX"))
          .anySatisfy(sql -> assertThat(sql).contains("flyway_schema_history"));
    }
  }

  @Test
  void shouldMigrateAsBeforeAndThenRestoreFromTheSnapshotThroughTheStrategy() throws SQLException {
    try (Connection first = connect(); Connection second = connect()) {
      H2SchemaSnapshot.migrate(flyway(first));
      H2SchemaSnapshot.migrate(flyway(second));

      assertThat(flyway(second).info().pending()).isEmpty();
      assertThat(H2SchemaSnapshot.script(second)).containsExactlyElementsOf(H2SchemaSnapshot.script(first));
    }
  }

  @Test
  void shouldGiveANewH2FileTheSchemaTheMigrationsMakeInAFile(@TempDir Path folder) throws SQLException {
    String settings = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    try (Connection inMemory = DriverManager.getConnection("jdbc:h2:mem:snapshot-" + UUID.randomUUID() + settings,
            "sa", "");
        Connection original = file(folder.resolve("original"), settings);
        Connection first = file(folder.resolve("first"), settings);
        Connection second = file(folder.resolve("second"), settings)) {
      H2SchemaSnapshot.migrate(flyway(inMemory)); // same settings in memory: its MEMORY tables must not serve files
      flyway(original).migrate();
      H2SchemaSnapshot.migrate(flyway(first)); // migrates and keeps a snapshot, unless an earlier file did
      H2SchemaSnapshot.migrate(flyway(second)); // restored

      assertThat(flyway(second).migrate().migrationsExecuted).isZero();
      assertThat(flyway(second).info().pending()).isEmpty();
      assertThat(H2SchemaSnapshot.script(second)).containsExactlyElementsOf(H2SchemaSnapshot.script(first))
          .anySatisfy(sql -> assertThat(sql).startsWith("CREATE CACHED TABLE"))
          .noneSatisfy(sql -> assertThat(sql).startsWith("CREATE MEMORY TABLE"));
      assertThat(withoutTimes(H2SchemaSnapshot.script(second))).as("a file migrated from nothing")
          .containsExactlyElementsOf(withoutTimes(H2SchemaSnapshot.script(original)));
    }
  }

  /**
   * Without what differs between two migrations of the same schema: Flyway's history rows (times, durations) and the
   * times rows written by migrations carry.
   */
  static List<String> withoutTimes(List<String> script) {
    return script.stream().filter(sql -> !sql.startsWith("INSERT INTO \"public\".\"flyway_schema_history\""))
        .map(sql -> sql.replaceAll("TIMESTAMP( WITH TIME ZONE)? '[^']*'", "TIMESTAMP '?'")).toList();
  }

  /** A new H2 file, as {@link TactNode#h2File} makes them. */
  static Connection file(Path path, String settings) throws SQLException {
    return DriverManager.getConnection("jdbc:h2:file:" + path.toAbsolutePath() + settings, "sa", "");
  }

  static Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:h2:mem:snapshot-" + UUID.randomUUID() + SETTINGS, "sa", "");
  }

  /** Flyway as the application configures it (spring.flyway.locations), on this one connection. */
  static Flyway flyway(Connection connection) {
    return Flyway.configure().dataSource(new SingleConnectionDataSource(connection, true))
        .locations("classpath:db/migration").load();
  }
}
