package dev.tact.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import dev.tact.testsupport.TactNode;
import org.junit.jupiter.api.Test;

/**
 * The chat across two nodes on one PostgreSQL: the visitor's stream on one, the agents on both. What the agent does
 * on the second node reaches the visitor's stream on the first only through LISTEN/NOTIFY; when the
 * listening connections break, the nodes listen again.
 */
@RequiresPostgres
class ChatOnPostgresIntegrationTests {

  private static final String LISTENERS = """
      SELECT pid FROM pg_stat_activity WHERE application_name = 'tact-chat-listen' AND datname = current_database()""";

  @Test
  void shouldCarryAChatBetweenTwoNodes() throws Exception {
    String url = PostgresTestDatabase.create();
    String[] args = {"--tact.chat.allowed-origins=" + ChatScenario.SITE, "--tact.chat.accept-timeout=60s",
        "--tact.delivery.enabled=false", "--tact.intake.imap.enabled=false"};
    try (TactNode a = TactNode.start(url, args); TactNode b = TactNode.start(url, args)) {
      ChatScenario.run(a, b);

      // both nodes lose their listening connection (a failover, a restart of PostgreSQL's backend): they open it
      // again, and chats carry on between the nodes
      assertThat(a.jdbc().sql(LISTENERS.replace("SELECT pid", "SELECT pg_terminate_backend(pid)"))
          .query(Boolean.class).list()).hasSize(2).containsOnly(true);
      await().atMost(ChatScenario.PATIENCE).until(() -> a.jdbc().sql(LISTENERS).query(Integer.class).list().size() == 2);
      ChatScenario.run(a, b);
    }
  }
}
