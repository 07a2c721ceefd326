package dev.tact.intake.imap;

import static dev.tact.intake.imap.MailFixtures.append;
import static dev.tact.intake.imap.MailFixtures.loggedPerMessageId;
import static dev.tact.intake.imap.MailFixtures.mailboxRequest;
import static dev.tact.intake.imap.MailFixtures.rawMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tact.testsupport.JsonApi;
import dev.tact.testsupport.TactNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * IMAP over TLS against GreenMail's IMAPS server (self-signed certificate): Tact fetches from a
 * host it was told to trust, and refuses, with the reason on the mailbox, a host it was not.
 */
class ImapsPollingIntegrationTests {

  static GreenMail greenMail;
  static TactNode tact;

  @BeforeAll
  static void start() {
    greenMail = new GreenMail(ServerSetupTest.IMAPS.dynamicPort());
    greenMail.start();
    tact = TactNode.start("jdbc:h2:mem:imaps-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "--tact.intake.imap.tick=200ms", "--tact.intake.imap.ssl-trust=127.0.0.1");
  }

  @AfterAll
  static void stop() {
    if (tact != null) {
      tact.close();
    }
    greenMail.stop();
  }

  @Test
  void shouldFetchOverTlsFromATrustedHostAndRefuseAnUntrustedCertificate() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    GreenMailUser user = greenMail.setUser("tls-" + suffix + "@example.com", "tls-" + suffix, "pw-" + suffix);
    String id = "tls-" + suffix + "@example.net";
    append(greenMail, user, "INBOX", rawMail(id, "help-" + suffix + "@example.com", "over TLS"));

    UUID trusted = create("help-" + suffix + "@example.com", "127.0.0.1", user, suffix);
    UUID untrusted = create("other-" + suffix + "@example.com", "localhost", user, suffix);

    // The refused handshakes end in exceptions on GreenMail's threads: expected here, not a test failure.
    await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(20)).until(() -> loggedPerMessageId(tact.jdbc()).containsKey("<" + id + ">"));
    await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(20)).until(() -> !tact.get("/api/v1/admin/mailboxes/" + untrusted).body()
        .path("lastError").isNull());
    assertThat(tact.get("/api/v1/admin/mailboxes/" + untrusted).body().path("lastError").asString())
        .containsIgnoringCase("certif");
    assertThat(tact.get("/api/v1/admin/mailboxes/" + trusted).body().path("lastError").isNull()).isTrue();
  }

  private static UUID create(String address, String host, GreenMailUser user, String suffix) {
    Map<String, Object> request = new LinkedHashMap<>(
        mailboxRequest(address, greenMail.getImaps().getPort(), user.getLogin(), "pw-" + suffix));
    request.put("imapHost", host);
    request.put("imapSecurity", "IMAPS");
    JsonApi.Answer answer = tact.post("/api/v1/admin/mailboxes", request);
    assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
    return UUID.fromString(answer.body().path("id").asString());
  }
}
