package dev.tact.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.ContactProfile;
import dev.tact.contact.CustomerDetails;
import dev.tact.contact.IdentityParser;
import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Direction;
import dev.tact.conversation.Message;
import dev.tact.intake.InboundItems;
import dev.tact.intake.ItemState;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.MessageSubmission;
import dev.tact.policy.ConsentLedger;
import dev.tact.policy.ConsentRequest;
import dev.tact.policy.ContactHistory;
import dev.tact.shared.Channel;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.MutableClock;
import dev.tact.testsupport.WebSession;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Logging calls through the agent UI over real HTTP, on H2 and PostgreSQL: an inbound call takes intake's road into
 * a new or an existing conversation; an outbound one shows the contact policy's answer first, and is logged with it;
 * a refused one only as not placed; bad input is a readable page and changes nothing. The clock stands on a Tuesday
 * afternoon in Winnipeg, so that the calling windows allow a support call.
 */
abstract class CallsContract {

  /** Tuesday 8 December 2026, 14:00 in Winnipeg. */
  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-08T20:00:00Z"));
  static final String AGENT = "callie@tact.test";
  static final String PASSWORD = "Calls-test-pass-1";
  static final AtomicInteger SEQUENCE = new AtomicInteger(1000);
  private static final Pattern DECISION = Pattern.compile("name=\"decision\" value=\"([0-9a-f-]{36})\"");

