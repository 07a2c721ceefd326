package dev.tact.replytemplates;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class ReplyTemplateStoreOnH2Tests extends ReplyTemplateStoreContract {

  private static final DataSource H2 = new DriverManagerDataSource(
      "jdbc:h2:mem:reply-template-store;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
          + "DB_CLOSE_DELAY=-1");

  @Override
  DataSource dataSource() {
    return H2;
  }
}
