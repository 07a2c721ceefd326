package dev.tact.delivery;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.tact.delivery.dkim.DkimSigner;
import dev.tact.delivery.pacing.DomainPacer;
import dev.tact.delivery.webhook.WebhookClient;
import dev.tact.delivery.webhook.WebhookProperties;
import dev.tact.delivery.webhook.WebhookResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. Each thread claims a batch of due rows ({@code FOR UPDATE SKIP
 * LOCKED}, so nodes never take the same row), marks them SENDING under a lease and commits; then
 * sends them over its own SMTP connection and records the results in one more transaction. A node
 * that dies between the two leaves rows whose lease runs out: they are claimed again and sent with
 * the same Message-ID. That is the exactly-once boundary: at most the rows in flight repeat.
 * The relay is the one in force ({@link RelaySettingsService}): a thread connects anew when it
 * changed, and while none is configured it claims nothing, so mail stays queued.
 */
@Component
class Dispatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final OutboxStore store;
  private final TransactionTemplate transactions;
  private final DispatchSignal signal;
  private final DeliveryProperties properties;
  private final Backoff backoff;
  private final Clock clock;
  private final String node;
  private final DomainPacer pacer;
  private final ObjectProvider<DkimSigner> dkim;
  private final WebhookClient webhooks;
  private final WebhookProperties webhookRetries;
  private final RelaySettingsService relays;
  private final java.util.Random random = new java.util.Random();
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Thread> workers = new ArrayList<>();

  Dispatcher(OutboxStore store, PlatformTransactionManager transactionManager, DispatchSignal signal,
      DeliveryProperties properties, DomainPacer pacer, ObjectProvider<DkimSigner> dkim, WebhookClient webhooks,
      WebhookProperties webhookRetries, RelaySettingsService relays, Clock clock) {
    this.relays = relays;
    this.webhooks = webhooks;
    this.webhookRetries = webhookRetries;
    this.pacer = pacer;
    this.dkim = dkim;
    this.store = store;
    this.transactions = new TransactionTemplate(transactionManager);
    this.signal = signal;
    this.properties = properties;
    this.backoff = new Backoff(properties.retryBase(), properties.retryMax(), new java.util.Random());
    this.clock = clock;
    this.node = properties.nodeId().isBlank() ? defaultNodeId() : properties.nodeId();
  }

  String node() {
    return node;
  }

  /** Opens a connection to the relay in force, for one thread's use. */
  SmtpConnection connect() {
    return connect(relays.relay());
  }

  private static SmtpConnection connect(RelaySettingsService.Relay relay) {
    return new SmtpConnection(relay.smtp(), relay.fromAddress());
  }

  /** Claims, sends and records one batch of due rows over this connection; answers how many were claimed. */
  int dispatchBatch(SmtpConnection smtp) {
    Instant claimedAt = clock.instant();
    Instant leaseUntil = claimedAt.plus(properties.lease());
    List<OutboxStore.Claimed> claimed = transactions.execute(
        status -> store.claim(node, claimedAt, leaseUntil, properties.batch()));
    if (claimed == null || claimed.isEmpty()) {
      return 0;
    }
    Map<String, String> undeliverable = store.undeliverable(claimed.stream().map(OutboxStore.Claimed::recipient)
        .toList());
    List<OutboxStore.Result> results = new ArrayList<>(claimed.size());
    // Stop while a fifth of the lease is left, so that no row is sent after another node may have claimed it.
    Instant stopAt = leaseUntil.minus(properties.lease().dividedBy(5));
    DkimSigner signer = dkim.getIfAvailable();
    for (OutboxStore.Claimed row : claimed) {
      if (!clock.instant().isBefore(stopAt)) {
        break; // the rest stay SENDING until their lease runs out, then they are due again
      }
      String reason = row.recipient() == null ? null
          : undeliverable.get(row.recipient().strip().toLowerCase(java.util.Locale.ROOT));
      if (row.kind() == OutboxKind.WEBHOOK) {
        results.add(post(row));
        continue;
      }
      if (reason != null) {
        results.add(new OutboxStore.Result(row, OutboxState.FAILED, null,
            row.recipient() + " is undeliverable (" + reason + ")", "SKIPPED", null));
        continue;
      }
      // Pacing per recipient domain: wait for a near slot; a far one puts the row back until then.
      Instant slot = pacer.reserve(row.recipientDomain(), clock.instant());
      if (slot.isAfter(stopAt)) {
        results.add(new OutboxStore.Result(row, OutboxState.QUEUED, slot, null, "PACED", null));
        continue;
      }
      if (!waitUntil(slot)) {
        break;
      }
      byte[] bytes = signer == null ? row.content() : signer.sign(row.content());
      results.add(resultOf(row, smtp.send(bytes, row.sender(), row.recipient())));
    }
    transactions.executeWithoutResult(status -> {
      Instant now = clock.instant();
      store.record(node, results, now);
      for (OutboxStore.Result r : results) {
        if ("FAILED".equals(r.outcome()) && r.replyCode() != null && r.replyCode() >= 500) {
          store.countHardBounce(r.row().recipient(), r.error(), now, properties.hardBouncesUntilUndeliverable());
        }
      }
    });
    return claimed.size();
  }

  /** POSTs a WEBHOOK row to its channel's adapter, signed, with its Message-ID as the idempotency key. */
  private OutboxStore.Result post(OutboxStore.Claimed row) {
    java.util.Optional<DeliveryProperties.Adapter> adapter = properties.adapter(row.sender());
    if (adapter.isEmpty()) {
      return new OutboxStore.Result(row, OutboxState.FAILED, null, "No adapter configured for "
          + row.sender().toLowerCase(java.util.Locale.ROOT) + " (tact.delivery.adapters." + row.sender()
          .toLowerCase(java.util.Locale.ROOT) + ".url).", "FAILED", null);
    }
    WebhookResult result = webhooks.post(java.net.URI.create(adapter.get().url()), row.content(),
        adapter.get().secret() == null ? "" : adapter.get().secret(), row.headerMessageId());
    if (result.delivered()) {
      return new OutboxStore.Result(row, OutboxState.SENT, null, null, "SENT", result.status());
    }
    java.util.Optional<Instant> next = webhookRetries.retryPolicy().nextAttempt(row.attempt(), result,
        clock.instant(), random);
    return next.isPresent()
        ? new OutboxStore.Result(row, OutboxState.QUEUED, next.get(), result.error(), "RETRY", result.status())
        : new OutboxStore.Result(row, OutboxState.FAILED, null, result.error(), "FAILED", result.status());
  }

  /** Sleeps until the paced slot; false when interrupted (the node is stopping). */
  private boolean waitUntil(Instant slot) {
    long millis = Duration.between(clock.instant(), slot).toMillis();
    if (millis <= 0) {
      return true;
    }
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private OutboxStore.Result resultOf(OutboxStore.Claimed row, SendOutcome outcome) {
    String detail = outcome.detail();
    return switch (outcome.kind()) {
      case SENT -> new OutboxStore.Result(row, OutboxState.SENT, null, null, "SENT", outcome.replyCode());
      case PERMANENT -> new OutboxStore.Result(row, OutboxState.FAILED, null, detail, "FAILED", outcome.replyCode());
      case TRANSIENT -> row.attempt() >= properties.maxAttempts()
          ? new OutboxStore.Result(row, OutboxState.FAILED, null, "gave up after " + row.attempt() + " attempts: "
              + detail, "FAILED", outcome.replyCode())
          : new OutboxStore.Result(row, OutboxState.QUEUED, clock.instant().plus(backoff.after(row.attempt())), detail,
              "RETRY", outcome.replyCode());
    };
  }

  private void workLoop(int index) {
    SmtpConnection smtp = null;
    RelaySettingsService.Relay connectedTo = null;
    try {
      while (running.get()) {
        long seen = signal.generation();
        try {
          RelaySettingsService.Relay relay = relays.relay();
          if (!relay.equals(connectedTo)) {
            // a new relay (an admin saved one): this thread's next connection goes there
            if (smtp != null) {
              smtp.close();
            }
            smtp = relay.configured() ? connect(relay) : null;
            boolean changed = connectedTo != null;
            connectedTo = relay;
            if (relay.configured() && changed && index == 0) {
              log.info("Delivery: the dispatchers now send through {}", relay.describe());
            }
          }
          if (smtp == null || dispatchBatch(smtp) == 0) {
            signal.awaitAfter(seen, properties.pollInterval().toMillis());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (RuntimeException e) {
          log.error("Dispatcher {} could not claim or record outbox rows; backing off", index, e);
          pause(properties.pollInterval());
        }
      }
    } finally {
      if (smtp != null) {
        smtp.close();
      }
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void start() {
    if (!properties.enabled() || !running.compareAndSet(false, true)) {
      return;
    }
    for (int i = 0; i < properties.threads(); i++) {
      int index = i;
      workers.add(Thread.ofPlatform().name("delivery-" + i).start(() -> workLoop(index)));
    }
    RelaySettingsService.Relay relay = relays.relay();
    if (relay.configured()) {
      log.info("Delivery: {} dispatcher thread(s) on node {} sending through {}", properties.threads(), node,
          relay.describe());
    } else {
      log.warn("No SMTP relay configured (Admin → Sending mail, or tact.delivery.smtp.host): outbound mail is "
          + "queued but not sent until one is.");
    }
  }

  @Override
  public void stop() {
    running.set(false);
    signal.wake();
    for (Thread worker : workers) {
      try {
        worker.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    workers.clear();
  }

  @Override
  public boolean isRunning() {
    return running.get();
  }

  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 200;
  }

  private static String defaultNodeId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "node";
    }
    return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
  }
}
