package dev.tact.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.IdentityParser;
import dev.tact.policy.Purpose;
import dev.tact.testsupport.ManualDispatchTest;
import dev.tact.testsupport.SmtpSink;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sending over TLS with a login, against GreenMail's SMTPS server (its own self-signed certificate)
 * and its plain SMTP server. GreenMail 2.1.8 checks the password a client logs in with (535 when it
 * is wrong) but does not insist on a login, and its SMTP server offers no STARTTLS: there
 * STARTTLS_REQUIRED is shown refusing to send; STARTTLS itself is tested against {@link SmtpSink}
 * offering it with the same certificate.
 */
@ManualDispatchTest
class SmtpTlsIntegrationTests {

  static final String LOGIN = "relay-user";
  static final String PASSWORD = "relay-secret";
  static GreenMail greenMail;

  @Autowired
  Outbox outbox;

  @Autowired
  Dispatcher dispatcher;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  @Autowired
  JdbcClient jdbc;

  @BeforeAll
  static void startGreenMail() {
    ServerSetup[] setups = {ServerSetupTest.SMTPS.dynamicPort(), ServerSetupTest.SMTP.dynamicPort()};
    for (ServerSetup setup : setups) {
      // GreenMail's 2 s for a server to start is too short for SMTPS on a busy machine (it failed so)
      setup.setServerStartupTimeout(30_000);
    }
    greenMail = new GreenMail(setups)
        .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay@tact.test", LOGIN, PASSWORD));
    greenMail.start();
  }

  @AfterAll
  static void stopGreenMail() {
    greenMail.stop();
  }

  @Test
  void shouldSendOverSmtpsWithTheLoginWhenTheRelaysCertificateIsTrusted() throws Exception {
    OutboxEntry row = queueOne("tls");

    send(smtps(PASSWORD, "127.0.0.1"));

    MimeMessage sent = received(row.headerMessageId());
    assertThat(sent.getAllRecipients()[0].toString()).contains(row.recipient());
    OutboxEntry done = outbox.require(row.id());
    assertThat(done.state()).isEqualTo(OutboxState.SENT);
    assertThat(done.lastError()).isNull();
  }

