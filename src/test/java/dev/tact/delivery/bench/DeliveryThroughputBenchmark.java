package dev.tact.delivery.bench;

import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.IdentityParser;
import dev.tact.delivery.OutboundRequest;
import dev.tact.delivery.Outbox;
import dev.tact.policy.Purpose;
import dev.tact.testsupport.SmtpSink;
import dev.tact.testsupport.TactNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Dispatch throughput of the outbox to a local SMTP sink (pacing off): N mails are queued by one
 * Tact node with its dispatchers off, then a node with dispatchers on sends them all to
 * {@link SmtpSink} on 127.0.0.1. Prints the rate between the first and the last mail the sink
 * accepted, and the time until every row was recorded SENT. Run by {@code bench/delivery-throughput.sh}.
 *
 * <p>Arguments: JDBC URL, mails, threads, batch.
 */
public final class DeliveryThroughputBenchmark {

  private DeliveryThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int mails = Integer.parseInt(args[1]);
    int threads = Integer.parseInt(args[2]);
    int batch = Integer.parseInt(args[3]);
    try (SmtpSink sink = new SmtpSink(false)) {
      long queueStarted;
      long queueEnded;
      try (TactNode setup = TactNode.start(url, "--tact.delivery.enabled=false", "--logging.level.root=WARN")) {
        ContactManagement contacts = setup.bean(ContactManagement.class);
        IdentityParser identities = setup.bean(IdentityParser.class);
        List<UUID> recipients = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
          recipients.add(contacts.resolve(identities.parse("reader" + i + "@bench" + (i % 20) + ".example"),
              new ContactNames(null, null, null)).id());
        }
        Outbox outbox = setup.bean(Outbox.class);
        queueStarted = System.nanoTime();
        for (int from = 0; from < mails; from += 1000) {
          List<OutboundRequest> step = new ArrayList<>();
          for (int i = from; i < Math.min(mails, from + 1000); i++) {
            step.add(new OutboundRequest(recipients.get(i % recipients.size()), "Your order " + i,
                "Thank you for order " + i + ".\nIt ships tomorrow.", Purpose.TRANSACTIONAL, "bench-" + i));
          }
          outbox.queueAll(step, "bench");
        }
        queueEnded = System.nanoTime();
      }
      long started = System.nanoTime();
      try (TactNode node = TactNode.start(url, "--tact.delivery.smtp.host=127.0.0.1",
          "--tact.delivery.smtp.port=" + sink.port(), "--tact.delivery.smtp.security=NONE", "--tact.delivery.pacing.enabled=false",
          "--tact.delivery.threads=" + threads, "--tact.delivery.batch=" + batch, "--logging.level.root=WARN")) {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (node.jdbc().sql("SELECT COUNT(*) FROM delivery_outbox WHERE state = 'SENT'").query(Long.class)
            .single() < mails) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("not all sent within 10 minutes: " + sink.acceptedCount() + " accepted");
          }
          Thread.sleep(20);
        }
        long recorded = System.nanoTime();
        Set<String> distinct = new HashSet<>();
        sink.received().forEach(r -> distinct.add(r.messageId()));
        double sinkSeconds = (sink.lastAcceptedNanos() - sink.firstAcceptedNanos()) / 1e9;
        System.out.printf("queued_per_second=%.0f%n", mails / ((queueEnded - queueStarted) / 1e9));
        System.out.printf("dispatch_per_second=%.0f%n", (mails - 1) / sinkSeconds);
        System.out.printf("first_to_last_seconds=%.2f%n", sinkSeconds);
        System.out.printf("start_to_all_recorded_seconds=%.2f%n", (recorded - started) / 1e9);
        System.out.printf("accepted=%d%n", sink.acceptedCount());
        System.out.printf("distinct_message_ids=%d%n", distinct.size());
      }
    }
  }
}
