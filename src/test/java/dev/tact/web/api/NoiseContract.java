package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.audit.AuditEntry;
import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditQuery;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactProfile;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.shared.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Noise control through the real intake (raw mail over HTTP, the pipeline, the API), run on H2
 * and on PostgreSQL. Subclasses set {@code tact.mail.staff-domains=acme.example},
 * {@code tact.noise.per-sender=3} and {@code tact.noise.per-domain=10}; each test uses senders of its own domain.
 */
abstract class NoiseContract {

  static final String PITCH = """
      We are a leading provider of cloud based procurement software and we would love to show you how
      companies like yours cut purchasing costs by thirty percent within the first quarter. Our platform
      connects to your existing accounting system in one afternoon and needs no training. May I book twenty
      minutes with you next week for a short demonstration? Read the case study at
      https://pitch.example/case-study?utm_source=%s&utm_campaign=q4
      """;

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  ContactManagement contacts;

  @Autowired
  AuditLog auditLog;

  ApiClient admin;

  @BeforeEach
  void adminToken() {
    admin = new ApiClient(port, tokens.issue("noise-tests-" + UUID.randomUUID(), Role.ADMIN, null).secret());
  }

  @Test
  void shouldJoinACopyForwardedByAnotherStaffMemberAsAReportWithTheComment() {
    String vendor = unique("vera") + "@" + unique("vendor") + ".example";
    JsonNode first = deliver(forward("ian@acme.example", "Ian IT", "Is this legit?", vendor, "Dear Ian,", "ian"));
    JsonNode second = deliver(forward("fay@acme.example", "Fay Finance", "Another one of these…", vendor,
        "Dear Fay,", "fay"));

    assertThat(first.path("state").asString()).isEqualTo("done");
    assertThat(second.path("state").asString()).isEqualTo("done");
    assertThat(second.path("conversationId").asString()).isEqualTo(first.path("conversationId").asString());
    JsonNode reports = reports(first);
    assertThat(reports).hasSize(2);
    assertThat(reports.get(0).path("kind").asString()).isEqualTo("ORIGINAL");
    assertThat(reports.get(1).path("kind").asString()).isEqualTo("DUPLICATE");
    assertThat(reports.get(1).path("reporter").asString()).isEqualTo("Fay Finance <fay@acme.example>");
    assertThat(reports.get(1).path("comment").asString()).isEqualTo("Another one of these…");
    assertThat(reports.get(1).path("inboundItemId").asString()).isEqualTo(second.path("itemId").asString());
    assertThat(conversation(first).path("messages")).hasSize(1);
  }

  @Test
  void shouldOpenOneConversationEachWhenDifferentSendersAskTheSameQuestion() {
    String domain = unique("customers") + ".example";
    String question = "Hello, what is my current balance? I would like to know before the end of the month.";
    JsonNode ana = deliver(plain("ana@" + domain, unique("a"), "Balance", question));
    JsonNode bo = deliver(plain("bo@" + domain, unique("b"), "Balance", question));

    assertThat(ana.path("conversationId").asString()).isNotEqualTo(bo.path("conversationId").asString());
    assertThat(reports(ana)).hasSize(1);
    assertThat(reports(bo)).hasSize(1);
  }

  @Test
  void shouldJoinTheSameSendersCopyToAnotherOfOurAddressesWithAnotherSalutation() {
    String vendor = "sam@" + unique("pitch") + ".example";
    JsonNode first = deliver(plain(vendor, unique("p1"), "Save 30%", "Dear purchasing team,\n" + PITCH.formatted("a")));
    JsonNode second = deliver(plain(vendor, unique("p2"), "Save 30%", "Hi finance,\n" + PITCH.formatted("b")));

    assertThat(second.path("conversationId").asString()).isEqualTo(first.path("conversationId").asString());
    assertThat(reports(first)).hasSize(2);
  }

  @Test
  void shouldMarkAnExactRedeliveryOfAJoinedCopyAsDuplicateAndLinkItOnce() {
    String vendor = unique("rex") + "@" + unique("vendor") + ".example";
    JsonNode first = deliver(forward("ian@acme.example", "Ian IT", "fyi", vendor, "Dear Ian,", "r1"));
    String copyId = unique("copy") + "@acme.example";
    String copy = forward("fay@acme.example", "Fay", "fyi too", vendor, "Dear Fay,", "r2")
        .replaceFirst("Message-ID: <[^>]+>", "Message-ID: <" + copyId + ">");
    JsonNode joined = deliver(copy);
    JsonNode again = deliver(copy);

    assertThat(joined.path("state").asString()).isEqualTo("done");
    assertThat(again.path("state").asString()).isEqualTo("duplicate");
    assertThat(again.path("conversationId").asString()).isEqualTo(first.path("conversationId").asString());
    assertThat(reports(first)).hasSize(2);
  }

