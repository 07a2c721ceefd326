package dev.tact.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.IdentityParser;
import dev.tact.delivery.pacing.DomainPacer;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.JsonApi;
import dev.tact.testsupport.TactNode;
import dev.tact.testsupport.WebSession;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Admin → Sending mail, over real HTTP: the relay saved at runtime (dispatchers running, none configured by
 * properties) sends what waited, to GreenMail with a login; bad input is a 422 (or a readable page) and changes
 * nothing; the password is stored encrypted and never shown or audited; a test mail reports the relay's answer in
 * words; new pacing limits reach the pacer without a restart, also on a second node; while no relay is configured,
 * the API, the outbox page, the inbox and the conversation say that mail waits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    SendingSettingsIntegrationTests.DATABASE, "tact.demo.enabled=false", "tact.intake.imap.enabled=false",
    "tact.routing.enabled=true", "tact.delivery.from-address=support@tact.test", "tact.delivery.from-name=Support",
    "tact.delivery.poll-interval=PT0.2S", "tact.delivery.settings-refresh=PT1S",
    "tact.conversation.message-id-domain=tact.test", "tact.noise.refresh-interval=PT1S",
    "tact.secrets.key=" + SendingSettingsIntegrationTests.SECRET_KEY})
class SendingSettingsIntegrationTests {

  static final String DATABASE = "spring.datasource.url=jdbc:h2:mem:admin-defaults;MODE=PostgreSQL;"
      + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
  static final String SECRET_KEY = "dGFjdC10ZXN0LWtleS0zMi1ieXRlcy1sb25nISEhISE=";
  static final String LOGIN = "relay-user";
  static final String PASSWORD = "relay-secret-4711";
  static final String ADMIN = "ada-sending@tact.test";
  static final String ADMIN_PASSWORD = "Long-enough-pass-1";
  static GreenMail greenMail;

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  @Autowired
  StaffDirectory staff;

  @Autowired
  DomainPacer pacer;

  @Autowired
  RelaySettingsService relays;

  JsonApi api;

  @BeforeAll
  static void startGreenMail() {
    greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
        .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay@tact.test", LOGIN, PASSWORD));
    greenMail.start();
  }

  @AfterAll
  static void stopGreenMail() {
    greenMail.stop();
  }

  @BeforeEach
  void adminTokenAndAdmin() {
    api = new JsonApi(port, tokens.issue("sending-tests", Role.ADMIN, null).secret());
    if (staff.findAgentByEmail(ADMIN).isEmpty()) {
      staff.createAgent(ADMIN, "Ada Sending", Role.ADMIN, ADMIN_PASSWORD);
    }
  }

  @AfterEach
  void backToTheConfiguration() {
    api.delete("/api/v1/admin/delivery/relay");
    api.delete("/api/v1/admin/delivery/pacing");
  }

  @Test
  void shouldShowTheConfiguredRelayUntilAnAdminSavesOne() {
    JsonNode relay = api.get("/api/v1/admin/delivery/relay").body();

    assertThat(relay.path("stored").asBoolean()).isFalse();
    assertThat(relay.path("host").asString()).isEmpty();
    assertThat(relay.path("fromAddress").asString()).isEqualTo("support@tact.test");
    assertThat(relay.path("passwordSet").asBoolean()).isFalse();
  }

  @Test
  void shouldRefuseBadRelaySettingsWithProblemDetailsAndChangeNothing() {
    long auditedBefore = audited("delivery.relay.changed");
    Map<String, List<Object>> bad = new LinkedHashMap<>();
    bad.put("invalid-relay-port", List.of("port", 70000));
    bad.put("invalid-relay-security", List.of("security", "SSLv3"));
    bad.put("invalid-relay-host", List.of("host", "smtp example.com"));
    bad.put("invalid-from-address", List.of("fromAddress", "not an address"));
    bad.put("invalid-from-name", List.of("fromName", "Support\r\nBcc: all@evil.example"));

    bad.forEach((code, field) -> {
      Map<String, Object> body = relay(greenMail.getSmtp().getPort(), PASSWORD);
      body.put((String) field.get(0), field.get(1));
      JsonApi.Answer answer = api.put("/api/v1/admin/delivery/relay", body);
      assertThat(answer.status()).as(answer.raw()).isEqualTo(422);
      assertThat(answer.body().path("code").asString()).isEqualTo(code);
      assertThat(answer.body().path("detail").asString()).isNotBlank();
    });
    JsonApi.Answer notANumber = api.put("/api/v1/admin/delivery/relay", "{\"host\":\"smtp.example.com\","
        + "\"port\":\"twenty-five\",\"fromAddress\":\"support@tact.test\"}");
    assertThat(notANumber.status()).as(notANumber.raw()).isEqualTo(400);

    assertThat(api.get("/api/v1/admin/delivery/relay").body().path("stored").asBoolean()).isFalse();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery_settings WHERE name = 'relay'").query(Long.class).single())
        .isZero();
    assertThat(audited("delivery.relay.changed")).isEqualTo(auditedBefore);
  }

