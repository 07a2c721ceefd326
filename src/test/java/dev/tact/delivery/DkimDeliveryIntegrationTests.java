package dev.tact.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.IdentityParser;
import dev.tact.policy.Purpose;
import dev.tact.testsupport.ManualDispatchTest;
import dev.tact.testsupport.SmtpSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** With a DKIM key configured, the dispatcher signs each mail as it sends it; the stored bytes stay unsigned. */
@ManualDispatchTest
class DkimDeliveryIntegrationTests {

  @Autowired
  Outbox outbox;

  @Autowired
  Dispatcher dispatcher;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  @Test
  void shouldSignEachMailWithTheConfiguredKeyWhenItIsSent() {
    Contact contact = contacts.resolve(identities.parse("signed-" + UUID.randomUUID() + "@dkim.example"),
        new ContactNames(null, null, null));
    OutboxEntry row = outbox.queue(new OutboundRequest(contact.id(), "Receipt", "Paid.", Purpose.TRANSACTIONAL,
        "dkim-" + UUID.randomUUID()), "tests").entry();

    try (SmtpSink sink = new SmtpSink(true); SmtpConnection smtp = new SmtpConnection(new DeliveryProperties.Smtp(
        "127.0.0.1", sink.port(), DeliveryProperties.Security.NONE, "", "", Duration.ofSeconds(10), ""),
        "support@tact.test")) {
      while (dispatcher.dispatchBatch(smtp) > 0) {
        // until nothing is due
      }
      String sent = sink.received().stream().filter(r -> row.headerMessageId().equals(r.messageId()))
          .map(r -> new String(r.content(), StandardCharsets.US_ASCII)).findFirst().orElseThrow();
      assertThat(sent).startsWith("DKIM-Signature:").contains("d=tact.test").contains("s=s2026")
          .contains("a=rsa-sha256");
    }
    assertThat(outbox.require(row.id()).state()).isEqualTo(OutboxState.SENT);
  }
}
