package dev.tact.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * On a PostgreSQL server without autovacuum (as this project's CI server), a plan made while a table was empty stays
 * in a pooled connection's prepared statement: the SLA clock's update by primary key walked another index, reading
 * every clock of the metric, more with every conversation (notes-pipe20d).
 */
@RequiresPostgres
class PlannerStatisticsOnPostgresTests {

  private static final String SAVE = """
      PREPARE save(uuid, varchar, int) AS
      UPDATE sla_clock SET consumed_nanos = consumed_nanos + 1 WHERE conversation_id = $1 AND metric = $2 AND cycle = $3""";

  private static String url;

  @BeforeAll
  static void database() {
    url = PostgresTestDatabase.createMigrated();
  }

  @Test
  void shouldMakeAPlanCachedOnAnEmptyTableAgainOnceTheTableGrew() throws SQLException {
    try (Connection app = DriverManager.getConnection(url); Statement statement = app.createStatement();
        SingleConnectionDataSource own = new SingleConnectionDataSource(url, true)) {
      assumeTrue("off".equals(setting(statement, "autovacuum")), "a server with autovacuum analyzes by itself");
      statement.execute("SET plan_cache_mode = force_generic_plan");
      statement.execute(SAVE);
      String onEmpty = plan(statement);
      statement.execute("""
          INSERT INTO sla_clock (conversation_id, metric, cycle, started_at, consumed_nanos, warn_at_percent, outcome)
          SELECT gen_random_uuid(), m.metric, 0, CURRENT_TIMESTAMP, 0, 80, 'RUNNING'
          FROM generate_series(1, 2000) AS g(i), (VALUES ('FIRST_RESPONSE'), ('RESOLUTION')) AS m(metric)""");
      assertThat(plan(statement)).as("cached while empty, the plan stays").isEqualTo(onEmpty);

      List<String> analyzed = new PlannerStatistics(JdbcClient.create(own), own, true).analyzeGrownTables();

      assertThat(analyzed).contains("sla_clock");
      assertThat(plan(statement)).contains("sla_clock_pkey");
    }
  }

  @Test
  void shouldAnalyzeATableOnlyAgainOnceItGrew() {
    try (SingleConnectionDataSource own = new SingleConnectionDataSource(url, true)) {
      JdbcClient jdbc = JdbcClient.create(own);
      assumeTrue("off".equals(jdbc.sql("SELECT current_setting('autovacuum')").query(String.class).single()),
          "a server with autovacuum analyzes by itself");
      PlannerStatistics statistics = new PlannerStatistics(jdbc, own, true);
      jdbc.sql("INSERT INTO search_feed (kind, entity_id) SELECT 'CONTACT', gen_random_uuid() FROM generate_series(1, 500)")
          .update();
      assertThat(statistics.analyzeGrownTables()).contains("search_feed");

      assertThat(statistics.analyzeGrownTables()).as("nothing grew since").isEmpty();

      jdbc.sql("INSERT INTO search_feed (kind, entity_id) SELECT 'CONTACT', gen_random_uuid() FROM generate_series(1, 500)")
          .update();
      assertThat(statistics.analyzeGrownTables()).containsExactly("search_feed");
    }
  }

  private static String plan(Statement statement) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery(
        "EXPLAIN EXECUTE save('00000000-0000-0000-0000-000000000001', 'FIRST_RESPONSE', 0)")) {
      while (rs.next()) {
        lines.add(rs.getString(1));
      }
    }
    return String.join("\n", lines);
  }

  private static String setting(Statement statement, String name) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT current_setting('" + name + "')")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
