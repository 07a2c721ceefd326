package dev.tact.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tact.intake.smtp.SmtpListener;
import dev.tact.testsupport.JsonApi;
import dev.tact.testsupport.TactNode;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The story of issue 4 end to end: a vendor mailed one pitch to the whole company and fifty staff
 * forwarded it to IT, each with a comment of their own, through the real intake with several
 * pipeline workers: once over SMTP into Tact's listener, once through a real mail server (GreenMail:
 * SMTP in, IMAP polled by Tact). Each time one conversation with fifty linked reports comes out.
 */
class PitchForwardedFiftyTimesIntegrationTests {

  static final int STAFF = 50;
  static final String IT = "it@acme.example";

  static GreenMail greenMail;
  TactNode node;

  @BeforeAll
  static void startMailServer() {
    greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    greenMail.start();
  }

  @AfterAll
  static void stopMailServer() {
    greenMail.stop();
  }

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void shouldMakeOneConversationWithFiftyReportsWhenFiftyStaffForwardOnePitchToTactsListener() throws Exception {
    node = start("--tact.intake.smtp.enabled=true", "--tact.intake.smtp.port=0",
        "--tact.intake.smtp.hostname=mx.tact.test", "--tact.intake.imap.enabled=false");
    JsonApi.Answer created = node.post("/api/v1/admin/mailboxes", Map.of("name", "IT", "address", IT));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);

    String vendor = sendForwards(node.bean(SmtpListener.class).port());

    assertOneConversationWithFiftyReports(vendor);
  }

  @Test
  void shouldMakeOneConversationWithFiftyReportsWhenTheForwardsArriveInAPolledMailbox() throws Exception {
    GreenMailUser mailbox = greenMail.setUser(IT, "it", "it-secret");
    node = start("--tact.intake.imap.tick=200ms");
    Map<String, Object> request = new java.util.LinkedHashMap<>(Map.of("name", "IT", "address", IT,
        "imapEnabled", true, "imapHost", "127.0.0.1", "imapPort", greenMail.getImap().getPort(),
        "imapSecurity", "PLAIN", "imapUsername", mailbox.getLogin(), "imapPassword", "it-secret"));
    request.put("pollIntervalSeconds", 1);
    JsonApi.Answer created = node.post("/api/v1/admin/mailboxes", request);
    assertThat(created.status()).as(created.raw()).isEqualTo(201);

    String vendor = sendForwards(greenMail.getSmtp().getPort());

    assertOneConversationWithFiftyReports(vendor);
  }

  private static TactNode start(String... arguments) {
    List<String> all = new java.util.ArrayList<>(List.of("--tact.mail.staff-domains=acme.example",
        "--tact.intake.pipeline.workers=4", "--tact.routing.enabled=false"));
    all.addAll(List.of(arguments));
    return TactNode.start("jdbc:h2:mem:pitch-" + UUID.randomUUID()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        all.toArray(String[]::new));
  }

  /** Fifty staff forward the vendor's pitch to IT over SMTP on this port; answers the vendor's address. */
  private static String sendForwards(int smtpPort) throws Exception {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", String.valueOf(smtpPort));
    Session session = Session.getInstance(properties);
    String vendor = "vera-" + UUID.randomUUID().toString().substring(0, 8) + "@vendor.example";
    for (int i = 0; i < STAFF; i++) {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress("staff" + i + "@acme.example", "Staff Member " + i));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(IT));
      message.setSubject("Fwd: Cut purchasing costs by 30%");
      message.setText(Pitches.forwardBody(i, vendor), "UTF-8");
      Transport.send(message);
    }
    return vendor;
  }

  private void assertOneConversationWithFiftyReports(String vendor) {
    await().atMost(Duration.ofSeconds(90)).until(() -> node.jdbc().sql("""
        SELECT COUNT(*) FROM intake_item WHERE channel = 'email' AND state <> 'PENDING'""")
        .query(Long.class).single() == STAFF);

    List<UUID> conversations = node.jdbc()
        .sql("SELECT DISTINCT conversation_id FROM intake_item WHERE channel = 'email'")
        .query(UUID.class).list();
    assertThat(conversations).hasSize(1);
    assertThat(node.jdbc().sql("SELECT COUNT(*) FROM conv_conversation").query(Long.class).single()).isEqualTo(1);
    JsonApi.Answer reports = node.get("/api/v1/conversations/" + conversations.get(0) + "/reports");
    assertThat(reports.status()).as(reports.raw()).isEqualTo(200);
    assertThat(reports.body()).hasSize(STAFF);
    long forwarders = java.util.stream.StreamSupport.stream(reports.body().spliterator(), false)
        .map(r -> r.path("reporter").asString()).distinct().count();
    assertThat(forwarders).isEqualTo(STAFF);
    JsonNode conversation = node.get("/api/v1/conversations/" + conversations.get(0)).body();
    assertThat(conversation.path("messages")).hasSize(1);
    JsonNode contact = node.get("/api/v1/contacts/" + conversation.path("conversation").path("contactId").asString())
        .body();
    assertThat(contact.toString()).contains(vendor);
  }
}
