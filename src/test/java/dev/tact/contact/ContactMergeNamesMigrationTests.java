package dev.tact.contact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.testsupport.Migrations;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Merges recorded before V54 get the merged contact's name; their identities were not kept. */
class ContactMergeNamesMigrationTests {

  @Test
  void shouldNameTheMergedContactOfEarlierMergesWhenMigrated() {
    DriverManagerDataSource data = new DriverManagerDataSource("jdbc:h2:mem:merge-migration-" + UUID.randomUUID()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    Migrations.migrateBefore(data, 54);
    JdbcClient jdbc = JdbcClient.create(data);
    UUID survivor = contact(jdbc, "Zoë Łukasiewicz", null, null, null);
    UUID named = contact(jdbc, "  ", "Kenji", "Watanabe", survivor);
    UUID nameless = contact(jdbc, null, null, null, survivor);
    merge(jdbc, survivor, named);
    merge(jdbc, survivor, nameless);

    Migrations.migrate(data);

    assertThat(jdbc.sql("SELECT merged_name FROM contact_merge WHERE merged_id = :id").param("id", named)
        .query(String.class).single()).isEqualTo("Kenji Watanabe");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_merge WHERE merged_id = :id AND merged_name IS NULL "
        + "AND merged_identities IS NULL").param("id", nameless).query(Long.class).single()).isEqualTo(1L);
  }

  private static UUID contact(JdbcClient jdbc, String display, String given, String family, UUID mergedInto) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        INSERT INTO contact_contact (id, display_name, given_name, family_name, created_at, merged_into)
        VALUES (:id, :display, :given, :family, CURRENT_TIMESTAMP, :into)""").param("id", id)
        .param("display", display, java.sql.Types.VARCHAR).param("given", given, java.sql.Types.VARCHAR)
        .param("family", family, java.sql.Types.VARCHAR).param("into", mergedInto, java.sql.Types.OTHER).update();
    return id;
  }

  private static void merge(JdbcClient jdbc, UUID survivor, UUID merged) {
    jdbc.sql("""
        INSERT INTO contact_merge (id, survivor_id, merged_id, merged_by, merged_at, identities)
        VALUES (:id, :survivor, :merged, 'Ada', CURRENT_TIMESTAMP, 1)""").param("id", UUID.randomUUID())
        .param("survivor", survivor).param("merged", merged).update();
  }
}
