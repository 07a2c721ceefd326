package dev.tact.timer;

import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;

@RequiresPostgres
class ClaimWorkerOnPostgresTests extends ClaimWorkerContract {

  @Override
  String databaseUrl() {
    return PostgresTestDatabase.create();
  }
}
