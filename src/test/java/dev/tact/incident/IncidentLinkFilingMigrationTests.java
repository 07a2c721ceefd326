package dev.tact.incident;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class IncidentLinkFilingMigrationTests extends IncidentLinkFilingMigrationContract {

  @Override
  DataSource emptyDatabase() {
    return new DriverManagerDataSource("jdbc:h2:mem:incident-filing-" + UUID.randomUUID()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
  }
}
