package dev.tact.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import dev.tact.testsupport.TactNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The chat across two nodes on one PostgreSQL: the visitor's stream on one, the agents on both. What the agent does
 * on the second node reaches the visitor's stream on the first only through LISTEN/NOTIFY; when the listening
 * connections break, the nodes listen again. A spike of chats started on both nodes at once loses none.
 */
@RequiresPostgres
class ChatOnPostgresIntegrationTests {

  private static final String LISTENERS = """
      SELECT pid FROM pg_stat_activity WHERE application_name = 'tact-live-listen' AND datname = current_database()""";

  @Test
  void shouldCarryAChatBetweenTwoNodes() throws Exception {
    String url = PostgresTestDatabase.createMigrated();
    String[] args = {"--tact.chat.allowed-origins=" + ChatScenario.SITE, "--tact.chat.accept-timeout=60s",
        "--tact.chat.start-burst=1000", "--tact.chat.starts-per-minute=1000",
        "--tact.delivery.enabled=false", "--tact.intake.imap.enabled=false"};
    try (TactNode a = TactNode.start(url, args); TactNode b = TactNode.start(url, args)) {
      ChatScenario.run(a, b);

      // both nodes lose their listening connection (a failover, a restart of PostgreSQL's backend): they open it
      // again, and chats carry on between the nodes
      assertThat(a.jdbc().sql(LISTENERS.replace("SELECT pid", "SELECT pg_terminate_backend(pid)"))
          .query(Boolean.class).list()).hasSize(2).containsOnly(true);
      await().atMost(ChatScenario.PATIENCE).until(() -> a.jdbc().sql(LISTENERS).query(Integer.class).list().size() == 2);
      ChatScenario.run(a, b);

      // 64 visitors start chats at once, half on each node: every acknowledged chat is there, its first line in
      // intake's log, and each is filed into a conversation of its own
      List<Callable<String>> starts = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        TactNode node = i % 2 == 0 ? a : b;
        String text = "Spike question " + i + " " + UUID.randomUUID();
        starts.add(() -> {
          VisitorClient.Answer answer = new VisitorClient(ChatScenario.port(node), ChatScenario.SITE)
              .start("Spike visitor", null, text);
          assertThat(answer.status()).as(answer.response().body()).isEqualTo(201);
          return answer.body().path("chat").asString();
        });
      }
      ExecutorService pool = Executors.newFixedThreadPool(64);
      List<String> chats = new ArrayList<>();
      for (Future<String> started : pool.invokeAll(starts)) {
        chats.add(started.get());
      }
      pool.shutdown();
      assertThat(chats).doesNotHaveDuplicates().hasSize(64);
      List<UUID> ids = chats.stream().map(UUID::fromString).toList();
      assertThat(a.jdbc().sql("SELECT COUNT(*) FROM chat_session WHERE id IN (:ids)").param("ids", ids)
          .query(Long.class).single()).isEqualTo(64);
      assertThat(a.jdbc().sql("SELECT COUNT(*) FROM intake_item WHERE channel = 'chat' AND external_id IN (:ids)")
          .param("ids", chats.stream().map(id -> "chat:" + id + ":1").toList()).query(Long.class).single())
          .isEqualTo(64);
      await().atMost(ChatScenario.PATIENCE).until(() -> a.jdbc().sql(
              "SELECT COUNT(DISTINCT conversation_id) FROM chat_session WHERE id IN (:ids)")
          .param("ids", ids).query(Long.class).single() == 64);
    }
  }
}