  @Test
  void shouldSplitAWronglyJoinedReportIntoAConversationOfItsOwn() {
    String vendor = unique("sid") + "@" + unique("vendor") + ".example";
    JsonNode first = deliver(forward("ian@acme.example", "Ian IT", "look", vendor, "Dear Ian,", "s1"));
    JsonNode second = deliver(forward("fay@acme.example", "Fay Finance", "again", vendor, "Dear Fay,", "s2"));
    JsonNode reports = reports(first);
    String duplicate = reports.get(1).path("id").asString();
    String original = reports.get(0).path("id").asString();
    String path = "/api/v1/conversations/" + first.path("conversationId").asString() + "/reports/";

    ApiClient.Response split = admin.post(path + duplicate + "/split", "");

    assertThat(split.status()).as(split.raw()).isEqualTo(201);
    String newConversation = split.body().path("id").asString();
    assertThat(newConversation).isNotEqualTo(first.path("conversationId").asString());
    JsonNode after = reports(first);
    assertThat(after.get(1).path("splitToConversationId").asString()).isEqualTo(newConversation);
    JsonNode opened = admin.get("/api/v1/conversations/" + newConversation).body();
    assertThat(opened.path("messages").get(0).path("body").asString()).contains("procurement software");
    assertThat(opened.path("messages").get(0).path("id").asString()).isEqualTo(duplicate);
    assertThat(admin.get("/api/v1/conversations/" + newConversation + "/reports").body()).hasSize(1);
    assertThat(admin.post(path + duplicate + "/split", "").status()).isEqualTo(409);
    assertThat(admin.post(path + original + "/split", "").status()).isEqualTo(409);
    assertThat(admin.post(path + UUID.randomUUID() + "/split", "").status()).isEqualTo(404);
    assertThat(second.path("conversationId").asString()).isEqualTo(first.path("conversationId").asString());
    assertThat(admin.get("/api/v1/messages/" + second.path("itemId").asString()).body().path("conversationId")
        .asString()).as("the item follows its split report").isEqualTo(newConversation);
  }

  @Test
  void shouldHoldASendersMessagesPastTheLimitInOneGroupAndFileThemWhenReleased() {
    String bomber = "bomb@" + unique("bomb") + ".example";
    JsonNode[] items = new JsonNode[5];
    for (int i = 0; i < items.length; i++) {
      items[i] = deliver(plain(bomber, unique("m" + i), "Order " + i, "Distinct complaint number " + i
          + " about a different order of mine, " + UUID.randomUUID() + "."));
    }

    assertThat(items[2].path("state").asString()).isEqualTo("done");
    assertThat(items[3].path("state").asString()).isEqualTo("suppressed");
    assertThat(logged(items[4]).path("note").asString()).contains("Held");
    JsonNode group = heldGroupOf("sender:" + bomber);
    assertThat(group.path("count").asInt()).isEqualTo(2);
    assertThat(group.path("sampleSubject").asString()).isEqualTo("Order 3");
    String id = group.path("id").asString();
    assertThat(admin.get("/api/v1/noise/held/" + id).body().path("messages")).hasSize(2);

    ApiClient.Response released = admin.post("/api/v1/noise/held/" + id + "/release", "");

    assertThat(released.status()).as(released.raw()).isEqualTo(200);
    assertThat(released.body().path("status").asString()).isEqualTo("RELEASED");
    JsonNode filed = admin.awaitProcessed(items[4]);
    assertThat(filed.path("state").asString()).isEqualTo("done");
    assertThat(admin.awaitProcessed(items[3]).path("conversationId").asString()).isNotBlank();
    assertThat(admin.post("/api/v1/noise/held/" + id + "/discard", "").status()).isEqualTo(409);
  }

  @Test
  void shouldKeepADiscardedGroupsMessagesUnfiledInTheLog() {
    String bomber = "spam@" + unique("flood") + ".example";
    JsonNode last = null;
    for (int i = 0; i < 4; i++) {
      last = deliver(plain(bomber, unique("d" + i), "Offer " + i, "Distinct offer " + i + " " + UUID.randomUUID()));
    }
    String id = heldGroupOf("sender:" + bomber).path("id").asString();

    ApiClient.Response discarded = admin.post("/api/v1/noise/held/" + id + "/discard", "");

    assertThat(discarded.body().path("status").asString()).isEqualTo("DISCARDED");
    JsonNode item = logged(last);
    assertThat(item.path("state").asString()).isEqualTo("SUPPRESSED");
    assertThat(item.path("note").asString()).contains("discarded");
    assertThat(admin.get("/api/v1/noise/held/" + id).body().path("messages").get(0).path("state").asString())
        .isEqualTo("DISCARDED");
  }

