package dev.tact.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.ContactProfile;
import dev.tact.contact.IdentityParser;
import dev.tact.policy.ConsentLedger;
import dev.tact.policy.ConsentRequest;
import dev.tact.policy.ContactHistory;
import dev.tact.policy.PolicySettings;
import dev.tact.policy.PolicySettingsForm;
import dev.tact.policy.PolicySettingsService;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.testsupport.MutableClock;
import dev.tact.testsupport.SmtpSink;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox end to end, on H2 and on PostgreSQL: a reply through the real intake and API, sent to
 * GreenMail (or to {@link SmtpSink} where a peer must answer 4xx or 5xx) by the dispatcher; time
 * moved by a test clock. Dispatcher threads are off: each test drives the dispatcher itself.
 */
abstract class DeliveryContract {

  static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  static final JsonMapper JSON = JsonMapper.builder().build();
  static GreenMail greenMail;

  @TestConfiguration
  static class TestClock {
    @Bean
    @Primary
    MutableClock testClock() {
      return CLOCK;
    }
  }

  /** The SMS adapter: answers each POST with the next status of {@link #adapterAnswers} (200 when none is left). */
  static final com.sun.net.httpserver.HttpServer ADAPTER = adapter();
  static final List<Map<String, String>> ADAPTER_POSTS = new java.util.concurrent.CopyOnWriteArrayList<>();
  static final java.util.Deque<Integer> adapterAnswers = new java.util.concurrent.ConcurrentLinkedDeque<>();

  private static com.sun.net.httpserver.HttpServer adapter() {
    try {
      com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
          new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/sms", exchange -> {
        byte[] body = exchange.getRequestBody().readAllBytes();
        ADAPTER_POSTS.add(Map.of("body", new String(body, StandardCharsets.UTF_8),
            "key", String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")),
            "signed", String.valueOf(dev.tact.shared.HookSignature.verify("sms-secret",
                exchange.getRequestHeaders().getFirst(dev.tact.shared.HookSignature.HEADER), body,
                CLOCK.instant(), Duration.ofMinutes(5)))));
        Integer status = adapterAnswers.poll();
        exchange.sendResponseHeaders(status == null ? 200 : status, -1);
        exchange.close();
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @org.springframework.test.context.DynamicPropertySource
  static void smsAdapter(org.springframework.test.context.DynamicPropertyRegistry registry) {
    registry.add("tact.delivery.adapters.sms.url", () -> "http://127.0.0.1:" + ADAPTER.getAddress().getPort() + "/sms");
    registry.add("tact.delivery.adapters.sms.secret", () -> "sms-secret");
  }

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Dispatcher dispatcher;

  @Autowired
  Outbox outbox;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  @Autowired
  ConsentLedger consent;

  @Autowired
  ContactHistory history;

  @Autowired
  PolicySettingsService policySettings;

  @Autowired
  DeliveryProperties properties;

  @Autowired
  OutboxHousekeeping housekeeping;

  final HttpClient http = HttpClient.newHttpClient();
  String token;

  @BeforeAll
  static void startGreenMail() {
    greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    greenMail.start();
  }

  @AfterAll
  static void stopGreenMail() {
    greenMail.stop();
  }

  @BeforeEach
  void adminTokenAndNothingDueFromEarlierTests() {
    token = tokens.issue("delivery-tests", Role.ADMIN, null).secret();
    try (SmtpSink leftovers = new SmtpSink(false); SmtpConnection smtp = sinkConnection(leftovers)) {
      drain(smtp);
    }
  }

  @Test
  void shouldSendAReplyWithTheThreadingHeadersAndTheMessageIdOfItsRow() throws Exception {
    String customer = unique("ana") + "@customer.example";
    String first = unique("first") + "@customer.example";
    JsonNode item = deliver(plain(customer, first, "Broken kettle", "My kettle stopped working."));
    String conversationId = item.path("conversationId").asString();
    JsonNode reply = post("/api/v1/conversations/" + conversationId + "/replies",
        Map.of("text", "Please send us a photo of the base.")).body();
    OutboxEntry row = outbox.ofMessage(UUID.fromString(reply.path("id").asString())).orElseThrow();
    assertThat(row.state()).isEqualTo(OutboxState.QUEUED);
    assertThat(row.headerMessageId()).isEqualTo(reply.path("externalId").asString());
    assertThat(history.of(row.contactId())).anySatisfy(a -> assertThat(a.decisionId()).isEqualTo(row.decisionId()));

    drain(greenMailConnection());

    MimeMessage sent = receivedByGreenMail(row.headerMessageId());
    assertThat(sent.getHeader("In-Reply-To", null)).isEqualTo("<" + first + ">");
    assertThat(sent.getHeader("References", null)).isEqualTo("<" + first + ">");
    long number = get("/api/v1/conversations/" + conversationId).body().path("conversation").path("number").asLong();
    assertThat(sent.getSubject()).isEqualTo("Re: Broken kettle [#" + number + "]");
    assertThat(sent.getAllRecipients()[0].toString()).contains(customer);
    jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) sent.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getBodyPart(0).getContent().toString()).contains("Please send us a photo of the base.");
    assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
    assertThat(parts.getBodyPart(1).getContent().toString()).contains("<p>Please send us a photo of the base.</p>");
    OutboxEntry done = outbox.require(row.id());
    assertThat(done.state()).isEqualTo(OutboxState.SENT);
    assertThat(done.sentAt()).isEqualTo(CLOCK.instant());
    assertThat(done.attempts()).isEqualTo(1);
  }

