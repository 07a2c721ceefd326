package dev.tact.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.testsupport.Migrations;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Links made before V87 get what their conversation is filed under (a merged one's: the conversation it was merged
 * into), so the incidents panel counts them as it counts new ones. Run on H2 and on PostgreSQL.
 */
abstract class IncidentLinkFilingMigrationContract {

  abstract DataSource emptyDatabase();

  @Test
  void shouldFileTheLinksMadeBeforeAsTheirConversationsAreFiled() {
    DataSource data = emptyDatabase();
    Migrations.migrateBefore(data, 87);
    JdbcClient jdbc = JdbcClient.create(data);
    UUID team = UUID.randomUUID();
    UUID agent = UUID.randomUUID();
    UUID tagged = conversation(jdbc, 1, "CHAT", team, agent, null);
    jdbc.sql("INSERT INTO conv_tag (conversation_id, tag) VALUES (:id, 'intent:refund'), (:id, 'intent:billing'),"
        + " (:id, 'vip')").param("id", tagged).update();
    UUID plain = conversation(jdbc, 2, "EMAIL", null, null, null);
    UUID target = conversation(jdbc, 3, "SMS", team, null, null);
    UUID merged = conversation(jdbc, 4, "WEB", null, agent, target);
    UUID incident = UUID.randomUUID();
    jdbc.sql("""
        INSERT INTO incident (id, number, title, impact, state, message, started_at, declared_at, declared_by)
        VALUES (:id, 1, 'Down', 'MAJOR', 'RESOLVED', 'Resolved.', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'Lee')""")
        .param("id", incident).update();
    for (UUID conversation : java.util.List.of(tagged, plain, merged)) {
      jdbc.sql("""
          INSERT INTO incident_conversation (incident_id, conversation_id, match_reason, linked_at)
          VALUES (:incident, :conversation, 'linked by an agent', CURRENT_TIMESTAMP)""")
          .param("incident", incident).param("conversation", conversation).update();
    }

    Migrations.migrate(data);

    assertThat(filing(jdbc, tagged)).containsExactly(tagged, team, agent, "CHAT", ",intent:billing,intent:refund,");
    assertThat(filing(jdbc, plain)).containsExactly(plain, null, null, "EMAIL", null);
    assertThat(filing(jdbc, merged)).containsExactly(target, team, null, "SMS", null);
  }

  private static UUID conversation(JdbcClient jdbc, long number, String channel, UUID team, UUID assignee,
      UUID mergedInto) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        INSERT INTO conv_conversation (id, number, status, priority, channel, contact_id, team_id, assignee_id,
          created_at, updated_at, last_message_at, merged_into_id)
        VALUES (:id, :number, 'OPEN', 'NORMAL', :channel, :contact, :team, :assignee, CURRENT_TIMESTAMP,
          CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, :merged)""")
        .param("id", id).param("number", number).param("channel", channel).param("contact", UUID.randomUUID())
        .param("team", team, java.sql.Types.OTHER).param("assignee", assignee, java.sql.Types.OTHER)
        .param("merged", mergedInto, java.sql.Types.OTHER).update();
    return id;
  }

  private static Object[] filing(JdbcClient jdbc, UUID conversation) {
    Map<String, Object> row = jdbc.sql("""
        SELECT filed_as, team_id, assignee_id, channel, intent_tags FROM incident_conversation
        WHERE conversation_id = :id""").param("id", conversation).query().singleRow();
    return new Object[] {row.get("filed_as"), row.get("team_id"), row.get("assignee_id"), row.get("channel"),
        row.get("intent_tags")};
  }
}
