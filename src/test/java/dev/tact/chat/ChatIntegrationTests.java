package dev.tact.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tact.conversation.ConversationManagement;
import dev.tact.delivery.ChannelMessage;
import dev.tact.delivery.SendAttempt;
import dev.tact.shared.ProblemException;
import dev.tact.sla.TeamCalendars;
import dev.tact.sla.WorkingHours;
import dev.tact.staff.Agent;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.TactNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The chat widget on the embedded database (one node, the in-process bus). The tests share one node and one client
 * address, so the limits' test runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatIntegrationTests {

  static final String NIGHT_TEAM = "Chat night team";
  static TactNode node;
  /** A chat without an address that no agent takes. */
  static UUID unanswered;

  @BeforeAll
  static void start() {
    node = TactNode.start("jdbc:h2:mem:chat-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "--tact.chat.allowed-origins=" + ChatScenario.SITE, "--tact.chat.start-burst=9",
        "--tact.chat.starts-per-minute=1", "--tact.chat.heartbeat=1s", "--tact.chat.accept-timeout=8s",
        "--tact.chat.visitor-gone=2s", "--tact.chat.team=" + NIGHT_TEAM, "--tact.delivery.enabled=false",
        "--tact.intake.imap.enabled=false");
    // started now, so that its 8 s without an agent run out while the tests before the one about it run
    VisitorClient.Answer started = new VisitorClient(ChatScenario.port(node), ChatScenario.SITE)
        .start(null, null, "Anyone there " + UUID.randomUUID() + "?");
    assertThat(started.status()).as(started.response().body()).isEqualTo(201);
    unanswered = UUID.fromString(started.body().path("chat").asString());
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  @Order(1)
  void shouldCarryAChatFromTheWidgetToAnAgentAndOnByEmail() throws Exception {
    ChatScenario.run(node, node);
  }

  @Test
  @Order(2)
  void shouldEndAChatNoAgentTookAndSayWhyNoTranscriptWasSentWithoutAnAddress() {
    UUID chat = unanswered;
    Chats chats = node.bean(Chats.class);

    await().atMost(ChatScenario.PATIENCE).until(() -> chats.require(chat).state() == ChatSession.State.ENDED);

    ChatSession ended = chats.require(chat);
    assertThat(ended.endReason()).isEqualTo("NO_AGENT");
    await().atMost(ChatScenario.PATIENCE).until(() -> chats.require(chat).transcriptQueued());
    var details = node.bean(ConversationManagement.class).requireDetails(chats.require(chat).conversationId());
    assertThat(details.history()).anySatisfy(h -> assertThat(h.kind()).isEqualTo("CHAT_ENDED"));
    assertThat(node.jdbc().sql("SELECT COUNT(*) FROM delivery_outbox WHERE idempotency_key = :key")
        .param("key", "chat-transcript:" + chat).query(Long.class).single()).isZero();
    assertThat(chats.lines(chat, 0)).last().satisfies(l -> assertThat(l.text()).startsWith("No one could take"));
  }

  @Test
  @Order(2)
  void shouldJoinTheConversationIntakeChoseWhenTheFirstLineIsACopyOfAnEarlierOne() {
    VisitorClient visitor = new VisitorClient(ChatScenario.port(node), ChatScenario.SITE);
    String email = "twice-" + UUID.randomUUID() + "@example.org";
    String text = "My invoice 4411 shows the annual plan twice although I only ordered it once, please check it "
        + UUID.randomUUID();
    Chats chats = node.bean(Chats.class);
    UUID first = UUID.fromString(visitor.start("Tia", email, text).body().path("chat").asString());
    await().atMost(ChatScenario.PATIENCE).until(() -> chats.require(first).conversationId() != null);

    // the visitor reloads and asks again in a new chat: noise control joins the copy to the first conversation as a
    // report, no message is added, and the chat takes the conversation intake recorded for its line
    UUID second = UUID.fromString(visitor.start("Tia", email, text).body().path("chat").asString());
    await().atMost(ChatScenario.PATIENCE).until(() -> chats.require(second).conversationId() != null);
    assertThat(chats.require(second).conversationId()).isEqualTo(chats.require(first).conversationId());
  }

  @Test
  @Order(3)
  void shouldEndAChatWhoseVisitorDoesNotComeBack() {
    VisitorClient visitor = new VisitorClient(ChatScenario.port(node), ChatScenario.SITE);
    VisitorClient.Answer started = visitor.start("Gil", "gil-" + UUID.randomUUID() + "@example.org",
        "Quick question " + UUID.randomUUID());
    assertThat(started.status()).as(started.response().body()).isEqualTo(201);
    String chat = started.body().path("chat").asString();
    Chats chats = node.bean(Chats.class);
    UUID chatId = UUID.fromString(chat);
    try (VisitorClient.Stream stream = visitor.events(chat, started.body().path("token").asString(), null)) {
      await().atMost(ChatScenario.PATIENCE).until(() -> !stream.named("line").isEmpty());
      await().atMost(ChatScenario.PATIENCE).until(() -> chats.require(chatId).visitorSeenAt() != null);
      // accepted, so the no-agent timer cannot be what ends it
      await().atMost(ChatScenario.PATIENCE).until(() -> chats.require(chatId).conversationId() != null);
      String suffix = UUID.randomUUID().toString().substring(0, 8);
      chats.accept(chatId, node.bean(StaffDirectory.class).createAgent("cy-" + suffix + "@tact.test", "Cy Agent",
          dev.tact.staff.Role.AGENT, "pass-" + suffix + "-long"));
    }
    assertThat(chats.require(chatId).state()).isEqualTo(ChatSession.State.ACTIVE);
    // the stream is gone (the server notices within two heartbeats); after the grace the chat counts as left
    await().atMost(ChatScenario.PATIENCE).until(() -> chats.require(chatId).state() == ChatSession.State.ENDED);
    assertThat(chats.require(chatId).endReason()).isEqualTo("LEFT");
    assertThat(node.jdbc().sql("SELECT COUNT(*) FROM delivery_outbox WHERE idempotency_key = :key")
        .param("key", "chat-transcript:" + chatId).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  @Order(6)
  void shouldRefuseBadInputAndOtherSitesAndTooManyStartsFromOneAddress() {
    VisitorClient visitor = new VisitorClient(ChatScenario.port(node), ChatScenario.SITE);
    long before = node.jdbc().sql("SELECT COUNT(*) FROM chat_session").query(Long.class).single();

    VisitorClient.Answer script = visitor.get("/chat/widget.js", "*/*");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.response().headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/javascript"));
    assertThat(script.response().headers().firstValue("Cache-Control")).hasValueSatisfying(
        cache -> assertThat(cache).contains("max-age=300"));
    assertThat(script.response().body()).contains("/chat/api/chats");

    VisitorClient.Answer notYours = visitor.get("/chat/api/chats/" + UUID.randomUUID() + "/events?token=nope", "text/event-stream");
    assertThat(notYours.status()).isEqualTo(404);

    VisitorClient.Answer empty = visitor.start("Al", "al@example.org", "  ");
    assertThat(empty.status()).isEqualTo(422);
    assertThat(empty.body().path("code").asString()).isEqualTo("empty-line");
    VisitorClient.Answer nul = visitor.start("Al", "al@example.org", "Hello\u0007there");
    assertThat(nul.status()).isEqualTo(422);
    assertThat(nul.body().path("code").asString()).isEqualTo("control-characters");
    VisitorClient.Answer realNul = visitor.start("Al", "al@example.org", "Hello\u0000there");
    assertThat(realNul.status()).as("refused by the request guard before the chat sees it").isEqualTo(400);
    VisitorClient.Answer badEmail = visitor.start("Al", "not an address", "Hello");
    assertThat(badEmail.status()).isEqualTo(422);
    assertThat(node.jdbc().sql("SELECT COUNT(*) FROM chat_session").query(Long.class).single()).isEqualTo(before);

    assertThat(visitor.options("/chat/api/chats", ChatScenario.SITE).response().headers()
        .firstValue("Access-Control-Allow-Origin")).contains(ChatScenario.SITE);
    assertThat(visitor.options("/chat/api/chats", "http://evil.example").status()).isEqualTo(403);

    VisitorClient.Answer limited = null;
    for (int i = 0; i < 10 && limited == null; i++) {
      VisitorClient.Answer answer = visitor.start("Al", "al@example.org", "Hello " + i + " " + UUID.randomUUID());
      if (answer.status() == 429) {
        limited = answer;
      } else {
        assertThat(answer.status()).isIn(201, 422);
      }
    }
    assertThat(limited).as("the start limit answers 429").isNotNull();
    assertThat(limited.response().headers().firstValue("Retry-After")).hasValueSatisfying(
        v -> assertThat(Long.parseLong(v)).isPositive());
    assertThat(limited.body().path("code").asString()).isEqualTo("too-many-requests");
    assertThat(visitor.post("/chat/api/chats/" + UUID.randomUUID() + "/lines", Map.of("text", "hi"), "nope")
        .status()).isIn(404, 429);

    // the event stream has its limit too, and says so even to a client that only accepts event streams
    VisitorClient.Answer streamLimited = null;
    for (int i = 0; i < 200 && streamLimited == null; i++) {
      VisitorClient.Answer answer = visitor.get("/chat/api/chats/" + UUID.randomUUID() + "/events?token=nope",
          "text/event-stream");
      if (answer.status() != 404) {
        streamLimited = answer;
      }
    }
    assertThat(streamLimited).isNotNull();
    assertThat(streamLimited.status()).isEqualTo(429);
    assertThat(streamLimited.response().headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  @Order(4)
  void shouldPromiseAnAnswerByEmailOutsideTheTeamsBusinessHours() {
    StaffDirectory staff = node.bean(StaffDirectory.class);
    UUID team = staff.createTeam(NIGHT_TEAM).id();
    java.time.DayOfWeek otherDay = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(3).getDayOfWeek();
    node.bean(TeamCalendars.class).save(team, "UTC", java.util.List.of(new WorkingHours.Interval(otherDay,
        java.time.LocalTime.of(9, 0), java.time.LocalTime.of(10, 0))), null, null, false);

    VisitorClient visitor = new VisitorClient(ChatScenario.port(node), ChatScenario.SITE);
    VisitorClient.Answer status = visitor.get("/chat/api/status", "application/json");
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.body().path("live").asBoolean()).isFalse();
    assertThat(status.body().path("text").asString()).contains("reply by email");
    assertThatThrownBy(() -> node.bean(Chats.class).start("Nia", "", "Hello at night", null))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("email-required"));
  }

  @Test
  @Order(7)
  void shouldQueueAnAgentsLineAsAChatProviderRowThatConfirmsTheLineOnceAndFailsAfterTheEnd() {
    String suffix = UUID.randomUUID().toString();
    Chats chats = node.bean(Chats.class);
    // started through the service: the earlier tests spent this address's starts on the widget's door
    Chats.Started started = chats.start("Rita", "rita-" + suffix + "@example.org", "Late order " + suffix, null);
    assertThat(started.itemId()).isNotNull();
    UUID chat = started.chat().id();
    await().atMost(ChatScenario.PATIENCE).until(() -> chats.require(chat).conversationId() != null);
    UUID conversation = chats.require(chat).conversationId();
    Agent agent = node.bean(StaffDirectory.class).createAgent("rex-" + suffix + "@tact.test", "Rex Agent", Role.AGENT,
        "pass-" + suffix + "-long");
    chats.accept(chat, agent);

    ChatLine line = chats.agentSays(chat, agent, "Let me look.");

    String key = "reply:" + line.messageId();
    // delivery is off on this node: the reply's row waits, as a row its channel's provider sends
    assertThat(node.jdbc().sql("SELECT kind FROM delivery_outbox WHERE idempotency_key = :key").param("key", key)
        .query(String.class).single()).isEqualTo("PROVIDER");
    ChatChannel channel = node.bean(ChatChannel.class);
    SendAttempt confirmed = channel.send(new ChannelMessage(UUID.randomUUID(), key, "chat:" + conversation,
        "Let me look.", 1, Instant.now()));
    assertThat(confirmed.sent()).isTrue();
    assertThat(chats.lines(chat, 0)).filteredOn(l -> line.messageId().equals(l.messageId())).hasSize(1);

    chats.agentEnds(chat, agent);
    SendAttempt late = channel.send(new ChannelMessage(UUID.randomUUID(), "reply:" + UUID.randomUUID(),
        "chat:" + conversation, "Too late", 1, Instant.now()));
    assertThat(late.sent()).isFalse();
    assertThat(late.retryable()).isFalse();
    assertThat(late.error()).contains("chat had ended");
  }

  @Test
  @Order(0) // first: the later tests spend this address's allowance of event streams
  void shouldEndItsEventStreamsWhenTheNodeStopsSoThatShutdownNeedNotWaitForThem() {
    Chats chats = node.bean(Chats.class);
    Chats.Started started = chats.start("Sam", "sam-" + UUID.randomUUID() + "@example.org", "Still there?", null);
    VisitorClient visitor = new VisitorClient(ChatScenario.port(node), ChatScenario.SITE);
    ChatStreams streams = node.bean(ChatStreams.class);
    try (VisitorClient.Stream stream = visitor.events(started.chat().id().toString(), started.token(), null)) {
      await().atMost(ChatScenario.PATIENCE).until(() -> stream.status != 0);
      assertThat(stream.status).isEqualTo(200);
      await().atMost(ChatScenario.PATIENCE).until(() -> !stream.named("line").isEmpty());
      assertThat(stream.ended).isFalse();

      streams.stop();

      await().atMost(ChatScenario.PATIENCE).until(() -> stream.ended);
      assertThat(streams.isRunning()).isFalse();
    } finally {
      streams.start();
    }
  }
}
