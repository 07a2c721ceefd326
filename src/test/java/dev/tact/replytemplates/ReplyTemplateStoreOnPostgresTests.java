package dev.tact.replytemplates;

import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

@RequiresPostgres
class ReplyTemplateStoreOnPostgresTests extends ReplyTemplateStoreContract {

  private static DataSource postgres;

  @Override
  synchronized DataSource dataSource() {
    if (postgres == null) {
      postgres = new DriverManagerDataSource(PostgresTestDatabase.create());
    }
    return postgres;
  }
}
