package dev.tact.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.intake.smtp.SmtpListener;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The story of issue 4 end to end: a vendor mailed one pitch to the whole company and fifty staff
 * forwarded it to IT, each with a comment of their own, over SMTP into Tact's listener, through the
 * real intake with several pipeline workers. One conversation with fifty linked reports comes out.
 */
class PitchForwardedFiftyTimesIntegrationTests {

  static final int STAFF = 50;

  static TactNode node;
  static String it;

  @BeforeAll
  static void start() {
    node = TactNode.start("jdbc:h2:mem:pitch-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "--tact.intake.smtp.enabled=true", "--tact.intake.smtp.port=0", "--tact.intake.smtp.hostname=mx.tact.test",
        "--tact.intake.imap.enabled=false", "--tact.mail.staff-domains=acme.example",
        "--tact.intake.pipeline.workers=4", "--tact.routing.enabled=false");
    it = "it@acme.example";
    TactNode.Answer created = node.post("/api/v1/admin/mailboxes", Map.of("name", "IT", "address", it));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void shouldMakeOneConversationWithFiftyReportsWhenFiftyStaffForwardOnePitch() throws Exception {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", String.valueOf(node.bean(SmtpListener.class).port()));
    Session session = Session.getInstance(properties);
    String vendor = "vera-" + UUID.randomUUID().toString().substring(0, 8) + "@vendor.example";
    for (int i = 0; i < STAFF; i++) {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress("staff" + i + "@acme.example", "Staff Member " + i));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(it));
      message.setSubject("Fwd: Cut purchasing costs by 30%");
      message.setText(Pitches.forwardBody(i, vendor), "UTF-8");
      Transport.send(message);
    }

    await().atMost(Duration.ofSeconds(90)).until(() -> node.jdbc().sql("""
        SELECT COUNT(*) FROM intake_item WHERE channel = 'email' AND state <> 'PENDING'""")
        .query(Long.class).single() == STAFF);

    List<UUID> conversations = node.jdbc()
        .sql("SELECT DISTINCT conversation_id FROM intake_item WHERE channel = 'email'")
        .query(UUID.class).list();
    assertThat(conversations).hasSize(1);
    assertThat(node.jdbc().sql("SELECT COUNT(*) FROM conv_conversation").query(Long.class).single()).isEqualTo(1);
    TactNode.Answer reports = node.get("/api/v1/conversations/" + conversations.get(0) + "/reports");
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