  @Test
  void shouldSendWhatWaitedThroughARelaySavedAtRuntimeAndKeepThePasswordSecret() throws Exception {
    JsonNode queued = queueNotice("waits");
    assertThat(queued.path("state").asString()).isEqualTo("QUEUED");
    assertThat(queued.path("notSendingBecause").asString()).contains("No SMTP relay is configured");
    assertThat(api.get("/api/v1/admin/outbox?state=queued").raw()).contains(queued.path("id").asString())
        .contains("No SMTP relay is configured");

    JsonApi.Answer saved = api.put("/api/v1/admin/delivery/relay", relay(greenMail.getSmtp().getPort(), PASSWORD));

    assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
    assertThat(saved.body().path("stored").asBoolean()).isTrue();
    assertThat(saved.body().path("passwordSet").asBoolean()).isTrue();
    assertThat(saved.raw()).doesNotContain(PASSWORD);
    MimeMessage waited = received(queued.path("headerMessageId").asString());
    assertThat(waited.getFrom()[0].toString()).as("written when it was queued").contains("support@tact.test");
    await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(
        api.get("/api/v1/outbox/messages/" + queued.path("id").asString()).body().path("state").asString()));
    JsonNode after = api.get("/api/v1/outbox/messages/" + queued.path("id").asString()).body();
    assertThat(after.path("notSendingBecause").isNull()).isTrue();
    JsonNode later = queueNotice("later");
    assertThat(later.path("notSendingBecause").isNull()).isTrue();
    assertThat(received(later.path("headerMessageId").asString()).getFrom()[0].toString())
        .as("the saved From").contains("help@tact.test").contains("Help Desk");

