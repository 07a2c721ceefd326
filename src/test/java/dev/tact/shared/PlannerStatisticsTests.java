package dev.tact.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** On H2 the statistics are H2's own business: nothing is asked, nothing analyzed. */
class PlannerStatisticsTests {

  @Test
  void shouldLeaveH2Alone() {
    try (SingleConnectionDataSource h2 = new SingleConnectionDataSource(
        "jdbc:h2:mem:planner-statistics;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "", true)) {
      JdbcClient jdbc = JdbcClient.create(h2);
      jdbc.sql("CREATE TABLE grown (id INT PRIMARY KEY)").update();
      jdbc.sql("INSERT INTO grown SELECT * FROM SYSTEM_RANGE(1, 1000)").update();

      assertThat(new PlannerStatistics(jdbc, h2, true).analyzeGrownTables()).isEmpty();
    }
  }
}
