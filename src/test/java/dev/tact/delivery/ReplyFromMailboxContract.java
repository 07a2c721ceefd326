package dev.tact.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tact.conversation.Actor;
import dev.tact.compose.Replies;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Message;
import dev.tact.intake.IncomingMail;
import dev.tact.intake.MailboxRequest;
import dev.tact.intake.Mailboxes;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.smtp.SmtpListener;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Replies go out from the address the customer wrote to: mail delivered to Tact's SMTP listener for
 * a second mailbox (billing@) is answered from billing@, with the configured display name, as From
 * and as envelope sender; mail that came through no mailbox, or whose mailbox was deleted since, is
 * answered from the configured from-address. Sent to GreenMail by the dispatcher; on H2 and PostgreSQL.
 */
abstract class ReplyFromMailboxContract {

  static GreenMail greenMail;

  @Autowired
  Mailboxes mailboxes;

  @Autowired
  MessageIntake intake;

  @Autowired
  SmtpListener listener;

  @Autowired
  ConversationManagement conversations;

  @Autowired
  Replies replies;

  @Autowired
  Outbox outbox;

  @Autowired
  Dispatcher dispatcher;

  @Autowired
  JdbcClient jdbc;

  @BeforeAll
  static void startGreenMail() {
    greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    greenMail.start();
  }

  @AfterAll
  static void stopGreenMail() {
    greenMail.stop();
  }

  @Test
  void shouldAnswerFromTheMailboxAddressTheCustomerWroteTo() throws Exception {
    String billing = mailbox("billing");
    mailbox("support");
    String messageId = unique("order") + "@customer.example";

    deliverOverSmtp(unique("ana") + "@customer.example", billing, messageId);
    MimeMessage sent = sendReply(conversationOf(messageId));

    InternetAddress from = (InternetAddress) sent.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo(billing);
    assertThat(from.getPersonal()).isEqualTo("Acme Help");
    assertThat(sent.getHeader("Return-Path")[0]).as("envelope sender").contains(billing);
  }

  @Test
  void shouldAnswerFromTheConfiguredAddressWhenTheMailCameThroughNoMailbox() throws Exception {
    String messageId = unique("api") + "@customer.example";

    intake.submitMail(new IncomingMail(mail(unique("ben") + "@customer.example", "help@acme.example", messageId),
        "api", null, null, List.of(), null));
    MimeMessage sent = sendReply(conversationOf(messageId));

    InternetAddress from = (InternetAddress) sent.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("support@tact.test");
    assertThat(from.getPersonal()).isEqualTo("Acme Help");
    assertThat(sent.getHeader("Return-Path")[0]).contains("support@tact.test");
  }

  @Test
  void shouldFallBackToTheConfiguredAddressWhenTheMailboxIsGone() throws Exception {
    String refunds = mailbox("refunds");
    String messageId = unique("refund") + "@customer.example";
    deliverOverSmtp(unique("cy") + "@customer.example", refunds, messageId);
    UUID conversation = conversationOf(messageId);

    mailboxes.delete(mailboxes.findByAddress(refunds).orElseThrow().id());
    MimeMessage sent = sendReply(conversation);

    assertThat(((InternetAddress) sent.getFrom()[0]).getAddress()).isEqualTo("support@tact.test");
  }

  private String mailbox(String name) {
    String address = unique(name) + "@acme.example";
    mailboxes.create(new MailboxRequest(address, address, null, false, null, null, null, null, null, null, null,
        null, null));
    return address;
  }

  /** A customer's mail handed to Tact's SMTP listener with this mailbox as the RCPT TO. */
  private void deliverOverSmtp(String customer, String to, String messageId) throws Exception {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", String.valueOf(listener.port()));
    Session session = Session.getInstance(properties);
    MimeMessage message = new MimeMessage(session, new java.io.ByteArrayInputStream(mail(customer, to, messageId)));
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect();
      // sendMessage, unlike Transport.send, keeps the mail's own Message-ID
      transport.sendMessage(message, new InternetAddress[] {new InternetAddress(to)});
    }
  }

  private UUID conversationOf(String messageId) {
    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
        "SELECT COUNT(*) FROM conv_message WHERE external_id = :id").param("id", messageId).query(Long.class)
        .single() > 0);
    return jdbc.sql("SELECT conversation_id FROM conv_message WHERE external_id = :id").param("id", messageId)
        .query(UUID.class).single();
  }

  /** An agent answers; the dispatcher sends the reply to GreenMail. */
  private MimeMessage sendReply(UUID conversation) throws Exception {
    Message reply = replies.reply(conversation, Actor.agent(null, "Dana"), "We are on it.");
    OutboxEntry row = outbox.ofMessage(reply.id()).orElseThrow();
    try (SmtpConnection smtp = new SmtpConnection(new DeliveryProperties.Smtp("127.0.0.1",
        greenMail.getSmtp().getPort(), DeliveryProperties.Security.NONE, "", "", Duration.ofSeconds(10), ""),
        "connection-default@tact.test")) { // each row's own sender is the MAIL FROM, not this
      for (int rounds = 0; rounds < 100 && dispatcher.dispatchBatch(smtp) > 0; rounds++) {
        // next batch
      }
    }
    assertThat(outbox.require(row.id()).state()).isEqualTo(OutboxState.SENT);
    await().atMost(Duration.ofSeconds(10)).until(() -> sentWith(row.headerMessageId()) != null);
    return sentWith(row.headerMessageId());
  }

  private static MimeMessage sentWith(String messageId) throws Exception {
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      if (("<" + messageId + ">").equals(m.getMessageID())) {
        return m;
      }
    }
    return null;
  }

  private static byte[] mail(String from, String to, String messageId) {
    return """
        From: %s
        To: %s
        Subject: Question %s
        Message-ID: <%s>
        Date: Mon, 23 Nov 2026 10:00:00 +0100
        Content-Type: text/plain; charset=UTF-8

        Could you help me with %s, please?
        """.formatted(from, to, messageId, messageId, messageId).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
