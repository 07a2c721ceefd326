package dev.tact.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.compose.Replies;
import dev.tact.conversation.Actor;
import dev.tact.intake.IncomingMail;
import dev.tact.intake.MessageIntake;
import dev.tact.policy.ConsentEntry;
import dev.tact.policy.ConsentLedger;
import dev.tact.policy.ConsentRequest;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real data made through the application, for the archive's round trips: an agent, a customer's mail with an
 * attachment filed through intake, the agent's reply, the customer's consent (and its audit entry).
 */
final class ArchiveData {

  static final byte[] ATTACHMENT = "invoice 4711: 1 × lamp, € 20\u0000\u00ff binary tail".getBytes(StandardCharsets.UTF_8);

  private ArchiveData() {}

  /** Makes the data and returns the id of the conversation the mail opened. */
  static UUID make(StaffDirectory staff, MessageIntake intake, Replies replies, ConsentLedger consent,
      JdbcClient jdbc) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    staff.createAgent("archie-" + run + "@tact.test", "Archie Vist " + run, Role.AGENT, "archie-pass-12345");
    String messageId = "order-" + run + "@customer.example";
    intake.submitMail(new IncomingMail(mail("zoe-" + run + "@customer.example", messageId), "api", null, null,
        List.of(), null));
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
        "SELECT COUNT(*) FROM conv_message WHERE external_id = :id").param("id", messageId).query(Long.class)
        .single() > 0);
    UUID conversation = jdbc.sql("SELECT conversation_id FROM conv_message WHERE external_id = :id")
        .param("id", messageId).query(UUID.class).single();
    UUID contact = jdbc.sql("SELECT contact_id FROM conv_conversation WHERE id = :id").param("id", conversation)
        .query(UUID.class).single();
    replies.reply(conversation, Actor.agent(null, "Archie"), "Thanks Zoë, the lamp ships today. ✓");
    consent.record(contact, new ConsentRequest(ConsentEntry.Kind.EXPRESS, Channel.EMAIL, Purpose.MARKETING, null,
        "archive test", "ticked the box", null), "archie");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_attachment").query(Long.class).single()).isPositive();
    return conversation;
  }

  private static byte[] mail(String from, String messageId) {
    return ("""
        From: Zoë <%s>
        To: help@acme.example
        Subject: Lamp order, invoice attached
        Message-ID: <%s>
        Date: Mon, 23 Nov 2026 10:00:00 +0100
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b1"

        --b1
        Content-Type: text/plain; charset=UTF-8
        Content-Transfer-Encoding: 8bit

        Hello, where is my lamp? Grüße, Zoë
        --b1
        Content-Type: application/octet-stream; name="invoice.bin"
        Content-Disposition: attachment; filename="invoice.bin"
        Content-Transfer-Encoding: base64

        %s
        --b1--
        """.formatted(from, messageId, Base64.getMimeEncoder().encodeToString(ATTACHMENT)))
        .replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }
}
