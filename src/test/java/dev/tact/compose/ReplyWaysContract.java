package dev.tact.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tact.contact.ContactManagement;
import dev.tact.contact.IdentityParser;
import dev.tact.conversation.Actor;
import dev.tact.delivery.Outbox;
import dev.tact.delivery.OutboxEntry;
import dev.tact.delivery.OutboxKind;
import dev.tact.delivery.OutboxState;
import dev.tact.delivery.ReplyVia;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.MessageSubmission;
import dev.tact.policy.ConsentEntry;
import dev.tact.policy.ConsentLedger;
import dev.tact.policy.ConsentRequest;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;
import dev.tact.shared.ProblemException;
import dev.tact.sla.SlaClockView;
import dev.tact.sla.SlaClocks;
import dev.tact.sla.SlaMetric;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.testsupport.JsonApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 16, items 6 and 7, on H2 and PostgreSQL: every reply gets an outbox row; one with no way out is
 * UNDELIVERABLE with the reason and is no first response; the agent may send it to another identity of the contact,
 * which the contact policy must allow; a conversation an agent starts is refused (nothing created) or opened with
 * its outbox row. SMS has no provider here; social messages go to a local webhook adapter; no SMTP relay is
 * configured, and the dispatcher still sends webhook rows.
 */
abstract class ReplyWaysContract {

  /** The social adapter: records every POST and answers 200. */
  static final com.sun.net.httpserver.HttpServer SOCIAL = socialAdapter();
  static final List<String> SOCIAL_POSTS = new CopyOnWriteArrayList<>();

