package dev.tact.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Direction;
import dev.tact.conversation.Message;
import dev.tact.shared.Channel;
import dev.tact.shared.ProblemException;
import dev.tact.staff.Agent;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.TactNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A chat from start to transcript, the visitor on one node and the agents on another (or both on one, H2): the
 * same steps prove the filing road, the one-agent acceptance, live lines and typing, replay from Last-Event-ID and
 * the ending by email.
 */
final class ChatScenario {

  static final String SITE = "http://shop.example";
  static final Duration PATIENCE = Duration.ofSeconds(30);

  private ChatScenario() {}

  static void run(TactNode visitorNode, TactNode agentNode) throws Exception {
    VisitorClient visitor = new VisitorClient(port(visitorNode), SITE);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String email = "visitor-" + suffix + "@example.org";

    VisitorClient.Answer started = visitor.start("Vera Visitor", email, "Where is my parcel " + suffix + "?");
    assertThat(started.status()).as(started.response().body()).isEqualTo(201);
    assertThat(started.response().headers().firstValue("Access-Control-Allow-Origin")).contains(SITE);
    String chat = started.body().path("chat").asString();
    String token = started.body().path("token").asString();
    UUID chatId = UUID.fromString(chat);

    try (VisitorClient.Stream stream = visitor.events(chat, token, null)) {
      await().atMost(PATIENCE).until(() -> !stream.named("line").isEmpty());
      assertThat(stream.named("line").getFirst().data().path("text").asString()).startsWith("Where is my parcel");

      // the first line is filed by intake; the chat learns its conversation
      Chats agentChats = agentNode.bean(Chats.class);
      await().atMost(PATIENCE).until(() -> agentChats.require(chatId).conversationId() != null);
      UUID conversationId = agentChats.require(chatId).conversationId();

      VisitorClient.Answer second = visitor.post("/chat/api/chats/" + chat + "/lines",
          java.util.Map.of("text", "Order 77-" + suffix), token);
      assertThat(second.status()).isEqualTo(201);
      assertThat(second.body().path("seq").asLong()).isEqualTo(2);

      // two agents, on both nodes, click Accept at once: one gets it
      StaffDirectory staff = agentNode.bean(StaffDirectory.class);
      Agent ana = staff.createAgent("ana-" + suffix + "@tact.test", "Ana Agent", Role.AGENT, "pass-" + suffix + "-long");
      Agent bo = staff.createAgent("bo-" + suffix + "@tact.test", "Bo Agent", Role.AGENT, "pass-" + suffix + "-long");
      List<Callable<Boolean>> clicks = List.of(() -> accepted(agentNode, chatId, ana),
          () -> accepted(visitorNode, chatId, bo));
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Boolean> outcomes = new ArrayList<>();
      for (Future<Boolean> f : pool.invokeAll(clicks)) {
        outcomes.add(f.get());
      }
      pool.shutdown();
      assertThat(outcomes).containsExactlyInAnyOrder(true, false);
      Agent winner = outcomes.get(0) ? ana : bo;
      assertThat(agentChats.require(chatId).agentId()).isEqualTo(winner.id());

      await().atMost(PATIENCE).until(() -> stream.named("state").stream()
          .anyMatch(e -> e.data().path("state").asString().equals("active")));

      // the agent's typing and line are made on the agents' node, the visitor's stream is on the other
      agentChats.agentTyping(chatId, winner);
      await().atMost(PATIENCE).until(() -> stream.named("typing").stream()
          .anyMatch(e -> e.data().path("side").asString().equals("agent")));

      ChatLine reply = agentChats.agentSays(chatId, winner, "It left our warehouse today.");
      await().atMost(PATIENCE).until(() -> stream.named("line").stream()
          .anyMatch(e -> e.data().path("text").asString().equals("It left our warehouse today.")
              && e.data().path("kind").asString().equals("agent")));

      // the reply is a real reply of the conversation, and both visitor lines are in it, through intake
      ConversationManagement conversations = agentNode.bean(ConversationManagement.class);
      await().atMost(PATIENCE).until(() -> conversations.requireDetails(conversationId).messages().stream()
          .filter(m -> m.direction() == Direction.INBOUND).count() == 2);
      ConversationDetails details = conversations.requireDetails(conversationId);
      assertThat(details.conversation().channel()).isEqualTo(Channel.CHAT);
      assertThat(details.messages()).extracting(Message::body).containsSubsequence(
          "Where is my parcel " + suffix + "?", "Order 77-" + suffix, "It left our warehouse today.");
      assertThat(details.messages()).filteredOn(m -> m.direction() == Direction.OUTBOUND).singleElement()
          .satisfies(m -> assertThat(m.id()).isEqualTo(reply.messageId()));
      assertThat(details.conversation().assigneeId()).isEqualTo(winner.id());

      // a reconnecting visitor replays from its last event id: nothing missed, nothing twice
      try (VisitorClient.Stream again = visitor.events(chat, token, "2")) {
        await().atMost(PATIENCE).until(() -> again.named("line").stream()
            .anyMatch(e -> e.data().path("kind").asString().equals("agent")));
        assertThat(again.named("line")).extracting(e -> Long.parseLong(e.id())).doesNotContain(1L, 2L)
            .isSorted().doesNotHaveDuplicates();
      }

      // a wrong token is no chat at all
      assertThat(visitor.post("/chat/api/chats/" + chat + "/lines", java.util.Map.of("text", "x"), "wrong").status())
          .isEqualTo(404);

      // the visitor leaves: the conversation goes on by email, with the transcript queued through the outbox
      assertThat(visitor.post("/chat/api/chats/" + chat + "/leave", null, token).status()).isEqualTo(204);
      await().atMost(PATIENCE).until(() -> stream.named("state").stream()
          .anyMatch(e -> e.data().path("state").asString().equals("ended")));
      assertThat(conversations.requireDetails(conversationId).conversation().channel()).isEqualTo(Channel.EMAIL);
      String transcript = agentNode.jdbc().sql("""
          SELECT subject FROM delivery_outbox WHERE idempotency_key = :key""")
          .param("key", "chat-transcript:" + chatId).query(String.class).single();
      assertThat(transcript).contains("[#" + details.conversation().number() + "]");
      assertThat(visitor.post("/chat/api/chats/" + chat + "/lines", java.util.Map.of("text", "hello?"), token)
          .status()).isEqualTo(409);
    }
  }

  private static boolean accepted(TactNode node, UUID chat, Agent agent) {
    try {
      node.bean(Chats.class).accept(chat, agent);
      return true;
    } catch (ProblemException e) {
      assertThat(e.status()).isEqualTo(409);
      return false;
    }
  }

  static int port(TactNode node) {
    return Integer.parseInt(node.bean(org.springframework.core.env.Environment.class)
        .getProperty("local.server.port"));
  }
}
