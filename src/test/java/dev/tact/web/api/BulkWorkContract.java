package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.InboundMessage;
import dev.tact.conversation.InboundOutcome;
import dev.tact.conversation.InboxQuery;
import dev.tact.conversation.SavedView;
import dev.tact.conversation.SavedViews;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import dev.tact.staff.Agent;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import tools.jackson.databind.JsonNode;

/**
 * Working in bulk over the API and the services behind the inbox: merging conversations (what moves, what the
 * source becomes, where later replies go, what is recorded), bulk changes with a partial failure, and saved views
 * with their counts. Run on H2 and on PostgreSQL.
 */
abstract class BulkWorkContract {

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ConversationManagement conversations;

  @Autowired
  SavedViews views;

  @Autowired
  StaffDirectory staff;

  private static final String PASSWORD = "bulk-test-pass-1234";

  ApiClient admin;

  @BeforeEach
  void adminToken() {
    admin = new ApiClient(port, tokens.issue("bulk-tests", Role.ADMIN, (UUID) null).secret());
  }

  @Test
  void shouldMoveMessagesIntoTheTargetAndRecordTheMergeInBothHistoriesAndTheAudit() {
    String thread = unique("thread");
    JsonNode source = conversation(Map.of("channel", "social", "sender", "twitter:@" + unique("ana"),
        "text", "my router is down", "externalThreadId", thread));
    JsonNode target = conversation(Map.of("channel", "email", "sender", unique("ana") + "@example.com",
        "subject", "Router down", "text", "The router does not connect."));
    long sourceNumber = number(source);
    long targetNumber = number(target);
    assertThat(admin.post("/api/v1/conversations/" + sourceNumber + "/tags", "{\"tags\":[\"router\"]}").status())
        .isEqualTo(200);
    assertThat(admin.post("/api/v1/conversations/" + sourceNumber + "/notes", "{\"text\":\"same as the mail\"}")
        .status()).isEqualTo(201);

    ApiClient.Response merged = admin.post("/api/v1/conversations/" + sourceNumber + "/merge",
        "{\"into\":\"#" + targetNumber + "\"}");

    assertThat(merged.status()).as(merged.raw()).isEqualTo(200);
    assertThat(merged.body().path("number").asLong()).isEqualTo(targetNumber);
    JsonNode after = details(targetNumber);
    assertThat(texts(after.path("messages"))).containsExactlyInAnyOrder("my router is down", "same as the mail",
        "The router does not connect.");
    assertThat(after.path("conversation").path("tags").toString()).contains("router");
    assertThat(kinds(after.path("history"))).contains("MERGED_FROM", "TAGGED", "NOTE_ADDED");
    assertThat(details(targetNumber).path("history").toString()).contains("[#" + sourceNumber + "]");

    JsonNode left = details(sourceNumber);
    assertThat(left.path("conversation").path("status").asString()).isEqualTo("CLOSED");
    assertThat(left.path("messages")).isEmpty();
    List<String> leftKinds = kinds(left.path("history"));
    assertThat(leftKinds.getLast()).isEqualTo("MERGED_INTO");
    assertThat(leftKinds).contains("OPENED", "TAGGED", "STATUS_CHANGED");
    assertThat(conversations.mergedInto(id(source)).orElseThrow().number()).isEqualTo(targetNumber);
    assertThat(conversations.mergedFrom(id(target))).containsExactly(sourceNumber);

    long audited = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'conversation.merged' AND target_id = :id")
        .param("id", id(source).toString()).query(Long.class).single();
    assertThat(audited).isEqualTo(1);
    long movedRecorded = jdbc.sql("""
        SELECT COUNT(*) FROM conv_merge_message mm JOIN conv_merge m ON m.id = mm.merge_id
        WHERE m.source_id = :id""").param("id", id(source)).query(Long.class).single();
    assertThat(movedRecorded).isEqualTo(2);
  }

