package dev.tact.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Analyzes Tact's tables on a PostgreSQL server whose autovacuum is off (ADR 0057). Without statistics the planner
 * guesses: a plan made while a table was nearly empty (a lookup by primary key that walks another index, an IN list
 * read by a sequential scan) stays cached in each pooled connection's prepared statements, because nothing but
 * ANALYZE (or DDL) makes PostgreSQL plan them again, and its cost grows with the table. With autovacuum on, the
 * server analyzes a table after it changed by a tenth and this does nothing.
 */
@Component
class PlannerStatistics {

  private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

  /** A table is analyzed again once its pages grew by a fifth since its statistics were taken (or it had none). */
  private static final String GROWN_TABLES = """
      SELECT format('%I', c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r'
        AND pg_relation_size(c.oid) / current_setting('block_size')::int
            > CASE WHEN c.reltuples < 0 THEN 0 ELSE c.relpages * 1.2 END
      ORDER BY c.relname""";

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final boolean enabled;
  private volatile Boolean postgres;
  private volatile boolean told;

  PlannerStatistics(JdbcClient jdbc, DataSource dataSource,
      @Value("${tact.database.statistics.enabled:true}") boolean enabled) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.enabled = enabled;
  }

  @Scheduled(fixedDelayString = "${tact.database.statistics.interval:10s}",
      initialDelayString = "${tact.database.statistics.interval:10s}")
  void keepUp() {
    if (enabled) {
      analyzeGrownTables();
    }
  }

  /** Analyzes the tables that grew since their statistics were taken, when the server does not; answers which. */
  List<String> analyzeGrownTables() {
    if (!onPostgres() || "on".equals(jdbc.sql("SELECT current_setting('autovacuum')").query(String.class).single())) {
      return List.of();
    }
    if (!told) {
      told = true;
      log.warn("PostgreSQL's autovacuum is off: Tact analyzes its own tables as they grow "
          + "(tact.database.statistics.enabled), but nothing vacuums their dead rows. Turn autovacuum on in production.");
    }
    List<String> grown = jdbc.sql(GROWN_TABLES).query(String.class).list();
    // a table another session is analyzing (another node) is skipped, not waited for
    grown.forEach(table -> jdbc.sql("ANALYZE (SKIP_LOCKED) " + table).update());
    if (!grown.isEmpty()) {
      log.debug("analyzed {}", grown);
    }
    return grown;
  }

  private boolean onPostgres() {
    if (postgres == null) {
      try (Connection connection = dataSource.getConnection()) {
        postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
      } catch (SQLException e) {
        log.info("could not tell the database's product, statistics left to it: {}", e.getMessage());
        return false;
      }
    }
    return postgres;
  }
}
