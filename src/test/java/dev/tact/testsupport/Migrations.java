package dev.tact.testsupport;

import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/** Flyway's migrations, for tests of what a migration does to rows written before it. */
public final class Migrations {

  private Migrations() {}

  /** Migrates the database up to (not including) {@code version}: the schema the rows to migrate are written in. */
  public static void migrateBefore(DataSource data, int version) {
    Flyway.configure().dataSource(data).locations("classpath:db/migration").target(lastBefore(data, version)).load()
        .migrate();
  }

  /** Migrates the database to the last version. */
  public static void migrate(DataSource data) {
    Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
  }

  private static String lastBefore(DataSource data, int version) {
    return Arrays.stream(Flyway.configure().dataSource(data).locations("classpath:db/migration").load().info().all())
        .map(MigrationInfo::getVersion).filter(v -> v.compareTo(MigrationVersion.fromVersion(
            Integer.toString(version))) < 0).max(MigrationVersion::compareTo).orElseThrow().getVersion();
  }
}
