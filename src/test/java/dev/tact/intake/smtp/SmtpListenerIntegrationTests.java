package dev.tact.intake.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.JsonApi;
import dev.tact.testsupport.TactNode;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tact's SMTP and LMTP listeners with real clients (Jakarta Mail, and a raw socket for protocol
 * details) against a whole Tact on H2: 250 only once the mail is in the log, refusals store nothing.
 */
class SmtpListenerIntegrationTests {

  static final int MAX_MAIL_BYTES = 20_000;
  static final JsonMapper JSON = JsonMapper.builder().build();

  static TactNode smtp;
  static TactNode lmtp;
  static String support;
  static String billing;

  @BeforeAll
  static void start() {
    smtp = node("SMTP");
    lmtp = node("LMTP");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    support = "support-" + suffix + "@example.com";
    billing = "billing-" + suffix + "@example.com";
    for (TactNode node : new TactNode[] {smtp, lmtp}) {
      for (String address : new String[] {support, billing}) {
        JsonApi.Answer created = node.post("/api/v1/admin/mailboxes", Map.of("name", address, "address", address));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
      }
    }
  }

  static TactNode node(String protocol) {
    return TactNode.start("jdbc:h2:mem:smtp-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "--tact.intake.smtp.enabled=true", "--tact.intake.smtp.port=0", "--tact.intake.smtp.protocol=" + protocol,
        "--tact.intake.smtp.hostname=mx.tact.test", "--tact.intake.max-mail-bytes=" + MAX_MAIL_BYTES,
        "--tact.intake.imap.enabled=false");
  }

  @AfterAll
  static void stop() {
    smtp.close();
    lmtp.close();
  }

  @Test
  void shouldHaveTheMailInTheLogWhenJakartaMailGets250() throws Exception {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", String.valueOf(port(smtp)));
    Session session = Session.getInstance(properties);
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress("customer@example.net"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(support));
    message.setSubject("Where is my order?");
    message.setText("Hello,\n.a line starting with a dot\n..two dots\n.\nthe end\n", "UTF-8");

    Transport.send(message); // saves the message, which gives it its Message-ID

    String messageId = message.getMessageID();

    JsonNode item = itemWithMessageId(smtp, messageId);
    assertThat(item).as("logged before Transport.send returned").isNotNull();
    JsonNode envelope = JSON.readTree(item.path("payload").asString());
    assertThat(envelope.path("via").asString()).isEqualTo("smtp");
    assertThat(envelope.path("envelopeSender").asString()).isEqualTo("customer@example.net");
    assertThat(envelope.path("mailboxId").asString()).isEqualTo(mailboxId(smtp, support));
    String raw = new String(rawOf(smtp, item.path("id").asString()), StandardCharsets.UTF_8);
    assertThat(raw).contains("\r\n.a line starting with a dot\r\n..two dots\r\n.\r\nthe end");
  }

  @Test
  void shouldFileMailForAMailboxIntoItsTeam() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String address = "sales-" + suffix + "@example.com";
    UUID team = smtp.bean(StaffDirectory.class).createTeam("Sales " + suffix).id();
    assertThat(smtp.post("/api/v1/admin/mailboxes", Map.of("name", address, "address", address, "teamId", team))
        .status()).isEqualTo(201);
    try (RawSmtpClient client = greeted(smtp, "EHLO client.example")) {
      assertThat(client.send("MAIL FROM:<buyer@example.net>").code()).isEqualTo(250);
      assertThat(client.send("RCPT TO:<" + address + ">").code()).isEqualTo(250);
      assertThat(client.send("DATA").code()).isEqualTo(354);
      client.write("From: Buyer <buyer@example.net>\r\nSubject: 40 seats\r\nMessage-ID: <seats-" + suffix
          + "@example.net>\r\n\r\nA quote for 40 seats, please.\r\n.\r\n");
      assertThat(client.read().last()).startsWith("250 ");
    }