  @Test
  void shouldKeepTheMailQueuedWithTheRefusalWhenThePasswordIsWrong() {
    OutboxEntry row = queueOne("badpass");

    send(smtps("not-the-password", "127.0.0.1"));

    OutboxEntry waiting = outbox.require(row.id());
    assertThat(waiting.state()).as("a login problem is ours, retried later").isEqualTo(OutboxState.QUEUED);
    assertThat(waiting.attempts()).isEqualTo(1);
    assertThat(waiting.lastError()).contains("SMTP login refused").contains("535")
        .contains("tact.delivery.smtp.username");
    assertThat(sentWith(row.headerMessageId())).isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery_address WHERE address = :a").param("a", row.recipient())
        .query(Long.class).single()).as("not a bounce of the recipient").isZero();
  }

  @Test
  void shouldNotCountARelaysDemandForALoginAsABounceOfTheRecipient() {
    OutboxEntry row = queueOne("nologin");
    try (SmtpSink sink = new SmtpSink(false)) {
      sink.answerRcpt(rcpt -> "530 5.7.0 Authentication required");

      send(new DeliveryProperties.Smtp("127.0.0.1", sink.port(), DeliveryProperties.Security.NONE, "", "",
          Duration.ofSeconds(10), ""));

      assertThat(sink.acceptedCount()).isZero();
    }
    OutboxEntry waiting = outbox.require(row.id());
    assertThat(waiting.state()).isEqualTo(OutboxState.QUEUED);
    assertThat(waiting.lastError()).contains("requires a login").contains("530");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery_address WHERE address = :a").param("a", row.recipient())
        .query(Long.class).single()).isZero();
  }

  @Test
  void shouldRefuseAnUntrustedSelfSignedCertificateAndSendNothing() {
    OutboxEntry untrusted = queueOne("untrusted");
    send(smtps(PASSWORD, ""));
    OutboxEntry refused = outbox.require(untrusted.id());
    assertThat(refused.state()).isEqualTo(OutboxState.QUEUED);
    assertThat(refused.lastError()).startsWith("SMTP TLS:").contains("certification path")
        .contains("tact.delivery.smtp.ssl-trust");

    OutboxEntry otherHostTrusted = queueOne("elsewhere");
    send(smtps(PASSWORD, "relay.example.net"));
    assertThat(outbox.require(otherHostTrusted.id()).state()).isEqualTo(OutboxState.QUEUED);
    assertThat(outbox.require(otherHostTrusted.id()).lastError()).startsWith("SMTP TLS:");

    assertThat(sentWith(untrusted.headerMessageId())).isEmpty();
    assertThat(sentWith(otherHostTrusted.headerMessageId())).isEmpty();
  }

  @Test
  void shouldNotSendWithoutTlsWhenStarttlsIsRequiredAndTheRelayDoesNotOfferIt() {
    OutboxEntry row = queueOne("starttls");

    send(new DeliveryProperties.Smtp("127.0.0.1", greenMail.getSmtp().getPort(),
        DeliveryProperties.Security.STARTTLS_REQUIRED, LOGIN, PASSWORD, Duration.ofSeconds(10), "127.0.0.1"));

    OutboxEntry refused = outbox.require(row.id());
    assertThat(refused.state()).isEqualTo(OutboxState.QUEUED);
    assertThat(refused.lastError()).contains("STARTTLS is required");
    assertThat(sentWith(row.headerMessageId())).isEmpty();
  }

  @Test
  void shouldSendOverStarttlsWhenRequiredAndTheRelaysCertificateIsTrusted() throws Exception {
    OutboxEntry row = queueOne("starttls-ok");
    try (SmtpSink sink = new SmtpSink(false)) {
      sink.offerStartTls(selfSignedTls());

      send(startTlsRequired(sink, "127.0.0.1"));

      assertThat(sink.received()).filteredOn(r -> row.headerMessageId().equals(r.messageId())).singleElement()
          .satisfies(r -> assertThat(r.secured()).as("sent after STARTTLS").isTrue());
    }
    assertThat(outbox.require(row.id()).state()).isEqualTo(OutboxState.SENT);
  }

  @Test
  void shouldRefuseAnUntrustedCertificateOfferedWithStarttls() throws Exception {
    OutboxEntry row = queueOne("starttls-untrusted");
    try (SmtpSink sink = new SmtpSink(false)) {
      sink.offerStartTls(selfSignedTls());

      send(startTlsRequired(sink, ""));

      assertThat(sink.received()).noneMatch(r -> row.headerMessageId().equals(r.messageId()));
    }
    OutboxEntry refused = outbox.require(row.id());
    assertThat(refused.state()).isEqualTo(OutboxState.QUEUED);
    assertThat(refused.lastError()).startsWith("SMTP TLS:").contains("tact.delivery.smtp.ssl-trust");
  }

  private static DeliveryProperties.Smtp startTlsRequired(SmtpSink sink, String sslTrust) {
    return new DeliveryProperties.Smtp("127.0.0.1", sink.port(), DeliveryProperties.Security.STARTTLS_REQUIRED,
        "", "", Duration.ofSeconds(10), sslTrust);
  }

  /** The self-signed certificate GreenMail ships (and serves SMTPS with), for the sink's STARTTLS. */
  private static SSLContext selfSignedTls() throws Exception {
    char[] password = "changeit".toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = GreenMail.class.getClassLoader().getResourceAsStream("greenmail.p12")) {
      store.load(in, password);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  private DeliveryProperties.Smtp smtps(String password, String sslTrust) {
    return new DeliveryProperties.Smtp("127.0.0.1", greenMail.getSmtps().getPort(),
        DeliveryProperties.Security.SMTPS, LOGIN, password, Duration.ofSeconds(10), sslTrust);
  }

  private OutboxEntry queueOne(String name) {
    String address = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
    var contact = contacts.resolve(identities.parse(address), new ContactNames(null, null, null));
    return outbox.queue(new OutboundRequest(contact.id(), "Your order", "It ships today.", Purpose.TRANSACTIONAL,
        "tls-" + UUID.randomUUID()), "tests").entry();
  }

  /** Dispatches over one connection with these settings until nothing is due (failed rows wait an hour). */
  private void send(DeliveryProperties.Smtp settings) {
    try (SmtpConnection smtp = new SmtpConnection(settings, "support@tact.test")) {
      for (int rounds = 0; rounds < 100 && dispatcher.dispatchBatch(smtp) > 0; rounds++) {
        // next batch
      }
    }
  }

  private static MimeMessage received(String messageId) {
    await().atMost(Duration.ofSeconds(10)).until(() -> !sentWith(messageId).isEmpty());
    return sentWith(messageId).getFirst();
  }

  private static List<MimeMessage> sentWith(String messageId) {
    return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
      try {
        return ("<" + messageId + ">").equals(m.getMessageID());
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
