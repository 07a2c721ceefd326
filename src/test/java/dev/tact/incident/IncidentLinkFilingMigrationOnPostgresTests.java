package dev.tact.incident;

import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

@RequiresPostgres
class IncidentLinkFilingMigrationOnPostgresTests extends IncidentLinkFilingMigrationContract {

  @Override
  DataSource emptyDatabase() {
    return new DriverManagerDataSource(PostgresTestDatabase.create());
  }
}