  @Test
  void shouldThreadLaterRepliesToTheMergedAwayConversationIntoTheTarget() {
    String thread = unique("thread");
    String handle = "twitter:@" + unique("bo");
    JsonNode source = conversation(Map.of("channel", "social", "sender", handle, "text", "first", "externalThreadId",
        thread));
    JsonNode target = conversation(Map.of("channel", "social", "sender", handle, "text", "second"));
    UUID contact = UUID.fromString(source.path("conversation").path("contactId").asString());
    String emailId = unique("mail") + "@example.com";
    InboundOutcome mail = conversations.receiveInbound(inbound(Channel.EMAIL, contact)
        .externalMessageId(emailId).text("by mail too").build());
    assertThat(mail.conversationId()).isNotEqualTo(id(target));
    UUID mailConversation = mail.conversationId();

    assertThat(admin.post("/api/v1/conversations/" + number(source) + "/merge", "{\"into\":\"" + id(target) + "\"}")
        .status()).isEqualTo(200);
    conversations.merge(mailConversation, id(target), dev.tact.conversation.Actor.system());

    InboundOutcome byThread = conversations.receiveInbound(inbound(Channel.SOCIAL, contact)
        .externalThreadId(thread).text("still down").build());
    InboundOutcome byNumber = conversations.receiveInbound(inbound(Channel.SOCIAL, contact)
        .conversationReference(String.valueOf(number(source))).text("about #" + number(source)).build());
    InboundOutcome byReply = conversations.receiveInbound(inbound(Channel.EMAIL, contact)
        .repliesTo(List.of(emailId)).text("answering my mail").build());
    InboundOutcome bySubject = conversations.receiveInbound(inbound(Channel.EMAIL, contact)
        .subjectNumber(number(source)).text("Re: [#" + number(source) + "]").build());

    assertThat(List.of(byThread, byNumber, byReply, bySubject)).allSatisfy(outcome -> {
      assertThat(outcome.openedConversation()).isFalse();
      assertThat(outcome.conversationId()).isEqualTo(id(target));
    });
    assertThat(details(number(target)).path("messages")).hasSize(7);
  }

  @Test
  void shouldRefuseABadMergeWithProblemDetailsAndChangeNothing() {
    JsonNode a = conversation(Map.of("channel", "email", "sender", unique("c") + "@example.com", "subject", "a", "text", "a"));
    JsonNode b = conversation(Map.of("channel", "email", "sender", unique("c") + "@example.com", "subject", "b", "text", "b"));
    JsonNode closed = conversation(Map.of("channel", "email", "sender", unique("c") + "@example.com", "subject", "c", "text", "c"));
    admin.put("/api/v1/conversations/" + number(closed) + "/status", "{\"status\":\"closed\"}");
    String history = details(number(a)).path("history").toString();

    assertProblem(admin.post(merge(a), "{\"into\":\"" + number(a) + "\"}"), 422, "merge-into-itself");
    assertProblem(admin.post(merge(a), "{\"into\":\" \"}"), 422, "missing-target");
    assertProblem(admin.post(merge(a), "{}"), 422, "missing-target");
    assertProblem(admin.post(merge(a), "{\"into\":\"999999999\"}"), 404, "conversation-not-found");
    assertProblem(admin.post(merge(a), "{\"into\":\"" + number(closed) + "\"}"), 409, "target-closed");
    assertThat(details(number(a)).path("history").toString()).isEqualTo(history);
    assertThat(details(number(a)).path("messages")).hasSize(1);

    assertThat(admin.post(merge(a), "{\"into\":\"" + number(b) + "\"}").status()).isEqualTo(200);
    String targetHistory = details(number(b)).path("history").toString();
    assertProblem(admin.post(merge(a), "{\"into\":\"" + number(b) + "\"}"), 409, "already-merged");
    assertProblem(admin.post(merge(b), "{\"into\":\"" + number(a) + "\"}"), 409, "target-closed");
    assertThat(details(number(b)).path("history").toString()).isEqualTo(targetHistory);
    assertThat(details(number(b)).path("messages")).hasSize(2);
  }