  @Test
  void shouldRefuseAgentAndLeadTokensToSeeReleaseOrDiscardAHeldGroup() {
    String bomber = "quiet@" + unique("bomb") + ".example";
    for (int i = 0; i < 4; i++) {
      deliver(plain(bomber, unique("q" + i), "Claim " + i, "Distinct claim " + i + " " + UUID.randomUUID()));
    }
    String id = heldGroupOf("sender:" + bomber).path("id").asString();

    for (Role role : new Role[] {Role.AGENT, Role.LEAD}) {
      ApiClient client = admin.withToken(tokens.issue("noise-" + role + "-" + UUID.randomUUID(), role, null).secret());
      for (ApiClient.Response refused : new ApiClient.Response[] {client.post("/api/v1/noise/held/" + id + "/release",
          ""), client.post("/api/v1/noise/held/" + id + "/discard", ""), client.get("/api/v1/noise/held"),
          client.get("/api/v1/noise/held/" + id)}) {
        assertThat(refused.status()).as(role + ": " + refused.raw()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("code").asString()).isEqualTo("forbidden");
      }
    }
    assertThat(admin.get("/api/v1/noise/held/" + id).body().path("group").path("status").asString())
        .isEqualTo("HELD");
    assertThat(auditLog.search(new AuditQuery(null, null, id, null, null, null), new PageRequest(0, 10)).items())
        .isEmpty();
  }

  @Test
  void shouldRecordWhoReleasedOrDiscardedAHeldGroupInTheAuditLog() {
    String released = heldGroupOf("sender:" + flood("rel")).path("id").asString();
    String discarded = heldGroupOf("sender:" + flood("dis")).path("id").asString();

    assertThat(admin.post("/api/v1/noise/held/" + released + "/release", "").status()).isEqualTo(200);
    assertThat(admin.post("/api/v1/noise/held/" + discarded + "/discard", "").status()).isEqualTo(200);

    AuditEntry release = onlyAuditEntryOf(released);
    assertThat(release.action()).isEqualTo("noise.held.released");
    assertThat(release.targetType()).isEqualTo("heldGroup");
    assertThat(release.actor().name()).contains("noise-tests-");
    assertThat(release.summary()).contains("sender:").contains("2 messages");
    assertThat(release.before()).contains("HELD");
    assertThat(release.after()).contains("RELEASED");
    AuditEntry discard = onlyAuditEntryOf(discarded);
    assertThat(discard.action()).isEqualTo("noise.held.discarded");
    assertThat(discard.summary()).contains("2 messages");
  }

  /** Five different messages from one new sender: the last two are held (per sender: 3). Answers the sender. */
  String flood(String prefix) {
    String bomber = prefix + "@" + unique("flood") + ".example";
    for (int i = 0; i < 5; i++) {
      deliver(plain(bomber, unique(prefix + i), "Offer " + i, "Distinct offer " + i + " " + UUID.randomUUID()));
    }
    return bomber;
  }