  @TestConfiguration
  static class TestClock {
    @Bean
    @Primary
    MutableClock testClock() {
      return CLOCK;
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  StaffDirectory staff;

  @Autowired
  Calls calls;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  @Autowired
  ConversationManagement conversations;

  @Autowired
  MessageIntake intake;

  @Autowired
  InboundItems items;

  @Autowired
  ConsentLedger consent;

  @Autowired
  ContactHistory history;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  dev.tact.staff.ApiTokens tokens;

  @Autowired
  dev.tact.policy.ContactPolicyService policy;

  WebSession web;

  @BeforeEach
  void signedInAgent() {
    if (staff.findAgentByEmail(AGENT).isEmpty()) {
      staff.createAgent(AGENT, "Callie Agent", Role.AGENT, PASSWORD);
    }
    web = new WebSession(port);
    assertThat(web.logIn(AGENT, PASSWORD)).isTrue();
  }

  @Test
  void shouldLogAnInboundCallFromANewNumberThroughIntakeIntoANewConversation() {
    String number = "+1 204 555 " + SEQUENCE.incrementAndGet();

    WebSession.Page logged = web.submit("/calls/new", "/calls", fields("direction", "INBOUND", "number", number,
        "outcome", "ANSWERED", "minutes", "4", "seconds", "5", "notes", "Router keeps rebooting.", "subject",
        "Router trouble"));

    assertThat(logged.status()).as(logged.body()).isEqualTo(302);
    UUID callId = UUID.fromString(logged.location().replaceAll(".*/calls/", ""));
    LoggedCall call = await().atMost(Duration.ofSeconds(20)).until(() -> calls.require(callId), LoggedCall::filed);
    ConversationDetails conversation = conversations.requireDetails(call.conversationId());
    assertThat(conversation.conversation().channel()).isEqualTo(Channel.PHONE);
    assertThat(conversation.conversation().subject()).isEqualTo("Router trouble");
    Message message = conversation.messages().getFirst();
    assertThat(message.direction()).isEqualTo(Direction.INBOUND);
    assertThat(message.body()).startsWith("Inbound call from " + identities.phone(number).value()
        + ", answered, 4 min 05 s.").endsWith("Router keeps rebooting.");
    Contact caller = contacts.findByIdentity(identities.phone(number)).orElseThrow();
    assertThat(conversation.conversation().contactId()).isEqualTo(caller.id());
    assertThat(web.get("/calls/" + callId).body()).contains("conversation #" + conversation.conversation().number());
  }

  @Test
  void shouldContinueTheConversationACallIsLoggedFromAndGiveTheNumberToItsContact() {
    String email = "ines" + SEQUENCE.incrementAndGet() + "@customer.example";
    UUID conversationId = conversationByEmail(email, "Invoice question");
    long number = conversations.requireDetails(conversationId).conversation().number();
    Contact ines = contacts.findByIdentity(identities.email(email)).orElseThrow();
    String phone = "+1 204 555 " + SEQUENCE.incrementAndGet();

    String form = web.get("/calls/new?conversation=" + number).body();
    assertThat(form).contains(ines.name()).contains("value=\"" + number + "\" selected");
    WebSession.Page logged = web.submit("/calls/new?conversation=" + number, "/calls", fields("contact",
        ines.id().toString(), "direction", "INBOUND", "number", phone, "outcome", "ANSWERED", "minutes", "2",
        "conversation", String.valueOf(number), "notes", "Explained the second charge."));

    assertThat(logged.status()).as(logged.body()).isEqualTo(302);
    UUID callId = UUID.fromString(logged.location().replaceAll(".*/calls/", ""));
    LoggedCall call = await().atMost(Duration.ofSeconds(20)).until(() -> calls.require(callId), LoggedCall::filed);
    assertThat(call.conversationId()).isEqualTo(conversationId);
    assertThat(conversations.requireDetails(conversationId).messages()).hasSize(2).last()
        .satisfies(m -> assertThat(m.body()).contains("Explained the second charge."));
    assertThat(contacts.require(ines.id()).identities()).anySatisfy(i -> assertThat(i.value())
        .isEqualTo(identities.phone(phone).value()));
  }

  @Test
  void shouldShowThePolicysAnswerBeforeAnOutboundCallAndLogTheCallWithIt() {
    Contact callee = phoneContact("Olu Outbound");
    String found = web.get("/calls/new?q=" + identities.phone(callee.identities().getFirst().value()).value()
        .replace("+", "%2B")).body();
    assertThat(found).contains("Olu Outbound");

    WebSession.Page asked = web.submit("/calls/new?contact=" + callee.id(), "/calls", fields("contact",
        callee.id().toString(), "direction", "OUTBOUND", "outcome", "ANSWERED", "minutes", "3", "purpose",
        "TRANSACTIONAL", "notes", "Confirmed the engineer's visit."));

    assertThat(asked.status()).as(asked.body()).isEqualTo(200);
    assertThat(asked.body()).contains("The contact policy's answer").contains("allowed");
    assertThat(callCount()).as("asking logs nothing").isZero();
    String decision = decisionOn(asked.body());

    WebSession.Page logged = web.submit("/calls/new?contact=" + callee.id(), "/calls", fields("contact",
        callee.id().toString(), "decision", decision, "direction", "OUTBOUND", "outcome", "ANSWERED", "minutes", "3",
        "purpose", "TRANSACTIONAL", "notes", "Confirmed the engineer's visit."));

    assertThat(logged.status()).as(logged.body()).isEqualTo(302);
    long number = Long.parseLong(logged.location().replaceAll(".*/conversations/", ""));
    ConversationDetails conversation = conversations.requireDetails(conversations.requireByReference(
        String.valueOf(number)).id());
    assertThat(conversation.conversation().contactId()).isEqualTo(callee.id());
    assertThat(conversation.messages()).singleElement().satisfies(m -> {
      assertThat(m.direction()).isEqualTo(Direction.OUTBOUND);
      assertThat(m.channel()).isEqualTo(Channel.PHONE);
      assertThat(m.authorName()).isEqualTo("Callie Agent");
      assertThat(m.body()).contains("Outbound call to " + callee.identities().getFirst().value() + ", answered, 3 min 00 s")
          .contains("Contact policy: allowed").contains("Confirmed the engineer's visit.");
    });
    LoggedCall call = calls.recent(1).getFirst();
    assertThat(call.decisionId()).hasToString(decision);
    assertThat(history.of(callee.id())).anySatisfy(a -> assertThat(a.decisionId()).hasToString(decision));
  }

  @Test
  void shouldMakeAContactOfANewNumberAnOutboundCallIsAskedForAndLogItWithTheAnswer() {
    String number = "(204) 555-" + SEQUENCE.incrementAndGet();
    String e164 = identities.phone(number).value();
    assertThat(contacts.findByIdentity(identities.phone(number))).isEmpty();

    WebSession.Page asked = web.submit("/calls/new", "/calls", fields("direction", "OUTBOUND", "number", number,
        "purpose", "TRANSACTIONAL", "outcome", "VOICEMAIL", "seconds", "40"));

    assertThat(asked.status()).as(asked.body()).isEqualTo(200);
    Contact created = contacts.findByIdentity(identities.phone(number)).orElseThrow();
    assertThat(asked.body()).contains("name=\"contact\" value=\"" + created.id() + "\"").contains("allowed");
    WebSession.Page logged = web.submit("/calls/new", "/calls", fields("contact", created.id().toString(),
        "decision", decisionOn(asked.body()), "direction", "OUTBOUND", "number", number, "purpose", "TRANSACTIONAL",
        "outcome", "VOICEMAIL", "seconds", "40"));

    assertThat(logged.status()).as(logged.body()).isEqualTo(302);
    LoggedCall call = calls.recent(1).getFirst();
    assertThat(call.contactId()).isEqualTo(created.id());
    assertThat(call.phone()).isEqualTo(e164);
    assertThat(conversations.requireDetails(call.conversationId()).messages()).singleElement()
        .satisfies(m -> assertThat(m.body()).startsWith("Outbound call to " + e164 + ", voicemail left, 40 s."));
  }

  @Test
  void shouldLogACallThePolicyRefusesOnlyAsNotPlacedAndChangeNothingOtherwise() {
    Contact callee = phoneContact("Dana Donotcall");
    consent.record(callee.id(), ConsentRequest.optOut(Channel.PHONE, "phone", "asked not to be called"),
        "tests");
    WebSession.Page asked = web.submit("/calls/new?contact=" + callee.id(), "/calls", fields("contact",
        callee.id().toString(), "direction", "OUTBOUND", "purpose", "MARKETING", "outcome", "ANSWERED"));
    assertThat(asked.body()).contains("refused").contains("It can be logged only as not placed.");
    assertThat(asked.body()).doesNotContain("<option value=\"ANSWERED\"");
    String decision = decisionOn(asked.body());
    long conversationsBefore = conversationCount();

    WebSession.Page placed = web.submit("/calls/new?contact=" + callee.id(), "/calls", fields("contact",
        callee.id().toString(), "decision", decision, "direction", "OUTBOUND", "purpose", "MARKETING", "outcome",
        "ANSWERED"));

    assertThat(placed.status()).isEqualTo(422);
    assertThat(placed.body()).contains("can be logged only as not placed");
    assertThat(callCount()).isZero();
    assertThat(conversationCount()).isEqualTo(conversationsBefore);
    assertThat(history.of(callee.id())).isEmpty();

    WebSession.Page notPlaced = web.submit("/calls/new?contact=" + callee.id(), "/calls", fields("contact",
        callee.id().toString(), "decision", decision, "direction", "OUTBOUND", "purpose", "MARKETING", "outcome",
        "NOT_PLACED", "notes",
        "They are on our do-not-call list."));
    assertThat(notPlaced.status()).as(notPlaced.body()).isEqualTo(302);
    LoggedCall call = calls.recent(1).getFirst();
    assertThat(call.outcome()).isEqualTo(CallOutcome.NOT_PLACED);
    assertThat(conversations.requireDetails(call.conversationId()).messages()).singleElement()
        .satisfies(m -> {
          assertThat(m.direction()).isEqualTo(Direction.NOTE);
          assertThat(m.body()).contains("not placed").contains("Contact policy: refused");
        });
    assertThat(history.of(callee.id())).as("a call not placed is no contact").isEmpty();
  }

  @Test
  void shouldAnswerBadInputWithAReadablePageAndStoreNothing() {
    UUID conversationId = conversationByEmail("someone" + SEQUENCE.incrementAndGet() + "@customer.example", "Mine");
    String someoneElsesNumber = phoneContact("Someone Else").identities().getFirst().value();
    long items = itemCount();
    for (Map<String, String> bad : List.of(
        fields("direction", "INBOUND", "outcome", "ANSWERED"),
        fields("direction", "INBOUND", "number", "not a number", "outcome", "ANSWERED"),
        fields("direction", "INBOUND", "number", "+1 204 555 0199", "outcome", "NOT_PLACED"),
        fields("direction", "INBOUND", "number", "+1 204 555 0199", "outcome", "ANSWERED", "seconds", "75"),
        fields("direction", "SIDEWAYS", "number", "+1 204 555 0199", "outcome", "ANSWERED"),
        fields("direction", "INBOUND", "number", someoneElsesNumber, "outcome", "ANSWERED", "conversation",
            String.valueOf(conversations.requireDetails(conversationId).conversation().number())))) {
      WebSession.Page page = web.submit("/calls/new", "/calls", bad);
      assertThat(page.status()).as(bad.toString()).isEqualTo(422);
      assertThat(page.body()).contains("class=\"problem\"").contains("Log a call");
    }
    assertThat(callCount()).isZero();
    assertThat(itemCount()).isEqualTo(items);
  }

  @Test
  void shouldLogCallsOverTheApiWithTheSameRulesAndProblemDetails() {
    dev.tact.testsupport.JsonApi api = new dev.tact.testsupport.JsonApi(port,
        tokens.issue("calls-api-" + SEQUENCE.incrementAndGet(), Role.AGENT, null).secret());
    Contact callee = phoneContact("Api Callee");
    consent.record(callee.id(), ConsentRequest.optOut(Channel.PHONE, "phone", "no sales calls"),
        "tests");

    dev.tact.testsupport.JsonApi.Answer unasked = api.post("/api/v1/calls", Map.of("contactId",
        callee.id().toString(), "direction", "outbound", "outcome", "answered"));
    assertThat(unasked.status()).as(unasked.raw()).isEqualTo(422);
    assertThat(unasked.body().path("type").asString()).contains("policy-not-asked");

    UUID refused = policy.decide(new dev.tact.policy.DecisionRequest(callee.id(), Channel.PHONE,
        dev.tact.policy.Purpose.MARKETING, null, null), "tests").id();
    dev.tact.testsupport.JsonApi.Answer placed = api.post("/api/v1/calls", Map.of("contactId",
        callee.id().toString(), "direction", "outbound", "outcome", "answered", "decisionId", refused.toString()));
    assertThat(placed.status()).as(placed.raw()).isEqualTo(409);
    assertThat(placed.body().path("type").asString()).contains("call-refused");
    assertThat(callCount()).isZero();

    UUID allowed = policy.decide(new dev.tact.policy.DecisionRequest(callee.id(), Channel.PHONE,
        dev.tact.policy.Purpose.TRANSACTIONAL, null, null), "tests").id();
    dev.tact.testsupport.JsonApi.Answer logged = api.post("/api/v1/calls", Map.of("contactId",
        callee.id().toString(), "direction", "outbound", "outcome", "answered", "durationSeconds", 95,
        "decisionId", allowed.toString(), "notes", "Booked the repair."));
    assertThat(logged.status()).as(logged.raw()).isEqualTo(201);
    assertThat(logged.body().path("decisionOutcome").asString()).isEqualTo("ALLOW");
    assertThat(logged.body().path("conversationNumber").asLong()).isPositive();
    assertThat(api.get("/api/v1/calls/" + logged.body().path("id").asString()).body().path("notes").asString())
        .isEqualTo("Booked the repair.");
  }

  @org.junit.jupiter.api.AfterEach
  void forgetCalls() {
    jdbc.sql("DELETE FROM calls_log").update();
  }

  Contact phoneContact(String name) {
    Contact contact = contacts.create(new ContactNames(name + " " + SEQUENCE.incrementAndGet(), null, null),
        List.of(identities.phone("+1 204 555 " + SEQUENCE.incrementAndGet())), new CustomerDetails(null, null));
    return contacts.updateProfile(contact.id(), new ContactProfile(null, null, "America/Winnipeg", "CA", "MB"));
  }

  UUID conversationByEmail(String email, String subject) {
    UUID item = intake.submit(new MessageSubmission("email", email, "Ines Caller", null, null, subject,
        "Why was I charged twice?", "mail-" + UUID.randomUUID(), null, null)).itemId();
    return await().atMost(Duration.ofSeconds(20)).until(() -> items.require(item),
        i -> i.state() == ItemState.DONE).conversationId();
  }

  static String decisionOn(String page) {
    Matcher m = DECISION.matcher(page);
    assertThat(m.find()).as("a decision on the page").isTrue();
    return m.group(1);
  }

  static Map<String, String> fields(String... pairs) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      fields.put(pairs[i], pairs[i + 1]);
    }
    return fields;
  }

  long callCount() {
    return jdbc.sql("SELECT COUNT(*) FROM calls_log").query(Long.class).single();
  }

  long conversationCount() {
    return jdbc.sql("SELECT COUNT(*) FROM conv_conversation").query(Long.class).single();
  }

  long itemCount() {
    return jdbc.sql("SELECT COUNT(*) FROM intake_item").query(Long.class).single();
  }
}