  @Test
  void shouldApplyABulkChangeToEachAndReportTheOnesRefused() {
    Agent agent = staff.createAgent(unique("lena") + "@example.com", "Lena " + digits(), Role.AGENT, PASSWORD);
    JsonNode one = conversation(Map.of("channel", "email", "sender", unique("c") + "@example.com", "subject", "one", "text", "one"));
    JsonNode two = conversation(Map.of("channel", "email", "sender", unique("c") + "@example.com", "subject", "two", "text", "two"));
    JsonNode closed = conversation(Map.of("channel", "email", "sender", unique("c") + "@example.com", "subject", "three", "text", "three"));
    admin.put("/api/v1/conversations/" + number(closed) + "/status", "{\"status\":\"closed\"}");
    List<String> selected = List.of(String.valueOf(number(one)), id(two).toString(), "#" + number(closed),
        "999999998");

    ApiClient.Response tagged = admin.post("/api/v1/conversations/bulk", admin.json(Map.of("conversations", selected,
        "action", "add-tags", "tags", List.of("Billing", "needs follow up"))));
    assertThat(tagged.status()).as(tagged.raw()).isEqualTo(200);
    assertThat(numbers(tagged.body().path("changed"))).containsExactly(number(one), number(two), number(closed));
    assertThat(tagged.body().path("failed").get(0).path("reference").asString()).isEqualTo("999999998");

    ApiClient.Response status = admin.post("/api/v1/conversations/bulk", admin.json(Map.of("conversations",
        selected.subList(0, 3), "action", "status", "status", "pending")));
    assertThat(numbers(status.body().path("changed"))).containsExactly(number(one), number(two));
    JsonNode refused = status.body().path("failed").get(0);
    assertThat(refused.path("number").asLong()).isEqualTo(number(closed));
    assertThat(refused.path("code").asString()).isEqualTo("conversation-closed");

    ApiClient.Response assigned = admin.post("/api/v1/conversations/bulk", admin.json(Map.of("conversations",
        selected.subList(0, 2), "action", "assign", "assigneeId", agent.id().toString())));
    assertThat(numbers(assigned.body().path("changed"))).containsExactly(number(one), number(two));
    for (JsonNode c : List.of(one, two)) {
      JsonNode after = details(number(c));
      assertThat(after.path("conversation").path("status").asString()).isEqualTo("PENDING");
      assertThat(after.path("conversation").path("assigneeId").asString()).isEqualTo(agent.id().toString());
      assertThat(after.path("conversation").path("tags").toString()).contains("billing", "needs follow up");
      assertThat(kinds(after.path("history"))).contains("TAGGED", "STATUS_CHANGED", "ASSIGNED");
    }

    ApiClient.Response untagged = admin.post("/api/v1/conversations/bulk", admin.json(Map.of("conversations",
        selected.subList(0, 2), "action", "remove-tags", "tags", List.of("billing"))));
    assertThat(numbers(untagged.body().path("changed"))).hasSize(2);
    assertThat(details(number(one)).path("conversation").path("tags").toString()).doesNotContain("billing");

    ApiClient.Response merged = admin.post("/api/v1/conversations/bulk", admin.json(Map.of("conversations",
        selected.subList(0, 3), "action", "merge", "into", String.valueOf(number(one)))));
    assertThat(numbers(merged.body().path("changed"))).containsExactly(number(two), number(closed));
    assertThat(texts(details(number(one)).path("messages"))).containsExactlyInAnyOrder("one", "two", "three");
  }