    await().atMost(Duration.ofSeconds(15)).until(() -> smtp.jdbc().sql("""
        SELECT COUNT(*) FROM conv_conversation c JOIN conv_message m ON m.conversation_id = c.id
        WHERE m.external_id = :id AND c.team_id = :team""")
        .param("id", "seats-" + suffix + "@example.net").param("team", team).query(Long.class).single() == 1);
  }

  @Test
  void shouldAnswer250WithTheItemIdOnlyAfterTheCommitAndKeepDotsUnstuffed() throws Exception {
    try (RawSmtpClient client = greeted(smtp, "EHLO client.example")) {
      assertThat(client.send("MAIL FROM:<customer@example.net> SIZE=100 BODY=8BITMIME").code()).isEqualTo(250);
      assertThat(client.send("RCPT TO:<" + support.toUpperCase() + ">").code()).isEqualTo(250);
      assertThat(client.send("DATA").code()).isEqualTo(354);
      client.write("Subject: dots\r\n\r\n..leading dot\r\n...\r\n. \r\nmiddle . dot\r\n.\r\n");
      RawSmtpClient.Reply reply = client.read();

      assertThat(reply.last()).startsWith("250 2.0.0 Ok: queued as ");
      String itemId = reply.last().substring("250 2.0.0 Ok: queued as ".length());
      assertThat(new String(rawOf(smtp, itemId), StandardCharsets.UTF_8))
          .isEqualTo("Subject: dots\r\n\r\n.leading dot\r\n..\r\n \r\nmiddle . dot\r\n");
    }
  }

  @Test
  void shouldRefuseAnUnknownRecipientWith550AndStoreNothing() throws Exception {
    long before = emailItems(smtp);
    try (RawSmtpClient client = greeted(smtp, "EHLO client.example")) {
      client.send("MAIL FROM:<customer@example.net>");
      assertThat(client.send("RCPT TO:<nobody@example.com>").last()).startsWith("550 5.1.1");
      assertThat(client.send("DATA").last()).startsWith("503 5.5.1");
    }
    assertThat(emailItems(smtp)).isEqualTo(before);
  }

  @Test
  void shouldRefuseAMessageDeclaredTooLargeWith552() throws Exception {
    try (RawSmtpClient client = greeted(smtp, "EHLO client.example")) {
      assertThat(client.send("MAIL FROM:<customer@example.net> SIZE=" + (MAX_MAIL_BYTES + 1)).last())
          .isEqualTo("552 5.3.4 Message size exceeds fixed maximum message size");
      assertThat(client.send("MAIL FROM:<customer@example.net> SIZE=" + MAX_MAIL_BYTES).code()).isEqualTo(250);
    }
  }

  @Test
  void shouldReadAnOversizeMessageToItsEndThenRefuseItWith552AndStoreNothing() throws Exception {
    long before = emailItems(smtp);
    try (RawSmtpClient client = greeted(smtp, "EHLO client.example")) {
      client.send("MAIL FROM:<customer@example.net>");
      client.send("RCPT TO:<" + support + ">");
      assertThat(client.send("DATA").code()).isEqualTo(354);
      String line = "x".repeat(98) + "\r\n";
      client.write("Subject: big\r\n\r\n" + line.repeat(MAX_MAIL_BYTES / line.length() + 5) + ".\r\n");

      assertThat(client.read().last()).isEqualTo("552 5.3.4 Message size exceeds fixed maximum message size");
      assertThat(client.send("NOOP").code()).as("the session goes on after the final dot").isEqualTo(250);
    }
    assertThat(emailItems(smtp)).isEqualTo(before);
  }

  @Test
  void shouldAcceptTheNullSenderOfABounce() throws Exception {
    try (RawSmtpClient client = greeted(smtp, "EHLO mailer-daemon.example")) {
      assertThat(client.send("MAIL FROM:<>").code()).isEqualTo(250);
      client.send("RCPT TO:<" + support + ">");
      client.send("DATA");
      client.write("Subject: Undelivered Mail Returned to Sender\r\n\r\nbounce\r\n.\r\n");
      String itemId = client.read().last().substring("250 2.0.0 Ok: queued as ".length());
      JsonNode envelope = JSON.readTree(smtp.jdbc().sql("SELECT payload FROM intake_item WHERE id = :id")
          .param("id", UUID.fromString(itemId)).query(String.class).single());
      assertThat(envelope.path("envelopeSender").asString()).isEmpty();
    }
  }

  @Test
  void shouldAnswer451AndStoreNothingWhenTheInboundLogRefuses() throws Exception {
    long before = emailItems(smtp);
    SmartLifecycle inboundLog = smtp.bean("inboundLog", SmartLifecycle.class);
    try (RawSmtpClient client = greeted(smtp, "EHLO client.example")) {
      client.send("MAIL FROM:<customer@example.net>");
      client.send("RCPT TO:<" + support + ">");
      client.send("DATA");
      inboundLog.stop();
      client.write("Subject: later\r\n\r\nplease\r\n.\r\n");
      assertThat(client.read().last()).startsWith("451 4.3.0");
    } finally {
      inboundLog.start();
    }
    assertThat(emailItems(smtp)).isEqualTo(before);
  }

  @Test
  void shouldAnswerProtocolErrorsWithTheirCodes() throws Exception {
    try (RawSmtpClient client = new RawSmtpClient(port(smtp))) {
      assertThat(client.read().last()).startsWith("220 mx.tact.test");
      assertThat(client.send("MAIL FROM:<a@example.net>").last()).startsWith("503 5.5.1");
      RawSmtpClient.Reply ehlo = client.send("EHLO client.example");
      assertThat(ehlo.lines()).contains("250-SIZE " + MAX_MAIL_BYTES, "250-8BITMIME", "250-PIPELINING",
          "250 ENHANCEDSTATUSCODES");
      assertThat(client.send("RCPT TO:<" + support + ">").last()).startsWith("503 5.5.1");
      assertThat(client.send("FROB").last()).startsWith("500 5.5.2");
      assertThat(client.send("STARTTLS").last()).startsWith("502 5.5.1");
      assertThat(client.send("VRFY someone").code()).isEqualTo(252);
      assertThat(client.send("NOOP " + "y".repeat(3000)).last()).startsWith("500 5.5.2 Line too long");
      assertThat(client.send("MAIL FROM:customer@example.net").last()).startsWith("501 5.5.4");
      assertThat(client.send("MAIL FROM:<customer@example.net>").code()).isEqualTo(250);
      assertThat(client.send("MAIL FROM:<customer@example.net>").last()).startsWith("503 5.5.1");
      assertThat(client.send("RSET").code()).isEqualTo(250);
      assertThat(client.send("RCPT TO:<" + support + ">").last()).as("RSET forgot the sender").startsWith("503");
      assertThat(client.send("LHLO client.example").last()).startsWith("500");
      assertThat(client.send("QUIT").code()).isEqualTo(221);
      assertThat(client.closedByServer()).isTrue();
    }
  }

  @Test
  void shouldAnswerPipelinedCommandsInOrder() throws Exception {
    try (RawSmtpClient client = greeted(smtp, "EHLO client.example")) {
      client.write("MAIL FROM:<customer@example.net>\r\nRCPT TO:<nobody@example.com>\r\nRCPT TO:<" + support
          + ">\r\nDATA\r\n");
      assertThat(client.read().code()).isEqualTo(250);
      assertThat(client.read().code()).isEqualTo(550);
      assertThat(client.read().code()).isEqualTo(250);
      assertThat(client.read().code()).isEqualTo(354);
      client.write("Subject: piped\r\n\r\nhi\r\n.\r\nQUIT\r\n");
      assertThat(client.read().last()).startsWith("250 2.0.0 Ok: queued as ");
      assertThat(client.read().code()).isEqualTo(221);
    }
  }

  @Test
  void shouldGiveOneLmtpReplyPerAcceptedRecipientForOneLoggedMessage() throws Exception {
    long before = emailItems(lmtp);
    try (RawSmtpClient client = new RawSmtpClient(port(lmtp))) {
      assertThat(client.read().last()).contains("LMTP");
      assertThat(client.send("EHLO client.example").last()).startsWith("500");
      assertThat(client.send("LHLO client.example").last()).isEqualTo("250 ENHANCEDSTATUSCODES");
      client.send("MAIL FROM:<customer@example.net>");
      assertThat(client.send("RCPT TO:<" + support + ">").code()).isEqualTo(250);
      assertThat(client.send("RCPT TO:<nobody@example.com>").code()).isEqualTo(550);
      assertThat(client.send("RCPT TO:<" + billing + ">").code()).isEqualTo(250);
      assertThat(client.send("DATA").code()).isEqualTo(354);
      client.write("Subject: to two teams\r\n\r\nhello\r\n.\r\n");

      String first = client.read().last();
      String second = client.read().last();
      assertThat(first).startsWith("250 2.0.0 Ok: queued as ").isEqualTo(second);
      assertThat(client.send("NOOP").code()).as("no third reply was pending").isEqualTo(250);
      String itemId = first.substring("250 2.0.0 Ok: queued as ".length());
      JsonNode envelope = JSON.readTree(lmtp.jdbc().sql("SELECT payload FROM intake_item WHERE id = :id")
          .param("id", UUID.fromString(itemId)).query(String.class).single());
      assertThat(envelope.path("via").asString()).isEqualTo("lmtp");
      assertThat(envelope.path("envelopeRecipients").valueStream().map(JsonNode::asString))
          .containsExactly(support, billing);
      assertThat(envelope.path("mailboxId").asString()).isEqualTo(mailboxId(lmtp, support));
    }
    assertThat(emailItems(lmtp)).isEqualTo(before + 1);
  }

  private static RawSmtpClient greeted(TactNode node, String hello) throws Exception {
    RawSmtpClient client = new RawSmtpClient(port(node));
    assertThat(client.read().code()).isEqualTo(220);
    assertThat(client.send(hello).code()).isEqualTo(250);
    return client;
  }

  private static int port(TactNode node) {
    return node.bean(SmtpListener.class).port();
  }

  private static long emailItems(TactNode node) {
    return node.jdbc().sql("SELECT COUNT(*) FROM intake_item WHERE channel = 'email'").query(Long.class).single();
  }

  private static byte[] rawOf(TactNode node, String itemId) {
    return node.jdbc().sql("SELECT raw_content FROM intake_item WHERE id = :id").param("id", UUID.fromString(itemId))
        .query((rs, n) -> rs.getBytes(1)).single();
  }

  private static String mailboxId(TactNode node, String address) {
    for (JsonNode mailbox : node.get("/api/v1/admin/mailboxes").body()) {
      if (mailbox.path("address").asString().equals(address)) {
        return mailbox.path("id").asString();
      }
    }
    throw new AssertionError("no mailbox " + address);
  }

  /** The log item whose raw bytes carry this Message-ID, as id and payload; null when there is none. */
  private static JsonNode itemWithMessageId(TactNode node, String messageId) {
    var rows = node.jdbc().sql("SELECT id, payload, raw_content FROM intake_item WHERE channel = 'email'")
        .query((rs, n) -> Map.of("id", rs.getObject("id", UUID.class).toString(), "payload", rs.getString("payload"),
            "raw", new String(rs.getBytes("raw_content"), StandardCharsets.UTF_8))).list();
    return rows.stream().filter(row -> row.get("raw").contains("Message-ID: " + messageId)).findFirst()
        .map(row -> (JsonNode) JSON.valueToTree(Map.of("id", row.get("id"), "payload", row.get("payload"))))
        .orElse(null);
  }
}