  AuditEntry onlyAuditEntryOf(String targetId) {
    List<AuditEntry> entries = auditLog.search(new AuditQuery(null, null, targetId, null, null, null),
        new PageRequest(0, 10)).items();
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  @Test
  void shouldNotHoldFiftyDifferentCustomersOfAFreeMailProviderButFiftySendersOfOneSmallDomain() {
    List<JsonNode> gmail = deliverAll(IntStream.range(0, 50).mapToObj(i -> plain(unique("customer" + i) + "@gmail.com",
        unique("g" + i), "Question " + i, "My own question number " + i + " " + UUID.randomUUID())).toList());
    String small = unique("small") + ".example";
    List<JsonNode> smallDomain = deliverAll(IntStream.range(0, 50).mapToObj(i -> plain("person" + i + "@" + small,
        unique("s" + i), "Offer " + i, "Another offer number " + i + " " + UUID.randomUUID())).toList());

    assertThat(gmail).allSatisfy(item -> assertThat(item.path("state").asString()).isEqualTo("done"));
    assertThat(heldGroups().stream().map(g -> g.path("scope").asString())).doesNotContain("domain:gmail.com");
    assertThat(smallDomain.stream().filter(item -> item.path("state").asString().equals("done"))).hasSize(10);
    assertThat(heldGroupOf("domain:" + small).path("count").asInt()).isEqualTo(40);
  }

  @Test
  void shouldLetAnAdminAddAndRemoveFreeMailDomainsWithEachEditAudited() {
    String domain = unique("free") + ".example";
    String path = "/api/v1/admin/noise/free-mail-domains/" + domain;
    assertThat(admin.get(path).body().path("listed").asBoolean()).isFalse();

    ApiClient.Response added = admin.put(path, "");

    assertThat(added.status()).as(added.raw()).isEqualTo(200);
    assertThat(added.body().path("listed").asBoolean()).isTrue();
    assertThat(added.body().path("shipped").asBoolean()).isFalse();
    assertThat(deliverAll(IntStream.range(0, 12).mapToObj(i -> plain("user" + i + "@" + domain, unique("f" + i),
        "Hello " + i, "A question of my own " + i + " " + UUID.randomUUID())).toList()))
        .allSatisfy(item -> assertThat(item.path("state").asString()).isEqualTo("done"));

    assertThat(admin.delete(path).status()).isEqualTo(200);

    assertThat(admin.get(path).body().path("listed").asBoolean()).isFalse();
    List<JsonNode> after = deliverAll(IntStream.range(0, 12).mapToObj(i -> plain("other" + i + "@" + domain,
        unique("o" + i), "Hi " + i, "Yet another question " + i + " " + UUID.randomUUID())).toList());
    assertThat(after.stream().filter(item -> item.path("state").asString().equals("done"))).hasSize(10);
    List<AuditEntry> edits = auditLog.search(new AuditQuery("noise.free-mail.", null, domain, null, null, null),
        new PageRequest(0, 10)).items();
    assertThat(edits).extracting(AuditEntry::action)
        .containsExactly("noise.free-mail.removed", "noise.free-mail.added");
    assertThat(edits.get(1).actor().name()).startsWith("noise-tests-");
  }

  @Test
  void shouldShipAListOfFreeMailProvidersThatAnAdminCanTakeADomainOffAndPutBack() {
    ApiClient.Response shipped = admin.get("/api/v1/admin/noise/free-mail-domains?q=gmx&size=100");
    assertThat(shipped.status()).as(shipped.raw()).isEqualTo(200);
    assertThat(shipped.body().path("total").asInt()).isPositive();
    assertThat(shipped.body().path("items").toString()).contains("\"gmx.de\"");
    String path = "/api/v1/admin/noise/free-mail-domains/yandex.ru";
    assertThat(admin.get(path).body().path("shipped").asBoolean()).isTrue();

    assertThat(admin.delete(path).body().path("listed").asBoolean()).isFalse();
    assertThat(admin.get(path).body().path("listed").asBoolean()).isFalse();
    assertThat(admin.put(path, "").body().path("listed").asBoolean()).isTrue();

    assertThat(admin.put("/api/v1/admin/noise/free-mail-domains/not%20a%20domain", "").status()).isEqualTo(422);
    ApiClient.Response agent = admin.withToken(tokens.issue("noise-agent-" + UUID.randomUUID(), Role.AGENT, null)
        .secret()).delete("/api/v1/admin/noise/free-mail-domains/gmail.com");
    assertThat(agent.status()).isEqualTo(403);
    assertThat(admin.get("/api/v1/admin/noise/free-mail-domains/gmail.com").body().path("listed").asBoolean())
        .isTrue();
  }

  @Test
  void shouldNotHoldStaffOrACustomerWithATier() {
    for (int i = 0; i < 5; i++) {
      JsonNode item = deliver(plain("olga@acme.example", unique("o" + i), "Internal " + i, "Internal note " + i + " "
          + UUID.randomUUID()));
      assertThat(item.path("state").asString()).isEqualTo("done");
    }
    String vip = "vip@" + unique("big") + ".example";
    JsonNode first = deliver(plain(vip, unique("v0"), "First", "A first question " + UUID.randomUUID()));
    contacts.updateProfile(UUID.fromString(first.path("contactId").asString()),
        new ContactProfile(null, null, null, null, null, "vip"));
    for (int i = 1; i < 6; i++) {
      JsonNode item = deliver(plain(vip, unique("v" + i), "More " + i, "Another question " + UUID.randomUUID()));
      assertThat(item.path("state").asString()).isEqualTo("done");
    }
  }

  @Test
  void shouldHoldStaffAndTierCustomersWhoseMailFailsAuthentication() {
    String failing = "Authentication-Results: mx.tact.test; spf=fail smtp.mailfrom=%s; dmarc=fail header.from=%s\n";
    String staff = unique("olga") + "@acme.example";
    List<String> staffStates = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      staffStates.add(deliver(failing.formatted("acme.example", "acme.example") + plain(staff, unique("s" + i),
          "Internal " + i, "Internal note " + i + " " + UUID.randomUUID())).path("state").asString());
    }
    assertThat(staffStates).as("a forged staff address is rate limited").contains("suppressed");

    String domain = unique("big") + ".example";
    String vip = "vip@" + domain;
    JsonNode first = deliver(plain(vip, unique("v0"), "First", "A first question " + UUID.randomUUID()));
    contacts.updateProfile(UUID.fromString(first.path("contactId").asString()),
        new ContactProfile(null, null, null, null, null, "vip"));
    List<String> vipStates = new java.util.ArrayList<>();
    for (int i = 1; i < 6; i++) {
      vipStates.add(deliver(failing.formatted(domain, domain) + plain(vip, unique("v" + i), "More " + i,
          "Another question " + UUID.randomUUID())).path("state").asString());
    }
    assertThat(vipStates).as("mail that fails authentication is no VIP's").contains("suppressed");
  }

