package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.TactTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The admin API for mailboxes: create, read, replace, delete, poll now; the password is write-only. */
@TactTest
class MailboxesApiIntegrationTests {

  static final String PATH = "/api/v1/admin/mailboxes";
  static GreenMail greenMail;

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  StaffDirectory staff;

  @Autowired
  JdbcClient jdbc;

  ApiClient admin;

  @BeforeAll
  static void startMailServer() {
    greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    greenMail.start();
  }

  @AfterAll
  static void stopMailServer() {
    greenMail.stop();
  }

  @BeforeEach
  void adminToken() {
    admin = new ApiClient(port, tokens.issue("mailbox-tests", Role.ADMIN, null).secret());
  }

  @Test
  void shouldCreateReadReplaceAndDeleteAMailboxWithoutEverReturningThePassword() {
    UUID team = staff.createTeam("Billing " + UUID.randomUUID().toString().substring(0, 6)).id();
    String address = unique("Billing") + "@Example.COM";
    Map<String, Object> request = imapRequest(address, "s3cret-Pa55word");
    request.put("teamId", team.toString());

    ApiClient.Response created = admin.post(PATH, admin.json(request));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    JsonNode mailbox = created.body();
    String id = mailbox.path("id").asString();
    assertThat(mailbox.path("address").asString()).isEqualTo(address.toLowerCase());
    assertThat(mailbox.path("teamId").asString()).isEqualTo(team.toString());
    assertThat(mailbox.path("imapPort").asInt()).as("default port of IMAPS").isEqualTo(993);
    assertThat(mailbox.path("imapFolder").asString()).isEqualTo("INBOX");
    assertThat(mailbox.path("afterFetch").asString()).isEqualTo("MARK_SEEN");
    assertThat(mailbox.path("passwordSet").asBoolean()).isTrue();
    assertThat(mailbox.has("imapPassword")).isFalse();
    assertThat(created.raw()).doesNotContain("s3cret-Pa55word");
    String stored = jdbc.sql("SELECT imap_password_cipher FROM intake_mailbox WHERE id = :id")
        .param("id", UUID.fromString(id)).query(String.class).single();
    assertThat(stored).startsWith("v1:").doesNotContain("s3cret");

    for (ApiClient.Response read : List.of(admin.get(PATH + "/" + id), admin.get(PATH))) {
      assertThat(read.status()).isEqualTo(200);
      assertThat(read.raw()).contains(id).doesNotContain("s3cret-Pa55word").doesNotContain("imapPassword\"");
    }

    Map<String, Object> replacement = imapRequest(address, null);
    replacement.put("name", "Billing desk");
    replacement.put("afterFetch", "move");
    replacement.put("moveToFolder", "Done");
    ApiClient.Response updated = admin.put(PATH + "/" + id, admin.json(replacement));
    assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
    assertThat(updated.body().path("name").asString()).isEqualTo("Billing desk");
    assertThat(updated.body().path("afterFetch").asString()).isEqualTo("MOVE");
    assertThat(updated.body().path("teamId").isNull()).isTrue();
    assertThat(updated.body().path("passwordSet").asBoolean()).as("a blank password keeps the stored one").isTrue();
    assertThat(jdbc.sql("SELECT imap_password_cipher FROM intake_mailbox WHERE id = :id")
        .param("id", UUID.fromString(id)).query(String.class).single()).isEqualTo(stored);

    assertThat(admin.delete(PATH + "/" + id).status()).isEqualTo(204);
    assertThat(admin.get(PATH + "/" + id).body().path("code").asString()).isEqualTo("mailbox-not-found");
    assertThat(admin.delete(PATH + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void shouldRefuseInvalidMailboxesWithProblemDetailsAndChangeNothing() {
    long before = mailboxCount();
    List<Map<String, Object>> invalid = List.of(
        with(imapRequest(unique("a") + "@example.com", "pw"), "name", " "),
        with(imapRequest("not-an-address", "pw"), "name", "x"),
        with(imapRequest(unique("b") + "@example.com", "pw"), "imapPort", 70000),
        with(imapRequest(unique("c") + "@example.com", "pw"), "imapSecurity", "SSLv2"),
        with(imapRequest(unique("d") + "@example.com", null), "imapEnabled", true),
        with(imapRequest(unique("e") + "@example.com", "pw"), "afterFetch", "MOVE"),
        with(imapRequest(unique("f") + "@example.com", "pw"), "pollIntervalSeconds", 0),
        with(imapRequest(unique("g") + "@example.com", "pw"), "teamId", UUID.randomUUID().toString()),
        with(imapRequest(unique("h") + "@example.com", "pw"), "imapHost", null));
    for (Map<String, Object> request : invalid) {
      ApiClient.Response answer = admin.post(PATH, admin.json(request));
      assertThat(answer.status()).as(request + " → " + answer.raw()).isEqualTo(422);
      assertThat(answer.contentType()).contains("application/problem+json");
      assertThat(answer.body().path("code").asString()).isEqualTo("invalid-mailbox");
      assertThat(answer.body().path("type").asString()).isEqualTo("urn:tact:problem:invalid-mailbox");
      assertThat(answer.body().path("detail").asString()).isNotBlank();
    }
    assertThat(mailboxCount()).isEqualTo(before);
  }

  @Test
  void shouldRefuseASecondMailboxForTheSameAddressWith409() {
    String address = unique("dup") + "@example.com";
    assertThat(admin.post(PATH, admin.json(imapRequest(address, "pw"))).status()).isEqualTo(201);
    String other = admin.post(PATH, admin.json(imapRequest(unique("other") + "@example.com", "pw"))).body()
        .path("id").asString();
    long before = mailboxCount();

    ApiClient.Response again = admin.post(PATH, admin.json(imapRequest(address.toUpperCase(), "pw")));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().path("code").asString()).isEqualTo("mailbox-exists");
    ApiClient.Response renamed = admin.put(PATH + "/" + other, admin.json(imapRequest(address, null)));
    assertThat(renamed.status()).isEqualTo(409);
    assertThat(mailboxCount()).isEqualTo(before);
    assertThat(admin.get(PATH + "/" + other).body().path("address").asString()).startsWith("other");
  }

  @Test
  void shouldPollNowAndTellHowManyWereFetchedOrWhyNot() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    var user = greenMail.setUser("poll-" + suffix + "@example.com", "poll-" + suffix, "pw-" + suffix);
    com.icegreen.greenmail.util.GreenMailUtil.sendTextEmail(user.getEmail(), "customer@example.net", "Hi", "one",
        greenMail.getSmtp().getServerSetup());
    com.icegreen.greenmail.util.GreenMailUtil.sendTextEmail(user.getEmail(), "customer@example.net", "Hi", "two",
        greenMail.getSmtp().getServerSetup());
    Map<String, Object> request = imapRequest(unique("poll") + "@example.com", "pw-" + suffix);
    request.putAll(Map.of("imapHost", "127.0.0.1", "imapPort", greenMail.getImap().getPort(), "imapSecurity", "PLAIN",
        "imapUsername", user.getLogin()));
    String id = admin.post(PATH, admin.json(request)).body().path("id").asString();

    ApiClient.Response first = admin.post(PATH + "/" + id + "/poll", "");
    assertThat(first.status()).as(first.raw()).isEqualTo(200);
    assertThat(first.body().path("fetched").asInt()).isEqualTo(2);
    assertThat(admin.post(PATH + "/" + id + "/poll", "").body().path("fetched").asInt()).isZero();

    request.put("imapPassword", "wrong");
    admin.put(PATH + "/" + id, admin.json(request));
    ApiClient.Response failed = admin.post(PATH + "/" + id + "/poll", "");
    assertThat(failed.status()).isEqualTo(502);
    assertThat(failed.body().path("code").asString()).isEqualTo("imap-failed");
    assertThat(admin.get(PATH + "/" + id).body().path("lastError").asString()).isNotBlank();

    request.put("imapEnabled", false);
    admin.put(PATH + "/" + id, admin.json(request));
    assertThat(admin.post(PATH + "/" + id + "/poll", "").body().path("code").asString()).isEqualTo("imap-disabled");
  }

  @Test
  void shouldRefuseMailboxAdministrationToAgents() {
    ApiClient agent = admin.withToken(tokens.issue("agent", Role.AGENT, null).secret());
    assertThat(agent.get(PATH).status()).isEqualTo(403);
    assertThat(agent.post(PATH, admin.json(imapRequest(unique("x") + "@example.com", "pw"))).status()).isEqualTo(403);
  }

  private long mailboxCount() {
    return jdbc.sql("SELECT COUNT(*) FROM intake_mailbox").query(Long.class).single();
  }

  private static Map<String, Object> imapRequest(String address, String password) {
    Map<String, Object> request = new HashMap<>();
    request.put("name", "Mailbox " + address);
    request.put("address", address);
    request.put("imapEnabled", true);
    request.put("imapHost", "imap.example.com");
    request.put("imapUsername", address);
    request.put("imapPassword", password);
    return request;
  }

  private static Map<String, Object> with(Map<String, Object> request, String key, Object value) {
    request.put(key, value);
    return request;
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
