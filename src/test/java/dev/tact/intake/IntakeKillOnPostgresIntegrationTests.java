package dev.tact.intake;

import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterEach;

@RequiresPostgres
class IntakeKillOnPostgresIntegrationTests extends IntakeKillContract {

  private Connection keepAlive;

  @Override
  String database() throws Exception {
    String url = PostgresTestDatabase.createMigrated();
    // An open connection keeps the database "in use", so that other test runs' clean-up leaves it alone while no
    // Tact is connected (between the kill and the restart).
    keepAlive = DriverManager.getConnection(url);
    return url;
  }

  @AfterEach
  void release() throws Exception {
    if (keepAlive != null) {
      keepAlive.close();
    }
  }
}