  @Test
  void shouldRefuseAnExternalMessageIdThatCarriesHeadersAndStoreNothing() {
    long before = jdbc.sql("SELECT COUNT(*) FROM intake_item").query(Long.class).single();

    Answer answer = post("/api/v1/messages", Map.of("channel", "email", "sender", unique("eve") + "@inject.example",
        "subject", "Order status", "text", "Where is my order?",
        "externalMessageId", unique("id") + "@inject.example>\r\nReply-To: attacker@evil.example\r\n\r\nNew body <x"));

    assertThat(answer.status()).as(answer.raw()).isEqualTo(422);
    assertThat(answer.body().path("code").asString()).isEqualTo("control-characters");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_item").query(Long.class).single()).isEqualTo(before);
  }

  @Test
  void shouldRefuseANoticeWhoseSubjectHasALineBreakAndQueueNothing() {
    Contact contact = contact(unique("nia") + "@notice.example");
    String key = unique("notice");

    Answer answer = post("/api/v1/outbox/messages", Map.of("contactId", contact.id().toString(), "subject",
        "Your invoice\r\nBcc: everyone@evil.example", "text", "Attached.", "purpose", "transactional",
        "idempotencyKey", key));

    assertThat(answer.status()).as(answer.raw()).isEqualTo(422);
    assertThat(answer.body().path("code").asString()).isEqualTo("control-characters");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery_outbox WHERE idempotency_key = :k").param("k", key)
        .query(Long.class).single()).isZero();
  }

  @Autowired
  dev.tact.conversation.ConversationManagement conversations;

  @Test
  void shouldFailAReplyWhoseThreadingHeadersWouldCarryALineBreakAndSendNothing() throws Exception {
    // A Message-ID stored with CR/LF by a path that skipped intake's checks (older data, another channel).
    Contact contact = contact(unique("eve") + "@bypass.example");
    String injected = unique("stored") + "@bypass.example>\r\nReply-To: attacker@evil.example\r\n\r\nSmuggled body <x";
    dev.tact.conversation.InboundOutcome opened = conversations.receiveInbound(new dev.tact.conversation.InboundMessage(
        UUID.randomUUID(), null, dev.tact.shared.Channel.EMAIL, contact.id(), "Eve", "Order status",
        "Where is my order?", injected, null, null, CLOCK.instant()));

    JsonNode reply = post("/api/v1/conversations/" + opened.conversationId() + "/replies",
        Map.of("text", "It ships today.")).body();
    OutboxEntry row = outbox.ofMessage(UUID.fromString(reply.path("id").asString())).orElseThrow();
    drain(greenMailConnection());

    OutboxEntry failed = outbox.require(row.id());
    assertThat(failed.state()).isEqualTo(OutboxState.FAILED);
    assertThat(failed.lastError()).contains("In-Reply-To").containsIgnoringCase("line break");
    for (MimeMessage received : greenMail.getReceivedMessages()) {
      assertThat(received.getHeader("Reply-To")).as("no Reply-To was smuggled in").isNull();
      assertThat(received.getMessageID()).isNotEqualTo("<" + row.headerMessageId() + ">");
    }
  }

  @Autowired
  org.springframework.test.web.servlet.MockMvc mvc;

  @Test
  void shouldShowEachRepliesDeliveryStateToAgentsAndTheOutboxToAdmins() throws Exception {
    JsonNode item = deliver(plain(unique("eva") + "@ui.example", unique("ui") + "@ui.example", "Lost parcel",
        "It never came."));
    String conversationId = item.path("conversationId").asString();
    JsonNode reply = post("/api/v1/conversations/" + conversationId + "/replies", Map.of("text", "We resend it."))
        .body();
    OutboxEntry row = outbox.ofMessage(UUID.fromString(reply.path("id").asString())).orElseThrow();
    long number = get("/api/v1/conversations/" + conversationId).body().path("conversation").path("number").asLong();
    var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
        .user("admin@example.com").roles("ADMIN");

    String queued = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
        .get("/conversations/" + number).with(admin)).andReturn().getResponse().getContentAsString();
    assertThat(queued).contains("data-delivery-state=\"queued\"");
    drain(greenMailConnection());
    String sent = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
        .get("/conversations/" + number).with(admin)).andReturn().getResponse().getContentAsString();
    assertThat(sent).contains("data-delivery-state=\"sent\"").contains("sent at ");
    String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
        .get("/admin/outbox").param("state", "sent").with(admin)).andReturn().getResponse().getContentAsString();
    assertThat(page).contains(row.headerMessageId()).contains(row.id().toString());
  }

  @Test
  void shouldRetryAfterATemporaryFailureWithBackOffAndSendOnce() {
    Contact contact = contact(unique("tom") + "@retry.example");
    OutboxEntry row = queue(contact, Purpose.TRANSACTIONAL).entry();
    try (SmtpSink sink = new SmtpSink(false)) {
      sink.answerRcpt(rcpt -> rcpt.seenBefore() == 0 ? "451 4.3.0 greylisted, try later" : "250 2.1.5 OK");
      SmtpConnection smtp = sinkConnection(sink);

      drain(smtp);
      OutboxEntry waiting = outbox.require(row.id());
      assertThat(waiting.state()).isEqualTo(OutboxState.QUEUED);
      assertThat(waiting.attempts()).isEqualTo(1);
      assertThat(waiting.lastError()).contains("451");
      Duration wait = Duration.between(CLOCK.instant(), waiting.nextAttemptAt());
      assertThat(wait).isBetween(properties.retryBase().multipliedBy(8).dividedBy(10),
          properties.retryBase().multipliedBy(12).dividedBy(10));
      drain(smtp);
      assertThat(sink.acceptedCount()).isZero(); // not before its time

      CLOCK.advance(wait);
      drain(smtp);
      smtp.close();

      assertThat(sink.received()).extracting(SmtpSink.Received::messageId).containsExactly(row.headerMessageId());
      OutboxEntry sent = outbox.require(row.id());
      assertThat(sent.state()).isEqualTo(OutboxState.SENT);
      assertThat(sent.attempts()).isEqualTo(2);
      assertThat(attemptOutcomes(row.id())).containsExactly("RETRY 451", "SENT 250");
    }
  }

  @Test
  void shouldFailForGoodAndCountAHardBounceWhenThePeerRejectsTheAddress() {
    String address = unique("gone") + "@reject.example";
    Contact contact = contact(address);
    try (SmtpSink sink = new SmtpSink(false)) {
      sink.answerRcpt(rcpt -> rcpt.address().startsWith("gone") ? "550 5.1.1 no such user" : "250 OK");
      SmtpConnection smtp = sinkConnection(sink);
      OutboxEntry first = queue(contact, Purpose.TRANSACTIONAL).entry();
      drain(smtp);
      OutboxEntry failed = outbox.require(first.id());
      assertThat(failed.state()).isEqualTo(OutboxState.FAILED);
      assertThat(failed.lastError()).contains("550");
      assertThat(jdbc.sql("SELECT hard_bounces FROM delivery_address WHERE address = :a").param("a", address)
          .query(Integer.class).single()).isEqualTo(1);

      for (int i = 1; i < properties.hardBouncesUntilUndeliverable(); i++) {
        queue(contact, Purpose.TRANSACTIONAL);
        drain(smtp);
      }
      long asked = sink.rcptCommands();
      OutboxEntry later = queue(contact, Purpose.TRANSACTIONAL).entry();
      drain(smtp);
      smtp.close();

      OutboxEntry refused = outbox.require(later.id());
      assertThat(refused.state()).isEqualTo(OutboxState.FAILED);
      assertThat(refused.lastError()).contains("undeliverable");
      assertThat(sink.rcptCommands()).as("the peer is not asked again").isEqualTo(asked);
      assertThat(sink.acceptedCount()).isZero();
    }
  }

  @Test
  void shouldMarkTheMessageBouncedWhenADeliveryReportComesBack() throws Exception {
    String customer = unique("bea") + "@bounce.example";
    OutboxEntry row = replySentTo(customer, "Order 4411", "Where is it?", "It left our warehouse today.");

    JsonNode bounce = deliver(dsn(row.headerMessageId(), customer));

    assertThat(bounce.path("state").asString()).isEqualTo("done");
    awaitState(row.id(), OutboxState.BOUNCED);
    OutboxEntry bounced = outbox.require(row.id());
    assertThat(bounced.state()).isEqualTo(OutboxState.BOUNCED);
    assertThat(bounced.lastError()).contains("5.1.1");
    assertThat(jdbc.sql("SELECT hard_bounces FROM delivery_address WHERE address = :a").param("a", customer)
        .query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void shouldKeepASentMessagesRowButDiscardItsContentAfterTheRetention() throws Exception {
    String customer = unique("cas") + "@retention.example";
    OutboxEntry row = replySentTo(customer, "Order 5120", "Any news?", "It ships tomorrow.");

    housekeeping.discardOldSentContent();
    assertThat(hasContent(row.id())).as("sent just now: kept").isTrue();

    CLOCK.advance(properties.keepSentContent().plusMinutes(1));
    assertThat(housekeeping.discardOldSentContent()).isPositive();

    assertThat(hasContent(row.id())).isFalse();
    OutboxEntry kept = outbox.require(row.id());
    assertThat(kept.state()).isEqualTo(OutboxState.SENT);
    assertThat(kept.headerMessageId()).isEqualTo(row.headerMessageId());
    assertThat(kept.recipient()).isEqualTo(customer);

    deliver(dsn(row.headerMessageId(), customer));
    awaitState(row.id(), OutboxState.BOUNCED); // a late bounce is still recorded
    Answer retried = post("/api/v1/admin/outbox/" + row.id() + "/retry", Map.of());
    assertThat(retried.status()).isEqualTo(409);
    assertThat(retried.body().path("code").asString()).isEqualTo("outbox-content-discarded");
    assertThat(outbox.require(row.id()).state()).as("nothing changed").isEqualTo(OutboxState.BOUNCED);
  }

  /**
   * The customer mails {@code question}, an agent answers {@code answer}, and the dispatcher sends it to GreenMail;
   * the answer's outbox row once GreenMail has it.
   */
  private OutboxEntry replySentTo(String customer, String subject, String question, String answer) throws Exception {
    String domain = customer.substring(customer.indexOf('@'));
    JsonNode item = deliver(plain(customer, unique("q") + domain, subject, question));
    JsonNode reply = post("/api/v1/conversations/" + item.path("conversationId").asString() + "/replies",
        Map.of("text", answer)).body();
    OutboxEntry row = outbox.ofMessage(UUID.fromString(reply.path("id").asString())).orElseThrow();
    drain(greenMailConnection());
    receivedByGreenMail(row.headerMessageId());
    return row;
  }

  private boolean hasContent(UUID rowId) {
    return jdbc.sql("SELECT COUNT(*) FROM delivery_outbox WHERE id = :id AND content IS NOT NULL").param("id", rowId)
        .query(Long.class).single() == 1;
  }

  @Test
  void shouldSendADeferredMessageOnlyAfterItsNotBefore() {
    PolicySettings before = policySettings.settings();
    LocalTime now = LocalTime.ofInstant(CLOCK.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
    Map<String, String> quiet = new HashMap<>(PolicySettingsForm.of(before).quietHours());
    quiet.put("EMAIL", now.minusHours(1) + "-" + now.plusHours(2));
    PolicySettingsForm form = PolicySettingsForm.of(before);
    policySettings.update(new PolicySettingsForm(quiet, true, form.noMarketingOnWeekends(),
        form.noMarketingOnHolidays(), form.marketingCapCount(), form.marketingCapHours(),
        form.callsPerSubjectCapCount(), form.callsPerSubjectCapHours(), form.supportCoolDownDays(),
        form.legalPresets(), form.disabledPresets()), "delivery-tests");
    OutboxEntry row;
    try {
      Contact contact = contact(unique("night") + "@defer.example");
      contacts.updateProfile(contact.id(), new ContactProfile(null, null, "UTC", null, null));
      row = queue(contact, Purpose.TRANSACTIONAL).entry();
    } finally {
      policySettings.update(PolicySettingsForm.of(before), "delivery-tests");
    }
    assertThat(row.state()).isEqualTo(OutboxState.DEFERRED);
    assertThat(row.notBefore()).isAfter(CLOCK.instant().plus(Duration.ofMinutes(100)));
    try (SmtpSink sink = new SmtpSink(false)) {
      SmtpConnection smtp = sinkConnection(sink);
      drain(smtp);
      assertThat(sink.acceptedCount()).isZero();
      assertThat(outbox.require(row.id()).state()).isEqualTo(OutboxState.DEFERRED);

      CLOCK.set(row.notBefore());
      drain(smtp);
      smtp.close();
      assertThat(sink.received()).extracting(SmtpSink.Received::messageId).contains(row.headerMessageId());
      assertThat(outbox.require(row.id()).state()).isEqualTo(OutboxState.SENT);
    }
  }

  @Test
  void shouldAnswerTheSameMessageAndSendOnceWhenTheIdempotencyKeyRepeats() {
    Contact contact = contact(unique("ida") + "@idem.example");
    Map<String, Object> body = Map.of("contactId", contact.id().toString(), "subject", "Your invoice",
        "text", "Invoice 77 is attached.", "purpose", "transactional", "idempotencyKey", unique("invoice-77"));

    Answer first = post("/api/v1/outbox/messages", body);
    Answer again = post("/api/v1/outbox/messages", body);

    assertThat(first.status()).as(first.raw()).isEqualTo(201);
    assertThat(again.status()).as(again.raw()).isEqualTo(200);
    assertThat(again.body().path("id").asString()).isEqualTo(first.body().path("id").asString());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery_outbox WHERE idempotency_key = :k")
        .param("k", body.get("idempotencyKey")).query(Long.class).single()).isEqualTo(1);
    try (SmtpSink sink = new SmtpSink(false)) {
      SmtpConnection smtp = sinkConnection(sink);
      drain(smtp);
      smtp.close();
      assertThat(sink.received()).extracting(SmtpSink.Received::messageId)
          .containsOnlyOnce(first.body().path("headerMessageId").asString());
    }
  }

  @Test
  void shouldSendMarketingMailWithOneClickUnsubscribeHeaders() {
    Contact contact = contact(unique("fan") + "@news.example");
    contacts.updateProfile(contact.id(), new ContactProfile(null, null, "UTC", null, null));
    consent.record(contact.id(), new ConsentRequest(dev.tact.policy.ConsentEntry.Kind.EXPRESS, Channel.EMAIL,
        Purpose.MARKETING, null, "signup form", "ticked the box", null), "tests");
    OutboxEntry row = queue(contact, Purpose.MARKETING).entry();
    OutboxEntry notice = queue(contact(unique("plain") + "@news.example"), Purpose.TRANSACTIONAL).entry();
    assertThat(row.state()).as(row.lastError()).isIn(OutboxState.QUEUED, OutboxState.DEFERRED);
    CLOCK.set(row.notBefore() == null ? CLOCK.instant() : row.notBefore());

    try (SmtpSink sink = new SmtpSink(true)) {
      SmtpConnection smtp = sinkConnection(sink);
      drain(smtp);
      smtp.close();
      String marketing = contentOf(sink, row.headerMessageId());
      assertThat(marketing).containsPattern("(?m)^List-Unsubscribe: <https?://[^>]+/unsubscribe/[^>]+>")
          .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
      assertThat(contentOf(sink, notice.headerMessageId())).doesNotContain("List-Unsubscribe");
    }
  }

  private static String contentOf(SmtpSink sink, String messageId) {
    return sink.received().stream().filter(r -> messageId.equals(r.messageId())).findFirst()
        .map(r -> new String(r.content(), StandardCharsets.UTF_8)).orElseThrow(() -> new AssertionError(
            "no mail with Message-ID " + messageId));
  }

  @Test
  void shouldPostAnSmsReplyToTheAdapterSignedAndRetryWithTheSameKey() throws Exception {
    Answer ack = post("/api/v1/messages", Map.of("channel", "sms", "sender", "+14155550123", "text",
        "Has my order shipped?", "externalMessageId", unique("sms")));
    assertThat(ack.status()).as(ack.raw()).isEqualTo(202);
    String path = "/api/v1/messages/" + ack.body().path("itemId").asString();
    await().atMost(Duration.ofSeconds(20)).until(() -> !get(path).body().path("state").asString().equals("pending"));
    String conversationId = get(path).body().path("conversationId").asString();
    JsonNode reply = post("/api/v1/conversations/" + conversationId + "/replies", Map.of("text", "Yes, today."))
        .body();
    OutboxEntry row = outbox.ofMessage(UUID.fromString(reply.path("id").asString())).orElseThrow();
    assertThat(row.kind()).isEqualTo(OutboxKind.WEBHOOK);
    assertThat(row.channel()).isEqualTo(Channel.SMS);
    ADAPTER_POSTS.clear();
    adapterAnswers.add(503);

    try (SmtpSink unused = new SmtpSink(false); SmtpConnection smtp = sinkConnection(unused)) {
      drain(smtp);
      OutboxEntry waiting = outbox.require(row.id());
      assertThat(waiting.state()).isEqualTo(OutboxState.QUEUED);
      CLOCK.set(waiting.nextAttemptAt());
      drain(smtp);
    }

    assertThat(outbox.require(row.id()).state()).isEqualTo(OutboxState.SENT);
    assertThat(ADAPTER_POSTS).hasSize(2).allSatisfy(p -> {
      assertThat(p.get("key")).isEqualTo(row.headerMessageId());
      assertThat(p.get("signed")).isEqualTo("true");
      assertThat(JSON.readTree(p.get("body")).path("to").asString()).isEqualTo("+14155550123");
      assertThat(JSON.readTree(p.get("body")).path("text").asString()).isEqualTo("Yes, today.");
    });
  }

  @Test
  void shouldRecordADenialWithTheReasonAndSendNothing() {
    Contact contact = contact(unique("opt") + "@deny.example");
    consent.record(contact.id(), ConsentRequest.optOut(Channel.EMAIL, "test", "unsubscribed"), "tests");

    Answer answer = post("/api/v1/outbox/messages", Map.of("contactId", contact.id().toString(), "subject",
        "Winter sale", "text", "20 % off.", "purpose", "MARKETING", "idempotencyKey", unique("sale")));

    assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
    assertThat(answer.body().path("state").asString()).isEqualTo("DENIED");
    assertThat(answer.body().path("lastError").asString()).containsIgnoringCase("opt");
    assertThat(answer.body().path("nextAttemptAt").isNull()).isTrue();
  }

  @Test
  void shouldRefuseBadTransitionsWithProblemDetailsAndChangeNothing() {
    Contact contact = contact(unique("max") + "@admin.example");
    OutboxEntry row = queue(contact, Purpose.TRANSACTIONAL).entry();

    Answer retryQueued = post("/api/v1/admin/outbox/" + row.id() + "/retry", Map.of());
    assertThat(retryQueued.status()).isEqualTo(409);
    assertThat(retryQueued.body().path("code").asString()).isEqualTo("outbox-not-retryable");

    Answer cancelled = post("/api/v1/admin/outbox/" + row.id() + "/cancel", Map.of());
    assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
    assertThat(cancelled.body().path("state").asString()).isEqualTo("CANCELLED");
    Answer cancelTwice = post("/api/v1/admin/outbox/" + row.id() + "/cancel", Map.of());
    assertThat(cancelTwice.status()).isEqualTo(409);
    assertThat(outbox.require(row.id()).state()).isEqualTo(OutboxState.CANCELLED);
    Answer badState = get("/api/v1/admin/outbox?state=lost");
    assertThat(badState.status()).isEqualTo(422);

    Answer retried = post("/api/v1/admin/outbox/" + row.id() + "/retry", Map.of());
    assertThat(retried.status()).as(retried.raw()).isEqualTo(200);
    assertThat(retried.body().path("state").asString()).isEqualTo("QUEUED");
    assertThat(get("/api/v1/admin/outbox?state=queued").body().path("items").toString()).contains(row.id().toString());
  }

  @Test
  void shouldResendWithTheSameMessageIdWhenTheSendingNodesLeaseRunsOut() {
    Contact contact = contact(unique("crash") + "@lease.example");
    OutboxEntry row = queue(contact, Purpose.TRANSACTIONAL).entry();
    // A node claims everything due and dies before sending or recording anything.
    List<OutboxStore.Claimed> lost = claimAllAs("node-that-died");
    assertThat(lost).extracting(OutboxStore.Claimed::id).contains(row.id());
    try (SmtpSink sink = new SmtpSink(false)) {
      SmtpConnection smtp = sinkConnection(sink);
      drain(smtp);
      assertThat(sink.acceptedCount()).as("held under the dead node's lease").isZero();

      CLOCK.advance(properties.lease());
      drain(smtp);
      smtp.close();

      assertThat(sink.received()).extracting(SmtpSink.Received::messageId).containsOnlyOnce(row.headerMessageId());
      OutboxEntry sent = outbox.require(row.id());
      assertThat(sent.state()).isEqualTo(OutboxState.SENT);
      assertThat(sent.attempts()).isEqualTo(2);
    }
  }

  // --- helpers

  @Autowired
  OutboxStore store;

  @Autowired
  org.springframework.transaction.PlatformTransactionManager transactions;

  private List<OutboxStore.Claimed> claimAllAs(String node) {
    return new org.springframework.transaction.support.TransactionTemplate(transactions).execute(status ->
        store.claim(node, CLOCK.instant(), CLOCK.instant().plus(properties.lease()), 10_000));
  }

  Queued queue(Contact contact, Purpose purpose) {
    return outbox.queue(new OutboundRequest(contact.id(), "Notice " + unique("n"), "Hello.", purpose,
        unique("key")), "tests");
  }

  Contact contact(String email) {
    return contacts.resolve(identities.parse(email), new ContactNames(null, null, null));
  }

  SmtpConnection sinkConnection(SmtpSink sink) {
    return new SmtpConnection(new DeliveryProperties.Smtp("127.0.0.1", sink.port(), DeliveryProperties.Security.NONE,
        "", "", Duration.ofSeconds(10), ""), "support@tact.test");
  }

  SmtpConnection greenMailConnection() {
    return new SmtpConnection(new DeliveryProperties.Smtp("127.0.0.1", greenMail.getSmtp().getPort(),
        DeliveryProperties.Security.NONE, "", "", Duration.ofSeconds(10), ""), "support@tact.test");
  }

  /** Dispatches until nothing is due. */
  void drain(SmtpConnection smtp) {
    for (int rounds = 0; rounds < 1000 && dispatcher.dispatchBatch(smtp) > 0; rounds++) {
      // next batch
    }
  }

  MimeMessage receivedByGreenMail(String messageId) throws Exception {
    await().atMost(Duration.ofSeconds(10)).until(() -> find(messageId) != null);
    return find(messageId);
  }

  private static MimeMessage find(String messageId) throws Exception {
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      if (("<" + messageId + ">").equals(m.getMessageID())) {
        return m;
      }
    }
    return null;
  }

  List<String> attemptOutcomes(UUID id) {
    return jdbc.sql("SELECT outcome, reply_code FROM delivery_attempt WHERE outbox_id = :id ORDER BY attempt")
        .param("id", id).query((rs, n) -> rs.getString("outcome") + " " + rs.getInt("reply_code")).list();
  }

  record Answer(int status, JsonNode body, String raw) {}

  Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
  }

  Answer post(String path, Object body) {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token).build(),
          HttpResponse.BodyHandlers.ofString());
      String raw = response.body();
      return new Answer(response.statusCode(), raw == null || raw.isBlank() ? null : JSON.readTree(raw), raw);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonNode deliver(String mime) {
    byte[] bytes = mime.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    Answer ack = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/mail"))
        .header("Content-Type", "message/rfc822").POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    assertThat(ack.status()).as(ack.raw()).isEqualTo(202);
    String path = "/api/v1/messages/" + ack.body().path("itemId").asString();
    await().atMost(Duration.ofSeconds(20)).until(() -> !get(path).body().path("state").asString().equals("pending"));
    return get(path).body();
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String plain(String from, String messageId, String subject, String text) {
    return """
        From: %s
        To: support@acme.example
        Subject: %s
        Message-ID: <%s>
        Date: Mon, 23 Nov 2026 10:00:00 +0100
        Content-Type: text/plain; charset=UTF-8

        %s
        """.formatted(from, subject, messageId, text);
  }

  static String dsn(String originalMessageId, String recipient) {
    return """
        From: Mail Delivery System <MAILER-DAEMON@mx.customer.example>
        To: support@tact.test
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <%s>
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="BOUNDARY"

        --BOUNDARY
        Content-Type: text/plain

        Your message could not be delivered to %s: user unknown.

        --BOUNDARY
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.customer.example

        Final-Recipient: rfc822; %s
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 user unknown

        --BOUNDARY
        Content-Type: text/rfc822-headers

        From: support@tact.test
        To: %s
        Subject: Re: Order 4411
        Message-ID: <%s>

        --BOUNDARY--
        """.formatted(unique("dsn") + "@mx.customer.example", recipient, recipient, recipient, originalMessageId);
  }

  /** Bounces reach the outbox after intake's commit, as an application-module event. */
  private void awaitState(UUID rowId, OutboxState state) {
    await().atMost(Duration.ofSeconds(20)).until(() -> outbox.require(rowId).state() == state);
  }
}
