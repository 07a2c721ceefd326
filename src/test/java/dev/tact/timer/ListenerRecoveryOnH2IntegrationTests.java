package dev.tact.timer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** {@link ListenerRecoveryContract} with the nodes on one in-memory H2 database of the test JVM. */
class ListenerRecoveryOnH2IntegrationTests extends ListenerRecoveryContract {

  @Override
  String newDatabase() {
    return "jdbc:h2:mem:recovery-" + UUID.randomUUID()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
  }

  @Override
  Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, "sa", ""); // Tact's default user of H2 (application.yml)
  }
}