    String secret = jdbc.sql("SELECT secret FROM delivery_settings WHERE name = 'relay'").query(String.class).single();
    assertThat(secret).startsWith("v1:").doesNotContain(PASSWORD);
    assertThat(jdbc.sql("SELECT settings FROM delivery_settings WHERE name = 'relay'").query(String.class).single())
        .doesNotContain(PASSWORD);
    assertThat(api.get("/api/v1/admin/delivery/relay").raw()).doesNotContain(PASSWORD);
    JsonApi.Answer audit = api.get("/api/v1/admin/audit?action=delivery.relay.changed");
    assertThat(audit.raw()).contains("changed").contains(String.valueOf(greenMail.getSmtp().getPort()))
        .doesNotContain(PASSWORD).doesNotContain(secret);
  }

  @Test
  void shouldKeepThePasswordWhenNoneIsTypedAndDropItWhenAsked() {
    api.put("/api/v1/admin/delivery/relay", relay(greenMail.getSmtp().getPort(), PASSWORD));
    Map<String, Object> withoutPassword = relay(greenMail.getSmtp().getPort(), null);
    withoutPassword.put("fromName", "Support Team");

    JsonNode kept = api.put("/api/v1/admin/delivery/relay", withoutPassword).body();
    assertThat(kept.path("passwordSet").asBoolean()).isTrue();
    assertThat(kept.path("fromName").asString()).isEqualTo("Support Team");
    assertThat(relays.relay().smtp().password()).isEqualTo(PASSWORD);

    withoutPassword.put("removePassword", true);
    JsonNode dropped = api.put("/api/v1/admin/delivery/relay", withoutPassword).body();
    assertThat(dropped.path("passwordSet").asBoolean()).isFalse();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery_settings WHERE name = 'relay' AND secret IS NULL")
        .query(Long.class).single()).isEqualTo(1);
    assertThat(api.get("/api/v1/admin/audit?action=delivery.relay.changed").raw()).contains("removed");
  }

  @Test
  void shouldTellInWordsWhatTheRelayAnsweredToATestMail() throws Exception {
    JsonApi.Answer none = api.post("/api/v1/admin/delivery/relay/test-mail", Map.of("to", "ops@tact.test"));
    assertThat(none.status()).as(none.raw()).isEqualTo(409);
    assertThat(none.body().path("code").asString()).isEqualTo("no-relay");
    api.put("/api/v1/admin/delivery/relay", relay(greenMail.getSmtp().getPort(), PASSWORD));

    JsonApi.Answer accepted = api.post("/api/v1/admin/delivery/relay/test-mail", Map.of("to", "ops@tact.test"));

    assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
    assertThat(accepted.body().path("accepted").asBoolean()).isTrue();
    assertThat(accepted.body().path("replyCode").asInt()).isEqualTo(250);
    assertThat(accepted.body().path("answer").asString()).startsWith("The relay 127.0.0.1:")
        .contains("accepted the test mail for ops@tact.test").contains("250");
    await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(greenMail.getReceivedMessages())
        .anyMatch(m -> subject(m).equals("Test mail from Tact")));

    api.put("/api/v1/admin/delivery/relay", relay(greenMail.getSmtp().getPort(), "not-the-password"));
    JsonNode refused = api.post("/api/v1/admin/delivery/relay/test-mail", Map.of("to", "ops@tact.test")).body();
    assertThat(refused.path("accepted").asBoolean()).isFalse();
    assertThat(refused.path("answer").asString()).contains("could not be handed to").contains("login refused")
        .contains("535");

    JsonApi.Answer noAddress = api.post("/api/v1/admin/delivery/relay/test-mail", Map.of("to", "ops"));
    assertThat(noAddress.status()).isEqualTo(422);
    assertThat(noAddress.body().path("code").asString()).isEqualTo("invalid-test-recipient");
    assertThat(api.get("/api/v1/admin/audit?action=delivery.relay.test-mail").raw())
        .contains("accepted the test mail").contains("535");
  }

  @Test
  void shouldEditTheRelayAndSendATestMailOnTheAdminPage() {
    WebSession browser = signedIn();
    WebSession.Page refused = browser.submit("/admin/sending", "/admin/sending/relay", Map.of("host", "127.0.0.1",
        "port", "abc", "security", "NONE", "username", LOGIN, "password", PASSWORD, "fromAddress", "help@tact.test",
        "fromName", "Help Desk"));
    assertThat(refused.redirectsTo("/admin/sending")).as(refused.status() + " " + refused.location() + " " + refused.body()).isTrue();
    String problem = browser.get("/admin/sending").body();
    assertThat(problem).contains("The port must be a number between 1 and 65535").contains("value=\"abc\"")
        .doesNotContain(PASSWORD);
    assertThat(relays.settings().stored()).isFalse();

    browser.submit("/admin/sending", "/admin/sending/relay", Map.of("host", "127.0.0.1", "port",
        String.valueOf(greenMail.getSmtp().getPort()), "security", "NONE", "username", LOGIN, "password", PASSWORD,
        "fromAddress", "help@tact.test", "fromName", "Help Desk"));
    String page = browser.get("/admin/sending").body();
    assertThat(page).contains("Relay saved").contains("Mail leaves through 127.0.0.1:" + greenMail.getSmtp().getPort())
        .contains("Saved by " + ADMIN).doesNotContain(PASSWORD).doesNotContain("data-relay-warning");

    WebSession.Page tested = browser.submit("/admin/sending", "/admin/sending/relay/test-mail",
        Map.of("to", "ops@tact.test"));
    assertThat(tested.location()).contains("/admin/sending");
    assertThat(browser.get("/admin/sending").body()).contains("accepted the test mail for ops@tact.test");

    browser.submit("/admin/sending", "/admin/sending/relay/reset", Map.of());
    assertThat(browser.get("/admin/sending").body()).contains("follow the configuration again")
        .contains("data-relay-warning");
  }

  @Test
  void shouldSayWhereverMailWaitsThatNoRelayIsConfigured() {
    JsonApi.Answer item = api.post("/api/v1/messages", Map.of("channel", "email", "sender",
        unique("wanda") + "@customer.example", "subject", "Lost parcel", "text", "My parcel never came."));
    assertThat(item.status()).as(item.raw()).isEqualTo(202);
    String statusPath = "/api/v1/messages/" + item.body().path("itemId").asString();
    await().atMost(Duration.ofSeconds(20)).until(() -> !api.get(statusPath).body().path("conversationId").isNull()
        && !api.get(statusPath).body().path("conversationId").isMissingNode());
    String conversationId = api.get(statusPath).body().path("conversationId").asString();
    JsonApi.Answer reply = api.post("/api/v1/conversations/" + conversationId + "/replies",
        Map.of("text", "We are sending another one."));
    assertThat(reply.status()).as(reply.raw()).isIn(200, 201);
    long number = api.get("/api/v1/conversations/" + conversationId).body().path("conversation").path("number")
        .asLong();
    WebSession browser = signedIn();

    assertThat(browser.get("/conversations/" + number).body()).contains("not sent: no SMTP relay is configured");
    assertThat(browser.get("/").body()).contains("data-relay-warning").contains("queued and will not be sent");
    assertThat(browser.get("/admin/outbox").body()).contains("No SMTP relay is configured")
        .contains("data-no-relay");

    api.put("/api/v1/admin/delivery/relay", relay(greenMail.getSmtp().getPort(), PASSWORD));

    assertThat(browser.get("/conversations/" + number).body()).doesNotContain("no SMTP relay is configured");
    assertThat(browser.get("/").body()).doesNotContain("data-relay-warning");
    assertThat(browser.get("/admin/outbox").body()).doesNotContain("data-relay-warning");
  }

  @Test
  void shouldPaceWithSavedLimitsAtOnceAndRefuseBadOnes() {
    String slow = unique("slow") + ".example";
    String other = unique("other") + ".example";
    JsonApi.Answer bad = api.put("/api/v1/admin/delivery/pacing", Map.of("enabled", true, "defaultRate", -1,
        "defaultBurst", 1, "globalRate", 100, "domains", List.of()));
    assertThat(bad.status()).as(bad.raw()).isEqualTo(422);
    assertThat(bad.body().path("code").asString()).isEqualTo("invalid-pacing");
    JsonApi.Answer twice = api.put("/api/v1/admin/delivery/pacing", pacing(slow, slow));
    assertThat(twice.status()).isEqualTo(422);
    assertThat(twice.body().path("detail").asString()).contains("named twice");
    assertThat(api.get("/api/v1/admin/delivery/pacing").body().path("stored").asBoolean()).isFalse();

    JsonApi.Answer saved = api.put("/api/v1/admin/delivery/pacing", pacing(slow));

    assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
    assertThat(saved.body().path("stored").asBoolean()).isTrue();
    Instant now = Instant.now();
    assertThat(pacer.reserve(slow, now)).isEqualTo(now);
    assertThat(pacer.reserve(slow, now)).as("0.1 per second").isEqualTo(now.plusSeconds(10));
    assertThat(pacer.reserve(other, now)).isEqualTo(now);
    assertThat(pacer.reserve(other, now)).as("the default, 0.5 per second").isEqualTo(now.plusSeconds(2));
    assertThat(api.get("/api/v1/admin/audit?action=delivery.pacing.changed").raw()).contains(slow);

    api.delete("/api/v1/admin/delivery/pacing");
    Instant later = Instant.now();
    assertThat(pacer.reserve(slow, later)).isEqualTo(later);
    assertThat(pacer.reserve(slow, later)).as("the configured burst of 20 again").isEqualTo(later);
  }

  @Test
  void shouldSavePacingOnTheAdminPageAndShowARefusedLine() {
    WebSession browser = signedIn();
    browser.submit("/admin/sending", "/admin/sending/pacing", Map.of("enabled", "true", "defaultRate", "fast",
        "defaultBurst", "5", "globalRate", "50", "domains", ""));
    assertThat(browser.get("/admin/sending").body()).contains("The default rate must be a number");
    assertThat(api.get("/api/v1/admin/delivery/pacing").body().path("stored").asBoolean()).isFalse();

    browser.submit("/admin/sending", "/admin/sending/pacing", Map.of("enabled", "true", "defaultRate", "4",
        "defaultBurst", "5", "globalRate", "50", "domains", "gmail.com 20 40\nOutlook.com 2.5"));

    JsonNode saved = api.get("/api/v1/admin/delivery/pacing").body();
    assertThat(saved.path("stored").asBoolean()).isTrue();
    assertThat(saved.path("defaultRate").asDouble()).isEqualTo(4.0);
    assertThat(saved.path("domains").toString()).contains("\"domain\":\"gmail.com\",\"rate\":20.0,\"burst\":40")
        .contains("\"domain\":\"outlook.com\",\"rate\":2.5,\"burst\":1");
    assertThat(browser.get("/admin/sending").body()).contains("Pacing limits saved").contains("gmail.com 20 40");
  }

  @Test
  void shouldBringASavedRelayAndPacingToAnotherNodeWithoutARestart() {
    String url = DATABASE.substring("spring.datasource.url=".length());
    try (TactNode second = TactNode.start(url, "--tact.delivery.enabled=false", "--tact.intake.imap.enabled=false",
        "--tact.intake.pipeline.enabled=false", "--tact.routing.enabled=false", "--tact.delivery.settings-refresh=PT1S",
        "--tact.delivery.from-address=support@tact.test")) {
      assertThat(second.get("/api/v1/admin/delivery/relay").body().path("stored").asBoolean()).isFalse();
      String slow = unique("far") + ".example";

      api.put("/api/v1/admin/delivery/relay", relay(greenMail.getSmtp().getPort(), PASSWORD));
      api.put("/api/v1/admin/delivery/pacing", pacing(slow));

      await().atMost(Duration.ofSeconds(15)).until(() -> second.get("/api/v1/admin/delivery/relay").body()
          .path("host").asString().equals("127.0.0.1"));
      DomainPacer theirs = second.bean(DomainPacer.class);
      Instant now = Instant.now();
      await().atMost(Duration.ofSeconds(15)).until(() -> second.get("/api/v1/admin/delivery/pacing").body()
          .path("stored").asBoolean());
      assertThat(theirs.reserve(slow, now)).isEqualTo(now);
      assertThat(theirs.reserve(slow, now)).isEqualTo(now.plusSeconds(10));
      assertThat(second.get("/api/v1/admin/outbox").raw()).doesNotContain("No SMTP relay is configured");

      assertThat(second.delete("/api/v1/admin/delivery/relay").status()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(15)).until(() -> !relays.settings().stored());
    }
  }

  private WebSession signedIn() {
    WebSession browser = new WebSession(port);
    assertThat(browser.logIn(ADMIN, ADMIN_PASSWORD)).isTrue();
    return browser;
  }

  private static Map<String, Object> relay(int smtpPort, String password) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("host", "127.0.0.1");
    body.put("port", smtpPort);
    body.put("security", "none");
    body.put("username", LOGIN);
    if (password != null) {
      body.put("password", password);
    }
    body.put("fromAddress", "help@tact.test");
    body.put("fromName", "Help Desk");
    return body;
  }

  private static Map<String, Object> pacing(String... slowDomains) {
    return Map.of("enabled", true, "defaultRate", 0.5, "defaultBurst", 1, "globalRate", 1000, "domains",
        Arrays.stream(slowDomains).map(d -> Map.of("domain", d, "rate", 0.1, "burst", 1)).toList());
  }

  private JsonNode queueNotice(String name) {
    String address = unique(name) + "@customer.example";
    var contact = contacts.resolve(identities.parse(address), new ContactNames(null, null, null));
    JsonApi.Answer answer = api.post("/api/v1/outbox/messages", Map.of("contactId", contact.id().toString(),
        "subject", "Your order", "text", "It ships today.", "purpose", "transactional", "idempotencyKey",
        unique("key")));
    assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
    return answer.body();
  }

  private long audited(String action) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :action").param("action", action)
        .query(Long.class).single();
  }

  private static MimeMessage received(String messageId) {
    await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(greenMail.getReceivedMessages())
        .anyMatch(m -> messageIdOf(m).equals("<" + messageId + ">")));
    return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> messageIdOf(m).equals("<" + messageId + ">"))
        .findFirst().orElseThrow();
  }

  private static String messageIdOf(MimeMessage m) {
    try {
      return String.valueOf(m.getMessageID());
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage m) {
    try {
      return String.valueOf(m.getSubject());
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
