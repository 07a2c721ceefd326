package dev.tact.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.testsupport.Migrations;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Tokens made before scopes keep working: the migration gives them every scope their role implies. */
class ApiTokenScopesMigrationTests {

  @Test
  void shouldGiveExistingTokensTheScopesTheirRoleImpliesAndNameTheirCreator() {
    DriverManagerDataSource data = new DriverManagerDataSource("jdbc:h2:mem:token-migration-" + UUID.randomUUID()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    Migrations.migrateBefore(data, 42);
    JdbcClient jdbc = JdbcClient.create(data);
    UUID ada = UUID.randomUUID();
    jdbc.sql("""
        INSERT INTO staff_agent (id, email, display_name, password_hash, role, active, created_at)
        VALUES (:id, 'ada@example.com', 'Ada Admin', 'x', 'ADMIN', TRUE, CURRENT_TIMESTAMP)""").param("id", ada).update();
    insertToken(jdbc, "agent-bot", "AGENT", ada);
    insertToken(jdbc, "lead-bot", "LEAD", null);
    insertToken(jdbc, "admin-bot", "ADMIN", null);

    Migrations.migrate(data);

    assertThat(column(jdbc, "agent-bot", "scopes")).isEqualTo("intake,read,write");
    assertThat(column(jdbc, "lead-bot", "scopes")).isEqualTo("intake,read,write");
    assertThat(column(jdbc, "admin-bot", "scopes")).isEqualTo("intake,read,write,admin");
    assertThat(column(jdbc, "agent-bot", "created_by_name")).isEqualTo("Ada Admin <ada@example.com>");
    assertThat(column(jdbc, "admin-bot", "created_by_name")).isNull();
    assertThat(column(jdbc, "admin-bot", "expires_at")).isNull();
    assertThat(column(jdbc, "admin-bot", "rate_per_second")).as("the default limit applies").isNull();
    assertThat(ApiScope.load(column(jdbc, "admin-bot", "scopes"))).isEqualTo(ApiScope.impliedBy(Role.ADMIN));
  }

  private static void insertToken(JdbcClient jdbc, String name, String role, UUID createdBy) {
    jdbc.sql("""
        INSERT INTO staff_api_token (id, name, token_prefix, token_hash, role, created_by, created_at)
        VALUES (:id, :name, 'tact_abcdefg', :hash, :role, :by, CURRENT_TIMESTAMP)""")
        .param("id", UUID.randomUUID()).param("name", name).param("hash", UUID.randomUUID().toString())
        .param("role", role).param("by", createdBy).update();
  }

  private static String column(JdbcClient jdbc, String token, String column) {
    return jdbc.sql("SELECT " + column + " FROM staff_api_token WHERE name = :name").param("name", token)
        .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
  }
}
