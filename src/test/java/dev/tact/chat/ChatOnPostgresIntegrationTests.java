package dev.tact.chat;

import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import dev.tact.testsupport.TactNode;
import org.junit.jupiter.api.Test;

/**
 * The chat across two nodes on one PostgreSQL: the visitor's stream on one, the agents on both. What the agent does
 * on the second node reaches the visitor's stream on the first only through LISTEN/NOTIFY.
 */
@RequiresPostgres
class ChatOnPostgresIntegrationTests {

  @Test
  void shouldCarryAChatBetweenTwoNodes() throws Exception {
    String url = PostgresTestDatabase.create();
    String[] args = {"--tact.chat.allowed-origins=" + ChatScenario.SITE, "--tact.chat.accept-timeout=60s",
        "--tact.delivery.enabled=false", "--tact.intake.imap.enabled=false"};
    try (TactNode a = TactNode.start(url, args); TactNode b = TactNode.start(url, args)) {
      ChatScenario.run(a, b);
    }
  }
}
