package dev.tact.timer;

import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@link ListenerRecoveryContract} with the nodes on one PostgreSQL database. */
@RequiresPostgres
class ListenerRecoveryOnPostgresIntegrationTests extends ListenerRecoveryContract {

  // PostgresTestDatabase drops test databases nobody is connected to: one connection holds each until the end
  private final List<Connection> keepAlive = new ArrayList<>();

  @Override
  String newDatabase() {
    String url = PostgresTestDatabase.createMigrated();
    try {
      keepAlive.add(DriverManager.getConnection(url));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return url;
  }

  @Override
  void dropDatabases() {
    for (Connection connection : keepAlive) {
      try {
        connection.close();
      } catch (SQLException e) {
        // the database goes with the test run either way
      }
    }
  }
}
