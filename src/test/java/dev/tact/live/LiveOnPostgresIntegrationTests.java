package dev.tact.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.conversation.ConversationManagement;
import dev.tact.staff.Agent;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.JsonApi.Answer;
import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import dev.tact.testsupport.TactNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Agents' live pages across two nodes on one PostgreSQL: a change made on one node reaches the other's streams
 * (LISTEN/NOTIFY, after the commit, with the version it made), and who is viewing or replying on one node is known
 * on the other, for as long as heartbeats say so.
 */
@RequiresPostgres
class LiveOnPostgresIntegrationTests {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Test
  void shouldCarryChangesAndPresenceBetweenTwoNodes() {
    String url = PostgresTestDatabase.createMigrated();
    String[] args = {"--tact.delivery.enabled=false", "--tact.intake.imap.enabled=false",
        "--tact.live.heartbeat=1s", "--tact.live.replying=2s"};
    try (TactNode a = TactNode.start(url, args); TactNode b = TactNode.start(url, args)) {
      List<ConversationSignal> heardOnA = new CopyOnWriteArrayList<>();
      a.bean(SignalBus.class).subscribe(ConversationSignal.TOPIC, ConversationSignal.class, heardOnA::add);

      // a customer's message filed on node B is heard on node A
      String sender = "kim-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
      Answer ack = b.post("/api/v1/messages", Map.of("channel", "email", "sender", sender,
          "subject", "Locked out", "text", "I cannot sign in since this morning."));
      assertThat(ack.status()).as(ack.body().toString()).isEqualTo(202);
      String item = "/api/v1/messages/" + ack.body().path("itemId").asString();
      await().atMost(PATIENCE).until(() -> b.get(item).body().path("conversationId").isString());
      UUID id = UUID.fromString(b.get(item).body().path("conversationId").asString());
      await().atMost(PATIENCE).until(() -> heardOnA.stream()
          .anyMatch(s -> s.conversation().equals(id) && s.kind().equals("MESSAGE_RECEIVED")));

      // a change on node A is heard there too with the version it made, which node B reads from the database
      Answer changed = a.put("/api/v1/conversations/" + id + "/priority", Map.of("priority", "urgent"));
      assertThat(changed.status()).isEqualTo(200);
      long version = b.bean(ConversationManagement.class).version(id);
      await().atMost(PATIENCE).until(() -> heardOnA.stream().anyMatch(s -> s.conversation().equals(id)
          && s.kind().equals("PRIORITY_CHANGED") && s.version() == version));

      // Bo views the conversation on node B and starts replying: node A knows; replying ends without signals,
      // viewing lasts while node B's heartbeats announce it
      Agent bo = b.bean(StaffDirectory.class).createAgent("bo-" + UUID.randomUUID() + "@tact.test", "Bo Berg",
          Role.AGENT, "bo-password-1234");
      b.bean(AgentStreams.class).open(bo.id(), bo.displayName(), id);
      await().atMost(PATIENCE).until(() -> a.bean(Presence.class).on(id)
          .equals(List.of(new Presence.Present(bo.id(), "Bo Berg", "viewing"))));
      b.bean(AgentStreams.class).replying(bo.id(), bo.displayName(), id);
      await().atMost(PATIENCE).until(() -> a.bean(Presence.class).on(id)
          .equals(List.of(new Presence.Present(bo.id(), "Bo Berg", "replying"))));
      await().atMost(PATIENCE).until(() -> a.bean(Presence.class).on(id)
          .equals(List.of(new Presence.Present(bo.id(), "Bo Berg", "viewing"))));
      await().during(Duration.ofSeconds(4)).atMost(PATIENCE).until(() -> a.bean(Presence.class).on(id).size() == 1);
    }
  }
}