  private static com.sun.net.httpserver.HttpServer socialAdapter() {
    try {
      com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
          new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/social", exchange -> {
        SOCIAL_POSTS.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void socialAdapter(DynamicPropertyRegistry registry) {
    registry.add("tact.delivery.adapters.social.url",
        () -> "http://127.0.0.1:" + SOCIAL.getAddress().getPort() + "/social");
    registry.add("tact.delivery.adapters.social.secret", () -> "social-secret");
    // the chat module's own way out stands aside, so that the test's chat provider is the one that sends
    registry.add("tact.chat.enabled", () -> "false");
  }

  /** A chat provider that sends rows itself: what it was given, in order. */
  static final List<dev.tact.delivery.ChannelMessage> CHAT_TEXTS = new CopyOnWriteArrayList<>();

  @org.springframework.boot.test.context.TestConfiguration
  static class ChatProvider {
    @org.springframework.context.annotation.Bean
    dev.tact.delivery.ChannelSender testChat() {
      return new dev.tact.delivery.ChannelSender() {
        @Override
        public Channel channel() {
          return Channel.CHAT;
        }

        @Override
        public String name() {
          return "test chat";
        }

        @Override
        public boolean configured() {
          return true;
        }

        @Override
        public dev.tact.delivery.SendAttempt send(dev.tact.delivery.ChannelMessage message) {
          CHAT_TEXTS.add(message);
          return dev.tact.delivery.SendAttempt.sent(200, "chat-" + CHAT_TEXTS.size());
        }
      };
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  MessageIntake intake;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Replies replies;

  @Autowired
  Outreach outreach;

  @Autowired
  Outbox outbox;

  @Autowired
  SlaClocks sla;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  @Autowired
  ConsentLedger consent;

  JsonApi api;

  @BeforeEach
  void admin() {
    api = new JsonApi(port, tokens.issue("reply-ways-" + UUID.randomUUID(), Role.ADMIN, null).secret());
  }

  @Test
  void shouldRecordAnSmsReplyWithNoProviderAsUndeliverableAndKeepTheFirstResponseClockRunning() {
    String phone = phone();
    UUID conversation = conversationFrom("sms", phone, "Is my order on its way?");

    JsonApi.Answer answer = api.post("/api/v1/conversations/" + conversation + "/replies",
        Map.of("text", "Yes, it left today."));

    assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
    assertThat(answer.body().path("delivery").path("state").asString()).isEqualTo("undeliverable");
    assertThat(answer.body().path("delivery").path("reason").asString())
        .isEqualTo("not delivered: no SMS provider configured");
    OutboxEntry row = outbox.ofMessage(UUID.fromString(answer.body().path("id").asString())).orElseThrow();
    assertThat(row.state()).isEqualTo(OutboxState.UNDELIVERABLE);
    assertThat(row.lastError()).isEqualTo("not delivered: no SMS provider configured");
    assertThat(row.recipient()).isEqualTo(phone);
    assertThat(row.decisionId()).as("nothing to send: the policy is not asked").isNull();
    assertThat(firstResponse(conversation).stoppedAt()).as("no first response yet").isNull();
    assertThat(outbox.relayWarning().undeliverable()).isPositive();
    assertThat(outbox.list(OutboxState.UNDELIVERABLE, new dev.tact.shared.PageRequest(0, 100)).items())
        .extracting(OutboxEntry::id).contains(row.id());
  }

  @Test
  void shouldListRefuseToRetryAndCancelAnUndeliverableReplyInTheAdminApi() {
    UUID conversation = conversationFrom("sms", phone(), "Hello?");
    Replies.Replied replied = replies.reply(conversation, Actor.agent(null, "Dana"), "Hi!", ReplyVia.DEFAULT);
    OutboxEntry row = outbox.ofMessage(replied.message().id()).orElseThrow();

    JsonApi.Answer listed = api.get("/api/v1/admin/outbox?state=undeliverable&size=100");
    assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
    assertThat(listed.raw()).contains(row.id().toString(), "not delivered: no SMS provider configured");
    problem(api.post("/api/v1/admin/outbox/" + row.id() + "/retry", Map.of()), 409, "outbox-no-way-out");
    assertThat(outbox.require(row.id()).state()).isEqualTo(OutboxState.UNDELIVERABLE);

    JsonApi.Answer cancelled = api.post("/api/v1/admin/outbox/" + row.id() + "/cancel", Map.of());
    assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
    assertThat(outbox.require(row.id()).state()).isEqualTo(OutboxState.CANCELLED);
  }

  @Test
  void shouldSayAPhoneConversationHasNoWrittenChannel() {
    UUID conversation = conversationFrom("phone", phone(), "Called about the invoice.");

    Replies.Replied replied = replies.reply(conversation, Actor.agent(null, "Dana"), "We will call back.",
        ReplyVia.DEFAULT);

    assertThat(replied.route().deliverable()).isFalse();
    OutboxEntry row = outbox.ofMessage(replied.message().id()).orElseThrow();
    assertThat(row.state()).isEqualTo(OutboxState.UNDELIVERABLE);
    assertThat(row.lastError()).isEqualTo("not delivered: a phone conversation has no written channel — reply by "
        + "email or log a call");
    assertThat(firstResponse(conversation).stoppedAt()).isNull();
  }

  @Test
  void shouldSendTheReplyByEmailWhenTheAgentSwitchesAndCountItAsTheFirstResponse() {
    String phone = phone();
    UUID conversation = conversationFrom("sms", phone, "Where is my parcel?");
    String email = attachEmail(phone);

    JsonApi.Answer answer = api.post("/api/v1/conversations/" + conversation + "/replies",
        Map.of("text", "It arrives tomorrow.", "to", email));

    assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
    assertThat(answer.body().path("channel").asString()).isEqualTo("EMAIL");
    assertThat(answer.body().path("delivery").path("state").asString()).isEqualTo("queued");
    assertThat(answer.body().path("delivery").path("to").asString()).isEqualTo(email);
    OutboxEntry row = outbox.ofMessage(UUID.fromString(answer.body().path("id").asString())).orElseThrow();
    assertThat(row.kind()).isEqualTo(OutboxKind.EMAIL);
    assertThat(row.recipient()).isEqualTo(email);
    assertThat(row.decisionId()).isNotNull();
    assertThat(firstResponse(conversation).stoppedAt()).isNotNull();
  }

  @Test
  void shouldRefuseASwitchTheContactPolicyDeniesAndWriteNothing() {
    String phone = phone();
    UUID conversation = conversationFrom("sms", phone, "Can you email me the invoice?");
    String email = attachEmail(phone);
    consent.record(contactOf(phone), new ConsentRequest(ConsentEntry.Kind.OPT_OUT, Channel.EMAIL,
        Purpose.TRANSACTIONAL, null, "test", "asked for no email at all", null), "tests");
    long messages = messagesOf(conversation);
    long rows = rows();

    JsonApi.Answer answer = api.post("/api/v1/conversations/" + conversation + "/replies",
        Map.of("text", "Here it is.", "to", email));

    assertThat(answer.status()).as(answer.raw()).isEqualTo(409);
    assertThat(answer.body().path("code").asString()).isEqualTo("contact-policy-denied");
    assertThat(answer.body().path("detail").asString()).contains("opted out");
    assertThat(messagesOf(conversation)).isEqualTo(messages);
    assertThat(rows()).isEqualTo(rows);
    Replies.Checked checked = replies.check(conversation, new ReplyVia(null, email), Actor.agent(null, "Dana"));
    assertThat(checked.allowed()).isFalse();
  }

  @Test
  void shouldKeepAReplyThePolicyDeniesOnTheConversationsOwnWayAsNoResponse() {
    String email = "denied-" + UUID.randomUUID() + "@customer.test";
    UUID conversation = conversationFrom("email", email, "Please stop writing to me.");
    consent.record(contactOf(email), new ConsentRequest(ConsentEntry.Kind.OPT_OUT, Channel.EMAIL,
        Purpose.TRANSACTIONAL, null, "test", "no email at all", null), "tests");

    Replies.Replied replied = replies.reply(conversation, Actor.agent(null, "Dana"), "Understood.", ReplyVia.DEFAULT);

    OutboxEntry row = outbox.ofMessage(replied.message().id()).orElseThrow();
    assertThat(row.state()).isEqualTo(OutboxState.DENIED);
    assertThat(row.decisionId()).isNotNull();
    assertThat(firstResponse(conversation).stoppedAt()).as("a denied reply is no response").isNull();
  }

  @Test
  void shouldAnswerBadWaysWithProblemDetailsAndChangeNothing() {
    String phone = phone();
    UUID conversation = conversationFrom("sms", phone, "Hello?");
    String email = attachEmail(phone);
    long messages = messagesOf(conversation);

    problem(api.post("/api/v1/conversations/" + conversation + "/replies",
        Map.of("text", "x", "to", "someone-else@customer.test")), 422, "unknown-identity");
    problem(api.post("/api/v1/conversations/" + conversation + "/replies",
        Map.of("text", "x", "channel", "fax")), 422, "unknown-channel");
    problem(api.post("/api/v1/conversations/" + conversation + "/replies",
        Map.of("text", "x", "channel", "sms", "to", email)), 422, "channel-mismatch");
    problem(api.post("/api/v1/conversations/" + conversation + "/replies",
        Map.of("text", "x", "channel", "phone")), 422, "not-a-written-channel");
    problem(api.post("/api/v1/conversations/" + conversation + "/replies",
        Map.of("text", " ", "to", email)), 422, "empty-text");
    assertThat(messagesOf(conversation)).isEqualTo(messages);
  }

  @Test
  void shouldSendASocialReplyThroughItsAdapterWithoutAnSmtpRelay() {
    String handle = "twitter:@reply" + UUID.randomUUID().toString().substring(0, 8);
    UUID conversation = conversationFrom("social", handle, "Any news?");
    UUID mailed = conversationFrom("email", "waits-" + UUID.randomUUID() + "@customer.test", "And mine?");
    OutboxEntry email = outbox.ofMessage(replies.reply(mailed, Actor.agent(null, "Dana"), "Soon.").id())
        .orElseThrow();
    SOCIAL_POSTS.clear();

    Replies.Replied replied = replies.reply(conversation, Actor.agent(null, "Dana"), "Yes: shipped.",
        ReplyVia.DEFAULT);

    OutboxEntry row = outbox.ofMessage(replied.message().id()).orElseThrow();
    assertThat(row.kind()).isEqualTo(OutboxKind.WEBHOOK);
    assertThat(row.state()).as("queued, and perhaps taken by a dispatcher already")
        .isIn(OutboxState.QUEUED, OutboxState.SENDING, OutboxState.SENT);
    assertThat(outbox.relayConfigured()).isFalse();
    await().atMost(Duration.ofSeconds(20)).until(() -> outbox.require(row.id()).state() == OutboxState.SENT);
    assertThat(SOCIAL_POSTS).anySatisfy(body -> assertThat(body).contains("Yes: shipped."));
    assertThat(outbox.require(email.id()).state()).as("email, queued before, waits for a relay")
        .isEqualTo(OutboxState.QUEUED);
    assertThat(outbox.require(email.id()).attempts()).isZero();
  }

  @Test
  void shouldSendAChatReplyThroughAProviderThatSendsItself() {
    UUID conversation = conversationFrom("chat", "chatter-" + UUID.randomUUID() + "@customer.test", "Hi, anyone?");
    CHAT_TEXTS.clear();

    Replies.Replied replied = replies.reply(conversation, Actor.agent(null, "Dana"), "Hello, Dana here.",
        ReplyVia.DEFAULT);

    assertThat(replied.route().deliverable()).isTrue();
    OutboxEntry row = outbox.ofMessage(replied.message().id()).orElseThrow();
    await().atMost(Duration.ofSeconds(20)).until(() -> outbox.require(row.id()).state() == OutboxState.SENT);
    assertThat(CHAT_TEXTS).singleElement().satisfies(t -> {
      assertThat(t.text()).isEqualTo("Hello, Dana here.");
      assertThat(t.recipient()).isEqualTo("chat:" + conversation);
      assertThat(t.key()).isEqualTo("reply:" + replied.message().id());
    });
    assertThat(firstResponse(conversation).stoppedAt()).isNotNull();
  }

  @Test
  void shouldStartAConversationByEmailWithItsOutboxRow() {
    String phone = phone();
    conversationFrom("sms", phone, "Please write to me.");
    String email = attachEmail(phone);
    UUID contact = contactOf(phone);

    Outreach.Started started = outreach.start(contact, new ReplyVia(null, email), "Your refund",
        "The refund was paid today.", Actor.agent(null, "Dana"));

    assertThat(started.conversation().conversation().contactId()).isEqualTo(contact);
    assertThat(started.conversation().conversation().channel()).isEqualTo(Channel.EMAIL);
    assertThat(started.conversation().messages()).singleElement()
        .satisfies(m -> assertThat(m.body()).isEqualTo("The refund was paid today."));
    OutboxEntry row = outbox.ofMessage(started.message().id()).orElseThrow();
    assertThat(row.state()).isEqualTo(OutboxState.QUEUED);
    assertThat(row.recipient()).isEqualTo(email);
    assertThat(row.subject()).contains("Your refund");
  }

  @Test
  void shouldRefuseANewConversationThePolicyDeniesOrThatCannotLeaveAndCreateNothing() {
    String phone = phone();
    conversationFrom("sms", phone, "Hi.");
    String email = attachEmail(phone);
    UUID contact = contactOf(phone);
    consent.record(contact, new ConsentRequest(ConsentEntry.Kind.OPT_OUT, Channel.EMAIL,
        Purpose.TRANSACTIONAL, null, "test", "no email", null), "tests");
    long conversations = jdbc.sql("SELECT COUNT(*) FROM conv_conversation").query(Long.class).single();
    long rows = rows();

    assertThatThrownBy(() -> outreach.start(contact, new ReplyVia(null, email), "News", "Hello.",
        Actor.agent(null, "Dana"))).isInstanceOfSatisfying(ProblemException.class,
            e -> assertThat(e.getMessage()).contains("contact policy does not allow", "Nothing was sent"));
    assertThatThrownBy(() -> outreach.start(contact, new ReplyVia(null, phone), "News", "Hello.",
        Actor.agent(null, "Dana"))).isInstanceOfSatisfying(ProblemException.class,
            e -> assertThat(e.getMessage()).contains("no SMS provider configured", "Nothing was created"));

    assertThat(jdbc.sql("SELECT COUNT(*) FROM conv_conversation").query(Long.class).single()).isEqualTo(conversations);
    assertThat(rows()).isEqualTo(rows);
  }

  @Test
  void shouldStartAConversationThroughTheApiOrAnswerWhyNot() {
    String phone = phone();
    conversationFrom("sms", phone, "Write me, please.");
    String email = attachEmail(phone);
    UUID contact = contactOf(phone);
    long conversations = jdbc.sql("SELECT COUNT(*) FROM conv_conversation").query(Long.class).single();

    problem(api.post("/api/v1/contacts/" + contact + "/conversations",
        Map.of("to", phone, "subject", "News", "text", "Hello.")), 409, "not-deliverable");
    problem(api.post("/api/v1/contacts/" + contact + "/conversations",
        Map.of("to", "nobody@else.test", "subject", "News", "text", "Hello.")), 422, "unknown-identity");
    problem(api.post("/api/v1/contacts/" + contact + "/conversations",
        Map.of("to", email, "subject", "", "text", "Hello.")), 422, "invalid-subject");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM conv_conversation").query(Long.class).single()).isEqualTo(conversations);

    JsonApi.Answer started = api.post("/api/v1/contacts/" + contact + "/conversations",
        Map.of("to", email, "subject", "Your order", "text", "It shipped."));
    assertThat(started.status()).as(started.raw()).isEqualTo(201);
    assertThat(started.body().path("channel").asString()).isEqualTo("email");
    assertThat(started.body().path("to").asString()).isEqualTo(email);
    assertThat(started.body().path("state").asString()).isEqualTo("queued");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM conv_conversation").query(Long.class).single())
        .isEqualTo(conversations + 1);
  }

  // --- helpers ------------------------------------------------------------------------------------------------

  static String phone() {
    return "+1415555" + String.format("%04d", new java.util.Random().nextInt(10_000));
  }

  private SlaClockView firstResponse(UUID conversation) {
    return sla.state(conversation).orElseThrow().clocks().stream()
        .filter(c -> c.metric() == SlaMetric.FIRST_RESPONSE).findFirst().orElseThrow();
  }

  private UUID contactOf(String identity) {
    return contacts.findByIdentity(identities.parse(identity)).orElseThrow().id();
  }

  private String attachEmail(String phone) {
    String email = "switch-" + UUID.randomUUID() + "@customer.test";
    contacts.attach(contactOf(phone), identities.parse(email));
    return email;
  }

  private long messagesOf(UUID conversation) {
    return jdbc.sql("SELECT COUNT(*) FROM conv_message WHERE conversation_id = :c").param("c", conversation)
        .query(Long.class).single();
  }

  private long rows() {
    return jdbc.sql("SELECT COUNT(*) FROM delivery_outbox").query(Long.class).single();
  }

  private static void problem(JsonApi.Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
    assertThat(answer.body().path("code").asString()).as(answer.raw()).isEqualTo(code);
  }

  private UUID conversationFrom(String channel, String sender, String text) {
    String messageId = UUID.randomUUID() + "@ways.test";
    intake.submit(new MessageSubmission(channel, sender, null, null, null, null, text, messageId, null, null));
    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
        "SELECT COUNT(*) FROM conv_message WHERE external_id = :id").param("id", messageId).query(Long.class)
        .single() > 0);
    return jdbc.sql("SELECT conversation_id FROM conv_message WHERE external_id = :id").param("id", messageId)
        .query(UUID.class).single();
  }
}
