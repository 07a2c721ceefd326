package dev.tact.timer;

import java.util.UUID;

class ClaimWorkerOnH2Tests extends ClaimWorkerContract {

  @Override
  String databaseUrl() {
    return "jdbc:h2:mem:claim-worker-" + UUID.randomUUID()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
  }
}
