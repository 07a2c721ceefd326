package dev.tact.replytemplates.web;

import static org.awaitility.Awaitility.await;

import dev.tact.contact.ContactManagement;
import dev.tact.contact.CustomerDetails;
import dev.tact.contact.IdentityParser;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.MessageSubmission;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A conversation from Siobhán Ó Súilleabháin (names as she gave them), a customer since 2019 on "Business". */
final class ReplyCareFixture {

  private ReplyCareFixture() {
  }

  /** Files her message through intake and answers the conversation's number. */
  static long siobhansConversation(MessageIntake intake, JdbcClient jdbc, ContactManagement contacts,
      IdentityParser identities, String plan) {
    String email = "siobhan-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
    String messageId = UUID.randomUUID() + "@care.test";
    intake.submit(new MessageSubmission("email", email, null, "Siobhán", "Ó Súilleabháin", "Refund for my order",
        "Hello, order 12345 arrived broken. Can I have a refund?", messageId, null, null));
    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
        "SELECT COUNT(*) FROM conv_message WHERE external_id = :id").param("id", messageId).query(Long.class)
        .single() > 0);
    UUID contact = contacts.findByIdentity(identities.parse(email)).orElseThrow().id();
    contacts.updateCustomer(contact, new CustomerDetails(LocalDate.of(2019, 3, 1), plan));
    return jdbc.sql("""
        SELECT c.number FROM conv_conversation c JOIN conv_message m ON m.conversation_id = c.id
         WHERE m.external_id = :id""").param("id", messageId).query(Long.class).single();
  }
}