  @Test
  void shouldRefuseABulkRequestWrongAsAWholeAndChangeNothing() {
    JsonNode one = conversation(Map.of("channel", "email", "sender", unique("c") + "@example.com", "subject", "one", "text", "one"));
    String history = details(number(one)).path("history").toString();
    String ref = String.valueOf(number(one));

    assertProblem(admin.post("/api/v1/conversations/bulk", admin.json(Map.of("conversations", List.of(),
        "action", "status", "status", "open"))), 422, "nothing-selected");
    assertProblem(admin.post("/api/v1/conversations/bulk", admin.json(Map.of("conversations", List.of(ref),
        "action", "explode"))), 422, "unknown-action");
    assertProblem(admin.post("/api/v1/conversations/bulk", admin.json(Map.of("conversations", List.of(ref),
        "action", "status", "status", "sleeping"))), 422, "unknown-status");
    assertProblem(admin.post("/api/v1/conversations/bulk", admin.json(Map.of("conversations", List.of(ref),
        "action", "add-tags", "tags", List.of("ok", "!bad")))), 422, "invalid-tag");
    assertProblem(admin.post("/api/v1/conversations/bulk", admin.json(Map.of("conversations", List.of(ref),
        "action", "merge"))), 422, "missing-target");
    assertProblem(admin.post("/api/v1/conversations/bulk", admin.json(Map.of("conversations", List.of(ref),
        "action", "merge", "into", ref))), 422, "nothing-to-merge");
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 201; i++) {
      tooMany.add(ref + "-" + i);
    }
    assertProblem(admin.post("/api/v1/conversations/bulk", admin.json(Map.of("conversations", tooMany,
        "action", "status", "status", "open"))), 422, "too-many-selected");
    assertThat(details(number(one)).path("history").toString()).isEqualTo(history);
  }

  @Test
  void shouldKeepSharedViewsForLeadsAndPersonalViewsForTheirOwnerWithCounts() {
    String tag = unique("vw");
    for (String text : List.of("x", "y", "z")) {
      JsonNode c = conversation(Map.of("channel", "email", "sender", unique("c") + "@example.com", "subject", text, "text", text));
      admin.post("/api/v1/conversations/" + number(c) + "/tags", "{\"tags\":[\"" + tag + "\"]}");
      if (text.equals("z")) {
        admin.put("/api/v1/conversations/" + number(c) + "/priority", "{\"priority\":\"urgent\"}");
      }
    }

    ApiClient.Response shared = admin.post("/api/v1/views", admin.json(Map.of("name", "Tagged " + tag,
        "query", "tag=" + tag + "&sort=priority", "shared", true)));
    assertThat(shared.status()).as(shared.raw()).isEqualTo(201);
    String viewId = shared.body().path("id").asString();
    assertThat(admin.get("/api/v1/views/" + viewId + "/count").body().path("count").asLong()).isEqualTo(3);
    assertThat(admin.get("/api/v1/views").body().toString()).contains("Tagged " + tag);
    JsonNode listed = admin.get("/api/v1/conversations?tag=" + tag).body();
    assertThat(listed.path("total").asLong()).isEqualTo(3);

    assertProblem(admin.post("/api/v1/views", admin.json(Map.of("name", "tagged " + tag, "query", "tag=" + tag,
        "shared", true))), 409, "view-name-taken");
    assertProblem(admin.post("/api/v1/views", admin.json(Map.of("name", " ", "query", "", "shared", true))), 422,
        "invalid-view-name");
    assertProblem(admin.post("/api/v1/views", admin.json(Map.of("name", "Bad " + tag, "query", "sort=random",
        "shared", true))), 400, "unknown-sort");
    assertProblem(admin.post("/api/v1/views", admin.json(Map.of("name", "Mine " + tag, "query", "",
        "shared", false))), 422, "personal-view-needs-agent");
    ApiClient agentToken = admin.withToken(tokens.issue("bulk-agent", Role.AGENT, (UUID) null).secret());
    assertProblem(agentToken.post("/api/v1/views", admin.json(Map.of("name", "Agent " + tag, "query", "",
        "shared", true))), 403, "shared-view-needs-lead");
    assertProblem(agentToken.delete("/api/v1/views/" + viewId), 403, "shared-view-needs-lead");

    Authentication lena = signedIn(staff.createAgent(unique("lena") + "@example.com", "Lena " + digits(),
        Role.AGENT, PASSWORD));
    Authentication priya = signedIn(staff.createAgent(unique("priya") + "@example.com", "Priya " + digits(),
        Role.AGENT, PASSWORD));
    SavedView urgent = views.create("Urgent " + tag, InboxQuery.parse("tag=" + tag + "&priority=urgent"), false,
        lena);
    assertThat(views.count(urgent, lena)).isEqualTo(1);
    assertThat(views.visibleTo(lena)).extracting(SavedView::name).contains("Tagged " + tag, "Urgent " + tag);
    assertThat(views.visibleTo(priya)).extracting(SavedView::name).doesNotContain("Urgent " + tag);
    assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ProblemException.class,
        () -> views.delete(urgent.id(), priya)).status()).isEqualTo(404);
    views.delete(urgent.id(), lena);
    assertThat(views.visibleTo(lena)).extracting(SavedView::name).doesNotContain("Urgent " + tag);

    assertThat(admin.delete("/api/v1/views/" + viewId).status()).isEqualTo(204);
    assertThat(admin.get("/api/v1/views/" + viewId + "/count").status()).isEqualTo(404);
  }

  private static Authentication signedIn(Agent agent) {
    return new UsernamePasswordAuthenticationToken(agent.email(), null,
        AuthorityUtils.createAuthorityList(Role.AGENT.authorities().toArray(String[]::new)));
  }

  private JsonNode conversation(Map<String, ?> message) {
    JsonNode item = admin.awaitProcessed(admin.acceptMessage(message));
    assertThat(item.path("state").asString()).isEqualTo("done");
    return admin.get("/api/v1/conversations/" + item.path("conversationId").asString()).body();
  }

  private JsonNode details(long number) {
    return admin.get("/api/v1/conversations/" + number).body();
  }

  private static InboundMessage.Builder inbound(Channel channel, UUID contact) {
    return InboundMessage.builder(Ids.newId(), channel).contact(contact, "Bo").receivedAt(Instant.now());
  }

  private static String merge(JsonNode conversation) {
    return "/api/v1/conversations/" + number(conversation) + "/merge";
  }

  private static long number(JsonNode conversation) {
    return conversation.path("conversation").path("number").asLong();
  }

  private static UUID id(JsonNode conversation) {
    return UUID.fromString(conversation.path("conversation").path("id").asString());
  }

  private static List<String> kinds(JsonNode history) {
    List<String> kinds = new ArrayList<>();
    history.forEach(h -> kinds.add(h.path("kind").asString()));
    return kinds;
  }

  private static List<String> texts(JsonNode messages) {
    List<String> texts = new ArrayList<>();
    messages.forEach(m -> texts.add(m.path("body").asString()));
    return texts;
  }

  private static List<Long> numbers(JsonNode array) {
    List<Long> numbers = new ArrayList<>();
    array.forEach(n -> numbers.add(n.asLong()));
    return numbers;
  }

  private static void assertProblem(ApiClient.Response response, int status, String code) {
    assertThat(response.status()).as(response.raw()).isEqualTo(status);
    assertThat(response.contentType()).contains("application/problem+json");
    assertThat(response.body().path("type").asString()).as(response.raw()).endsWith(code);
  }

  private static String digits() {
    return String.valueOf(1000 + (int) (Math.random() * 9000));
  }

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }
}