  @Test
  void shouldRefuseBadLimitsAndKeepTheOldOnes() {
    JsonNode before = admin.get("/api/v1/admin/noise/limits").body();
    ApiClient.Response bad = admin.put("/api/v1/admin/noise/limits",
        "{\"perSender\":0,\"perDomain\":5,\"windowSeconds\":3600}");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(admin.get("/api/v1/admin/noise/limits").body()).isEqualTo(before);
    assertThat(admin.put("/api/v1/admin/noise/limits/" + UUID.randomUUID(),
        "{\"perSender\":5,\"perDomain\":5,\"windowSeconds\":3600}").status()).isEqualTo(404);
  }

  JsonNode logged(JsonNode status) {
    return admin.get("/api/v1/admin/inbound/" + status.path("itemId").asString()).body();
  }

  List<JsonNode> heldGroups() {
    List<JsonNode> groups = new java.util.ArrayList<>();
    admin.get("/api/v1/noise/held").body().forEach(groups::add);
    return groups;
  }

  JsonNode heldGroupOf(String scope) {
    for (JsonNode group : heldGroups()) {
      if (group.path("scope").asString().equals(scope)) {
        return group;
      }
    }
    throw new AssertionError("no held group for " + scope);
  }

  JsonNode deliver(String mime) {
    byte[] bytes = mime.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    ApiClient.Response response = admin.postBytes("/api/v1/mail", bytes, "message/rfc822");
    assertThat(response.status()).as(response.raw()).isEqualTo(202);
    return admin.awaitProcessed(response.body());
  }

  /** Posts every mail first, then waits for each: the pipeline works through them together. */
  List<JsonNode> deliverAll(List<String> mimes) {
    List<JsonNode> accepted = mimes.stream().map(mime -> {
      byte[] bytes = mime.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
      ApiClient.Response response = admin.postBytes("/api/v1/mail", bytes, "message/rfc822");
      assertThat(response.status()).as(response.raw()).isEqualTo(202);
      return response.body();
    }).toList();
    return accepted.stream().map(admin::awaitProcessed).toList();
  }

  JsonNode conversation(JsonNode item) {
    return admin.get("/api/v1/conversations/" + item.path("conversationId").asString()).body();
  }

  JsonNode reports(JsonNode item) {
    ApiClient.Response response = admin.get("/api/v1/conversations/" + item.path("conversationId").asString()
        + "/reports");
    assertThat(response.status()).as(response.raw()).isEqualTo(200);
    return response.body();
  }

  static String forward(String staff, String staffName, String comment, String vendor, String salutation,
      String tracking) {
    return """
        From: %s <%s>
        To: it@acme.example
        Subject: Fwd: Cut purchasing costs by 30%%
        Message-ID: <%s>
        Content-Type: text/plain; charset=UTF-8

        %s

        ---------- Forwarded message ---------
        From: Vera Vendor <%s>
        Date: Mon, 16 Nov 2026 at 09:12
        Subject: Cut purchasing costs by 30%%
        To: <someone@acme.example>

        %s
        %s
        Best regards,
        Vera
        """.formatted(staffName, staff, unique("fwd") + "@acme.example", comment, vendor, salutation,
        PITCH.formatted(tracking));
  }

  static String plain(String from, String messageId, String subject, String text) {
    return "From: " + from + "\nTo: support@acme.example\nSubject: " + subject + "\nMessage-ID: <" + messageId
        + "@mail.example>\nContent-Type: text/plain; charset=UTF-8\n\n" + text + "\n";
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
