package dev.tact.delivery;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.tact.delivery.dkim.DkimSigner;
import dev.tact.delivery.pacing.DomainPacer;
import dev.tact.delivery.webhook.WebhookClient;
import dev.tact.delivery.webhook.WebhookProperties;
import dev.tact.delivery.webhook.WebhookResult;
import dev.tact.timer.Backoff;
import dev.tact.timer.ClaimWorkers;
import dev.tact.timer.QueueBacklog;
import dev.tact.timer.WorkQueue;
import dev.tact.timer.Worker;
import dev.tact.timer.WorkerSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, as a leased work queue of the claim worker ({@code tact.delivery.threads} threads
 * named {@code delivery-N}). A thread claims a batch of due rows ({@code FOR UPDATE SKIP LOCKED}, so nodes never take
 * the same row), marks them SENDING under a lease and commits; then sends them over its own SMTP connection and
 * records the results in one more transaction. A node that dies between the two leaves rows whose lease runs out:
 * they are claimed again and sent with the same Message-ID. That is the exactly-once boundary: at most the rows in
 * flight repeat. The relay is the one in force ({@link RelaySettingsService}): a thread connects anew when it
 * changed, and while none is configured no email is claimed, so mail stays queued; webhook rows are sent regardless.
 */
@Component
class Dispatcher implements WorkQueue<Dispatcher.Leased>, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  /** A claimed row and the end of its lease. */
  record Leased(OutboxStore.Claimed row, Instant leaseUntil) {}

  /** One worker thread's connection, and the relay it goes to. */
  private record Lane(RelaySettingsService.Relay relay, SmtpConnection smtp) {}

  private final OutboxStore store;
  private final TransactionTemplate transactions;
  private final DeliveryProperties properties;
  private final Backoff backoff;
  private final Clock clock;
  private final String node;
  private final DomainPacer pacer;
  private final ObjectProvider<DkimSigner> dkim;
  private final WebhookClient webhooks;
  private final WebhookProperties webhookRetries;
  private final ChannelProviders providers;
  private final RelaySettingsService relays;
  private final java.util.Random random = new java.util.Random();
  private final ThreadLocal<Lane> lanes = new ThreadLocal<>();
  private final AtomicReference<RelaySettingsService.Relay> announced = new AtomicReference<>();
  private final Worker worker;

  Dispatcher(OutboxStore store, PlatformTransactionManager transactionManager, DispatchSignal signal,
      DeliveryProperties properties, DomainPacer pacer, ObjectProvider<DkimSigner> dkim, WebhookClient webhooks,
      WebhookProperties webhookRetries, RelaySettingsService relays, Clock clock, ClaimWorkers workers,
      ChannelProviders providers) {
    this.relays = relays;
    this.providers = providers;
    this.webhooks = webhooks;
    this.webhookRetries = webhookRetries;
    this.pacer = pacer;
    this.dkim = dkim;
    this.store = store;
    this.transactions = new TransactionTemplate(transactionManager);
    this.properties = properties;
    this.backoff = new Backoff(properties.retryBase(), properties.retryMax(), 0.2, new java.util.Random());
    this.clock = clock;
    this.node = properties.nodeId().isBlank() ? defaultNodeId() : properties.nodeId();
    this.worker = workers.register(this, new WorkerSettings("delivery", properties.enabled(), properties.threads(),
        properties.batch(), properties.pollInterval(), properties.maxAttempts(), backoff,
        WorkerSettings.Claim.LEASED, Duration.ofSeconds(30)), signal);
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
    Instant now = clock.instant();
    List<Leased> claimed = transactions.execute(status -> claim(now, properties.batch()));
    if (claimed == null || claimed.isEmpty()) {
      return 0;
    }
    send(claimed, smtp);
    return claimed.size();
  }

  @Override
  public Optional<QueueBacklog> backlog(Instant now) {
    return Optional.of(store.backlog(now));
  }

  /**
   * No email is claimed while no relay is configured: those rows stay queued. Webhook and provider rows need no
   * relay and are claimed either way.
   */
  @Override
  public List<Leased> claimDue(Instant now, int limit) {
    return claim(now, limit, relays.relay().configured());
  }

  private List<Leased> claim(Instant now, int limit) {
    return claim(now, limit, true);
  }

  private List<Leased> claim(Instant now, int limit, boolean withEmail) {
    Instant leaseUntil = now.plus(properties.lease());
    return store.claim(node, now, leaseUntil, limit, withEmail).stream().map(row -> new Leased(row, leaseUntil))
        .toList();
  }

  /**
   * Sends the claimed rows over this thread's connection, to the relay in force. Were the relay removed between
   * the claim and now, the rows stay SENDING until their lease runs out and are then due again.
   */
  @Override
  public void handle(List<Leased> claimed) {
    RelaySettingsService.Relay relay = relays.relay();
    if (!relay.configured()) {
      send(claimed, null); // no email was claimed: webhooks and providers need no relay
      return;
    }
    Lane lane = lanes.get();
    if (lane == null || !lane.relay().equals(relay)) {
      if (lane != null) {
        lane.smtp().close();
      }
      lane = new Lane(relay, connect(relay));
      lanes.set(lane);
      RelaySettingsService.Relay before = announced.getAndSet(relay);
      if (before != null && !before.equals(relay)) {
        log.info("Delivery: the dispatchers now send through {}", relay.describe());
      }
    }
    send(claimed, lane.smtp());
  }

  @Override
  public void threadEnding() {
    Lane lane = lanes.get();
    if (lane != null) {
      lane.smtp().close();
      lanes.remove();
    }
  }

  private void send(List<Leased> claimed, SmtpConnection smtp) {
    List<OutboxStore.Claimed> rows = claimed.stream().map(Leased::row).toList();
    Instant leaseUntil = claimed.getFirst().leaseUntil();
    Map<String, String> undeliverable = store.undeliverable(rows.stream().map(OutboxStore.Claimed::recipient)
        .toList());
    // The connection that records the results is taken before the first send: a mail the relay took must not stay
    // SENDING for want of a pooled connection, to be sent again when its lease runs out (bench/nodes.sh saw it under
    // load). Nothing is written before the results, so the transaction holds no lock while the mail goes out.
    transactions.executeWithoutResult(status -> {
      List<OutboxStore.Result> results = sendEach(rows, undeliverable, leaseUntil, smtp);
      Instant now = clock.instant();
      store.record(node, results, now);
      for (OutboxStore.Result r : results) {
        if ("FAILED".equals(r.outcome()) && r.row().kind() == OutboxKind.EMAIL && r.replyCode() != null
            && r.replyCode() >= 500) {
          store.countHardBounce(r.row().recipient(), r.error(), now, properties.hardBouncesUntilUndeliverable());
        }
      }
    });
  }

  private List<OutboxStore.Result> sendEach(List<OutboxStore.Claimed> rows, Map<String, String> undeliverable,
      Instant leaseUntil, SmtpConnection smtp) {
    List<OutboxStore.Result> results = new ArrayList<>(rows.size());
    // Stop while a fifth of the lease is left, so that no row is sent after another node may have claimed it.
    Instant stopAt = leaseUntil.minus(properties.lease().dividedBy(5));
    DkimSigner signer = dkim.getIfAvailable();
    for (OutboxStore.Claimed row : rows) {
      if (!clock.instant().isBefore(stopAt)) {
        break; // the rest stay SENDING until their lease runs out, then they are due again
      }
      String reason = row.recipient() == null ? null
          : undeliverable.get(row.recipient().strip().toLowerCase(java.util.Locale.ROOT));
      if (row.kind() == OutboxKind.WEBHOOK) {
        results.add(post(row));
        continue;
      }
      if (row.kind() == OutboxKind.PROVIDER) {
        results.add(provide(row));
        continue;
      }
      if (smtp == null) { // the relay went away after the claim: due again at once, the attempt not counted
        results.add(new OutboxStore.Result(row, OutboxState.QUEUED, clock.instant(), null, "PACED", null));
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
      results.add(resultOf(row, smtp.send(bytes, row.sender(), row.recipient(), row.copies())));
    }
    return results;
  }

  /**
   * POSTs a WEBHOOK row to its channel's adapter, signed, with its Message-ID as the idempotency key.
   */
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

  /**
   * Hands a PROVIDER row to its channel's {@link ChannelSender}, with the webhooks' retry policy. A row that already
   * has the provider's id was taken by the provider before: it is not sent again.
   */
  private OutboxStore.Result provide(OutboxStore.Claimed row) {
    if (row.providerMessageId() != null) {
      return new OutboxStore.Result(row, OutboxState.SENT, null, null, "SENT", null, row.providerMessageId());
    }
    java.util.Optional<ChannelSender> sender = providers.sender(dev.tact.shared.Channel.valueOf(row.sender()));
    if (sender.isEmpty()) {
      return new OutboxStore.Result(row, OutboxState.FAILED, null, "No " + row.sender().toUpperCase(
          java.util.Locale.ROOT) + " provider is configured.", "FAILED", null);
    }
    SendAttempt attempt;
    try {
      attempt = sender.get().send(new ChannelMessage(row.id(), row.idempotencyKey(), row.recipient(),
          row.content() == null ? "" : new String(row.content(), java.nio.charset.StandardCharsets.UTF_8),
          row.attempt(), row.createdAt()));
    } catch (RuntimeException e) { // a sender's bug must not lose the batch's results
      log.warn("Delivery: the {} provider failed on row {}", row.sender(), row.id(), e);
      attempt = SendAttempt.failed(0, true, java.util.Optional.empty(), "Provider error: " + e);
    }
    if (attempt.sent()) {
      return new OutboxStore.Result(row, OutboxState.SENT, null, null, "SENT", attempt.status(),
          attempt.providerMessageId());
    }
    WebhookResult asWebhook = new WebhookResult(attempt.status(), false, attempt.retryable(), attempt.retryAfter(),
        attempt.error());
    java.util.Optional<Instant> next = webhookRetries.retryPolicy().nextAttempt(row.attempt(), asWebhook,
        clock.instant(), random);
    return next.isPresent()
        ? new OutboxStore.Result(row, OutboxState.QUEUED, next.get(), attempt.error(), "RETRY", attempt.status())
        : new OutboxStore.Result(row, OutboxState.FAILED, null, attempt.error(), "FAILED", attempt.status());
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

  @Override
  public void start() {
    if (!properties.enabled()) {
      return;
    }
    worker.start();
    RelaySettingsService.Relay relay = relays.relay();
    if (relay.configured()) {
      announced.compareAndSet(null, relay);
      log.info("Delivery: {} dispatcher thread(s) on node {} sending through {}", properties.threads(), node,
          relay.describe());
    } else {
      log.warn("No SMTP relay configured (Admin → Sending mail, or tact.delivery.smtp.host): outbound mail is "
          + "queued but not sent until one is.");
    }
  }

  /** Lets each thread finish its batch (it records what it sent), then stops. */
  @Override
  public void stop() {
    worker.stop();
  }

  @Override
  public boolean isRunning() {
    return worker.isRunning();
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
