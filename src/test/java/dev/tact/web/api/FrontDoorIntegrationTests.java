package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.routing.FrontDoor;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The front door reads each new conversation and sends it to the intent's team, or to triage when unsure. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:front-door;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.routing.triage-below=0.35", "tact.routing.teams.billing=Accounts receivable",
    "tact.routing.teams.learned_billing=Learning billing", "tact.routing.teams.warranty_fees=Warranty desk"})
class FrontDoorIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  StaffDirectory staff;

  @Autowired
  FrontDoor door;

  ApiClient admin;

  @BeforeEach
  void setUp() {
    admin = new ApiClient(port, tokens.issue("door", Role.ADMIN, null).secret());
  }

  @Test
  void shouldSendBillingQuestionsToTheBillingTeamsAvailableAgentsLeastLoadedFirst() {
    UUID team = staff.createTeam("Accounts receivable").id();
    UUID away = member(team, "Ada Away");
    UUID abe = member(team, "Abe Able");
    UUID bea = member(team, "Bea Busy");
    staff.setAvailability(away, false, 20);
    staff.setAvailability(abe, true, 1);

    JsonNode first = routed("My invoice is wrong: you charged my card twice this month. Please refund one payment.");
    assertThat(door.intentOf(UUID.fromString(first.path("id").asString())).orElseThrow().intent()).isEqualTo("billing");
    assertThat(first.path("teamId").asString()).isEqualTo(team.toString());
    assertThat(first.path("tags").toString()).contains("intent:billing").doesNotContain("triage");
    assertThat(first.path("assigneeId").asString()).as("tie at no load: first by name").isEqualTo(abe.toString());

    JsonNode second = routed("Why was my credit card charged twice for the same invoice? I need a refund.");
    assertThat(second.path("assigneeId").asString()).as("Abe is at his capacity of 1").isEqualTo(bea.toString());
    JsonNode third = routed("Please send me a corrected invoice, the amount charged on my card is wrong.");
    assertThat(third.path("assigneeId").asString()).isEqualTo(bea.toString());
    assertThat(List.of(first, second, third)).extracting(c -> c.path("assigneeId").asString())
        .doesNotContain(away.toString());
  }

  @Test
  void shouldLearnFromConversationsAgentsMoveToAnotherTeam() {
    UUID team = staff.teamByName("Learning billing").orElseGet(() -> staff.createTeam("Learning billing")).id();
    String[] texts = {"The quarterly maintenance fee for the router firmware plan", "Router firmware plan renewal fee",
        "Fee for the router firmware plan this quarter", "What is the router firmware plan fee",
        "The router firmware plan fee went up", "Router firmware plan quarterly fee question",
        "Is the router firmware plan fee per device", "Router firmware plan fee for two devices"};
    long before = admin.get("/api/v1/admin/routing/model").body().path("examplesFromAgents").asLong();
    for (String text : texts) {
      UUID conversation = UUID.fromString(admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "email",
          "sender", "fee-" + UUID.randomUUID() + "@customer.example", "text", text))).path("conversationId").asString());
      await().atMost(Duration.ofSeconds(15)).until(() -> door.intentOf(conversation).isPresent());
      assertThat(admin.put("/api/v1/conversations/" + conversation + "/assignment",
          "{\"teamId\":\"" + team + "\"}").status()).isEqualTo(200);
    }
    await().atMost(Duration.ofSeconds(15)).until(() -> admin.get("/api/v1/admin/routing/model").body()
        .path("examplesFromAgents").asLong() == before + texts.length);

    JsonNode trained = admin.post("/api/v1/admin/routing/retrain", "").body();

    assertThat(trained.path("learnedFromAgents").asLong()).isEqualTo(before + texts.length);
    UUID fresh = UUID.fromString(admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "email",
        "sender", "fee-" + UUID.randomUUID() + "@customer.example",
        "text", "How much is the router firmware plan fee now?"))).path("conversationId").asString());
    await().atMost(Duration.ofSeconds(15)).until(() -> door.intentOf(fresh).isPresent());
    assertThat(door.intentOf(fresh).orElseThrow().intent()).isEqualTo("learned_billing");
  }

  @Test
  void shouldLearnFromConversationsAgentsResolve() {
    UUID team = staff.teamByName("Warranty desk").orElseGet(() -> staff.createTeam("Warranty desk")).id();
    ApiClient.Response rule = admin.post("/api/v1/admin/routing/rules",
        "{\"kind\":\"keyword\",\"value\":\"dishwasher\",\"teamId\":\"" + team + "\"}");
    assertThat(rule.status()).as(rule.raw()).isEqualTo(201);
    String[] texts = {"The dishwasher extended cover premium", "Dishwasher extended cover renewal premium",
        "Premium for the dishwasher extended cover this year", "What is the dishwasher extended cover premium",
        "The dishwasher extended cover premium went up", "Dishwasher extended cover yearly premium question",
        "Is the dishwasher extended cover premium per appliance", "Dishwasher extended cover premium for two"};
    long before = admin.get("/api/v1/admin/routing/model").body().path("examplesFromAgents").asLong();
    for (String text : texts) {
      UUID conversation = routedConversation("cover-" + UUID.randomUUID() + "@customer.example", text);
      assertThat(admin.get("/api/v1/conversations/" + conversation).body().path("conversation").path("teamId")
          .asString()).as("the rule sends it to the warranty desk").isEqualTo(team.toString());
      assertThat(admin.put("/api/v1/conversations/" + conversation + "/status", "{\"status\":\"solved\"}")
          .status()).isEqualTo(200);
    }
    await().atMost(Duration.ofSeconds(15)).until(() -> admin.get("/api/v1/admin/routing/model").body()
        .path("examplesFromAgents").asLong() == before + texts.length);
    assertThat(admin.delete("/api/v1/admin/routing/rules/" + rule.body().path("id").asString()).status())
        .isEqualTo(204);

    admin.post("/api/v1/admin/routing/retrain", "");

    UUID fresh = routedConversation("cover-" + UUID.randomUUID() + "@customer.example",
        "How much is the extended cover premium for my dishwasher now?");
    assertThat(door.intentOf(fresh).orElseThrow().intent()).isEqualTo("warranty_fees");
  }

  @Test
  void shouldLetAdminRulesDecideBeforeTheModel() {
    UUID escalations = staff.createTeam("Escalations " + UUID.randomUUID()).id();
    String vendor = "@vendor-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    ApiClient.Response keyword = admin.post("/api/v1/admin/routing/rules",
        "{\"kind\":\"keyword\",\"value\":\"chargeback\",\"intent\":\"complaint\",\"teamId\":\"" + escalations + "\"}");
    assertThat(keyword.status()).as(keyword.raw()).isEqualTo(201);
    assertThat(admin.post("/api/v1/admin/routing/rules", "{\"kind\":\"sender\",\"value\":\"" + vendor
        + "\",\"intent\":\"vendor_pitch\"}").status()).isEqualTo(201);
    ApiClient.Response bad = admin.post("/api/v1/admin/routing/rules", "{\"kind\":\"weather\",\"value\":\"x\"}");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body().path("code").asString()).isEqualTo("invalid-rule");

    UUID angry = routedConversation("ana-" + UUID.randomUUID() + "@customer.example",
        "I filed a chargeback with my bank because nobody answers.");
    UUID pitch = routedConversation("rep" + vendor, "Hello, may I show you our new analytics product?");

    assertThat(door.intentOf(angry).orElseThrow().intent()).isEqualTo("complaint");
    assertThat(door.intentOf(angry).orElseThrow().confidence()).isEqualTo(1.0);
    assertThat(admin.get("/api/v1/conversations/" + angry).body().path("conversation").path("teamId").asString())
        .isEqualTo(escalations.toString());
    assertThat(door.intentOf(pitch).orElseThrow().intent()).isEqualTo("vendor_pitch");
  }

  @Test
  void shouldLetAMailboxRuleDecideByTheAddressTheCustomerWroteTo() {
    UUID desk = staff.createTeam("Payables desk " + UUID.randomUUID()).id();
    String domain = "@ap-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    ApiClient.Response bad = admin.post("/api/v1/admin/routing/rules",
        "{\"kind\":\"mailbox\",\"value\":\"payables\",\"intent\":\"billing\"}");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body().path("detail").asString()).contains("address customers write to");
    ApiClient.Response rule = admin.post("/api/v1/admin/routing/rules", "{\"kind\":\"mailbox\",\"value\":\""
        + domain + "\",\"intent\":\"billing\",\"teamId\":\"" + desk + "\"}");
    assertThat(rule.status()).as(rule.raw()).isEqualTo(201);

    UUID mailed = mailedConversation("Invoices <invoices" + domain + ">", "Hello there, a quick question about the "
        + "new warehouse opening hours next week.");
    UUID elsewhere = mailedConversation("Help <help@elsewhere-" + UUID.randomUUID().toString().substring(0, 8)
        + ".example>", "Hello there, a quick question about the new warehouse opening hours next week.");

    assertThat(door.intentOf(mailed).orElseThrow().intent()).isEqualTo("billing");
    assertThat(door.intentOf(mailed).orElseThrow().confidence()).as("decided by the rule").isEqualTo(1.0);
    assertThat(admin.get("/api/v1/conversations/" + mailed).body().path("conversation").path("teamId").asString())
        .isEqualTo(desk.toString());
    assertThat(admin.get("/api/v1/conversations/" + elsewhere).body().path("conversation").path("teamId")
        .asString()).isNotEqualTo(desk.toString());
    assertThat(admin.delete("/api/v1/admin/routing/rules/" + rule.body().path("id").asString()).status())
        .isEqualTo(204);
  }

  @Test
  void shouldSendAConversationWhoseIntentNoTeamTakesToTriageWithTheReason() {
    UUID outage = routedConversation("ops-" + UUID.randomUUID() + "@customer.example",
        "My host has been under attack since 9am, sites are down");

    var decided = door.intentOf(outage).orElseThrow();
    assertThat(decided.intent()).isEqualTo("outage");
    assertThat(decided.triage()).as("no team takes outage here").isTrue();
    assertThat(decided.triageReason()).startsWith("no team takes outage");
    JsonNode summary = admin.get("/api/v1/conversations/" + outage).body().path("conversation");
    assertThat(summary.path("tags").toString()).contains("intent:outage", "triage");
    assertThat(summary.path("teamId").isNull() || summary.path("teamId").isMissingNode()).isTrue();
    JsonNode waiting = admin.get("/api/v1/triage?limit=100").body();
    assertThat(waiting.findValues("triageReason").toString()).contains("no team takes outage");
  }

  @Test
  void shouldNotReadACustomerAskingAboutAForwardedPitchAsSpam() {
    UUID question = mailedConversation("Help <help@customer-care.example>", "Fwd: Grow your revenue with our agency",
        "Is this your partner? They say they work with you.\r\n\r\n---------- Forwarded message ---------\r\n"
            + "From: Vera Vendor <vera@agency.example>\r\nDate: Mon, 23 Nov 2026 at 09:00\r\n"
            + "Subject: Grow your revenue with our agency\r\nTo: <pat@customer.example>\r\n\r\n"
            + "We help companies like yours generate more leads. Do you have 15 minutes next week for a short intro?");

    assertThat(door.intentOf(question).orElseThrow().intent()).isNotIn("spam", "vendor_pitch");
  }

  /** Posts a raw mail to the given To header over the mail API and waits until the front door has read it. */
  private UUID mailedConversation(String to, String text) {
    return mailedConversation(to, "A question", text);
  }

  private UUID mailedConversation(String to, String subject, String text) {
    String mail = "From: Pat Customer <pat-" + UUID.randomUUID() + "@customer.example>\r\n" + "To: " + to + "\r\n"
        + "Subject: " + subject + "\r\nMessage-ID: <" + UUID.randomUUID() + "@customer.example>\r\n"
        + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n";
    ApiClient.Response ack = admin.postBytes("/api/v1/mail", mail.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "message/rfc822");
    assertThat(ack.status()).as(ack.raw()).isEqualTo(202);
    UUID conversation = UUID.fromString(admin.awaitProcessed(ack.body()).path("conversationId").asString());
    await().atMost(Duration.ofSeconds(15)).until(() -> door.intentOf(conversation).isPresent());
    return conversation;
  }

  private UUID routedConversation(String sender, String text) {
    UUID conversation = UUID.fromString(admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "email",
        "sender", sender, "text", text))).path("conversationId").asString());
    await().atMost(Duration.ofSeconds(15)).until(() -> door.intentOf(conversation).isPresent());
    return conversation;
  }

  private UUID member(UUID team, String name) {
    UUID id = staff.createAgent(name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID() + "@tact.test", name,
        Role.AGENT, "pw-" + UUID.randomUUID()).id();
    staff.addMember(team, id);
    return id;
  }

  /** Posts a new conversation and waits until the front door has routed it; its summary. */
  private JsonNode routed(String text) {
    JsonNode item = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "email",
        "sender", "ana-" + UUID.randomUUID() + "@customer.example", "text", text)));
    UUID conversation = UUID.fromString(item.path("conversationId").asString());
    await().atMost(Duration.ofSeconds(15)).until(() -> door.intentOf(conversation).isPresent()
        && !admin.get("/api/v1/conversations/" + conversation).body().path("conversation").path("teamId").isNull());
    return admin.get("/api/v1/conversations/" + conversation).body().path("conversation");
  }

  @Test
  void shouldSendWhatItCannotReadToTriageInsteadOfAWrongTeam() {
    JsonNode item = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "chat",
        "sender", "zed-" + UUID.randomUUID() + "@customer.example", "text", "qqq zzv")));
    UUID conversation = UUID.fromString(item.path("conversationId").asString());

    await().atMost(Duration.ofSeconds(15)).until(() -> door.intentOf(conversation).isPresent());
    assertThat(door.intentOf(conversation).orElseThrow().triage()).isTrue();
    JsonNode summary = admin.get("/api/v1/conversations/" + conversation).body().path("conversation");
    assertThat(summary.path("tags").toString()).contains("triage");
    assertThat(summary.path("teamId").isNull() || summary.path("teamId").isMissingNode()).isTrue();
  }
}
