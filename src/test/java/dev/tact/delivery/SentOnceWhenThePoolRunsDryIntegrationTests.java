package dev.tact.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.IdentityParser;
import dev.tact.testsupport.JsonApi.Answer;
import dev.tact.testsupport.SmtpSink;
import dev.tact.testsupport.TactNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found by bench/nodes.sh: under a burst a dispatcher sent a mail, then waited in vain for a pooled connection to
 * record it; the row stayed SENDING and was sent again when its lease ran out, with no node killed. Here the pool
 * runs dry while the relay takes the mail (its RCPT answer starts borrowing every connection the pool gives out) and
 * stays dry past the lease: the mail must still arrive once.
 */
class SentOnceWhenThePoolRunsDryIntegrationTests {

  static final Duration LEASE = Duration.ofSeconds(2);

  @TempDir
  Path folder;

  @Test
  void shouldRecordAMailTheRelayTookThoughThePoolRanDryMeanwhile() throws Exception {
    List<Connection> borrowed = new CopyOnWriteArrayList<>();
    AtomicBoolean borrowing = new AtomicBoolean();
    AtomicBoolean wentDry = new AtomicBoolean();
    try (SmtpSink sink = new SmtpSink(false);
        TactNode node = TactNode.start(TactNode.h2File(folder), "--tact.intake.imap.enabled=false",
            "--tact.timers.enabled=false", "--tact.intake.pipeline.enabled=false",
            "--spring.datasource.hikari.maximum-pool-size=10", "--spring.datasource.hikari.connection-timeout=3000",
            "--tact.delivery.threads=1", "--tact.delivery.lease=PT" + LEASE.toSeconds() + "S",
            "--tact.delivery.poll-interval=PT0.2S", "--tact.delivery.pacing.enabled=false",
            "--tact.delivery.smtp.host=127.0.0.1", "--tact.delivery.smtp.port=" + sink.port(),
            "--tact.delivery.smtp.security=NONE")) {
      HikariDataSource pool = node.bean(DataSource.class).unwrap(HikariDataSource.class);
      CountDownLatch dry = new CountDownLatch(1);
      Thread borrower = Thread.ofPlatform().daemon().start(() -> {
        try {
          dry.await();
        } catch (InterruptedException e) {
          return;
        }
        while (borrowing.get()) {
          try {
            borrowed.add(pool.getConnection());
          } catch (SQLException none) {
            wentDry.set(true); // none free within the pool's timeout: ask again, so none given back is left to others
          }
        }
      });
      borrowing.set(true);
      sink.answerRcpt(rcpt -> {
        dry.countDown();
        await().atMost(Duration.ofSeconds(60)).untilTrue(wentDry);
        return "250 2.1.5 OK";
      });
      String address = "dry-" + UUID.randomUUID() + "@customer.example";
      UUID contact = node.bean(ContactManagement.class).resolve(node.bean(IdentityParser.class).parse(address),
          new ContactNames(null, null, null)).id();
      Answer queued = node.post("/api/v1/outbox/messages", Map.of("contactId", contact.toString(), "subject",
          "Your order", "text", "It ships today.", "purpose", "transactional", "idempotencyKey", UUID.randomUUID()
              .toString()));
      assertThat(queued.status()).as(queued.raw()).isEqualTo(201);

      await().atMost(Duration.ofSeconds(60)).until(() -> sink.acceptedCount() == 1);
      // dry past the lease and past a wait for a connection (3 s): a row left SENDING is due again by then
      await().atMost(Duration.ofSeconds(30)).until(() -> System.nanoTime() - sink.lastAcceptedNanos()
          > LEASE.plusSeconds(5).toNanos());
      borrowing.set(false);
      borrower.join();
      for (Connection c : borrowed) {
        c.close();
      }

      String id = queued.body().path("id").asString();
      await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(
          node.get("/api/v1/outbox/messages/" + id).body().path("state").asString()));
      assertThat(sink.acceptedCount()).isEqualTo(1);
    }
  }
}
