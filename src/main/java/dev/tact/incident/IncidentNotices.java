package dev.tact.incident;

import dev.tact.delivery.OutboundRequest;
import dev.tact.delivery.Outbox;
import dev.tact.delivery.Queued;
import java.time.Clock;
import dev.tact.policy.Purpose;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends an update that asks for it to every contact the incident affects, once: each is a transactional notice
 * decided by the contact policy and queued in the outbox (which paces what it sends), in batches of
 * {@link Outbox#MAX_BATCH}, each in its own transaction. The outbox's idempotency key (the update and the contact)
 * makes a second run, after a crash or on another node, queue nothing twice; the update is marked done at the end,
 * and a sweep picks up updates whose notices never finished.
 */
@Component
class IncidentNotices {

  private static final Logger log = LoggerFactory.getLogger(IncidentNotices.class);
  static final java.time.Duration SWEEP_GRACE = java.time.Duration.ofMinutes(15);

  private final IncidentStore store;
  private final Incidents incidents;
  private final Outbox outbox;
  private final IncidentProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;

  IncidentNotices(IncidentStore store, Incidents incidents, Outbox outbox, IncidentProperties properties,
      PlatformTransactionManager transactionManager, Clock clock) {
    this.clock = clock;
    this.store = store;
    this.incidents = incidents;
    this.outbox = outbox;
    this.properties = properties;
    // its own transaction per batch even when called from the listener, which runs in one of its own: otherwise
    // every batch of an incident's notices joined that one, and nothing was queued until the last batch committed
    this.transactions = new TransactionTemplate(transactionManager);
    this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @ApplicationModuleListener
  void on(IncidentUpdated updated) {
    if (updated.sendNotices()) {
      send(updated.updateId());
    }
  }

  /**
   * Updates whose notices a stopped node left unfinished: those posted more than {@link #SWEEP_GRACE} ago, so that
   * the sweep does not work beside the listener still sending a large update (100,000 notices take minutes).
   */
  @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
  void sweep() {
    for (UUID update : store.updatesAwaitingNotices(clock.instant().minus(SWEEP_GRACE))) {
      send(update);
    }
  }

  /** Queues the update's notices (a row per contact, whether this run or an earlier one wrote it); answers how many. */
  int send(UUID updateId) {
    IncidentUpdate update = store.findUpdate(updateId).orElse(null);
    if (update == null || !update.sendNotices()) {
      return 0;
    }
    Incident incident = incidents.require(update.incidentId());
    List<UUID> contacts = store.affectedContacts(incident.id());
    String subject = subject(incident, update);
    String text = text(incident, update);
    List<List<UUID>> batches = new ArrayList<>();
    for (int from = 0; from < contacts.size(); from += Outbox.MAX_BATCH) {
      batches.add(contacts.subList(from, Math.min(contacts.size(), from + Outbox.MAX_BATCH)));
    }
    String actor = "incident " + incident.reference();
    int queued = inFlight(properties.noticeBatchesInFlight(), batches, some -> queueBatch(update, some, subject, text, actor));
    int total = queued;
    transactions.executeWithoutResult(status -> {
      if (store.claimNotices(update.id(), clock.instant())) {
        store.noticesQueued(update.id(), total);
      }
    });
    log.info("{}: {} notices queued for the {} update to {} affected contacts", incident.reference(), total,
        update.state().id(), contacts.size());
    return total;
  }

  /**
   * Runs every batch, {@code threads} at once (each in its own transaction, in any
   * order: a batch's contacts are its own, and the outbox's keys are per update and contact); answers the sum. After a
   * batch failed no further one starts, and the first failure is thrown once those running have ended: the update is
   * then not marked, and the sweep (or a later run) resumes it by the keys already taken.
   */
  static <T> int inFlight(int threads, List<T> batches, java.util.function.ToIntFunction<T> batch) {
    if (Math.min(threads, batches.size()) <= 1) {
      int sum = 0;
      for (T some : batches) {
        sum += batch.applyAsInt(some);
      }
      return sum;
    }
    java.util.concurrent.atomic.AtomicReference<RuntimeException> failed = new java.util.concurrent.atomic
        .AtomicReference<>();
    java.util.concurrent.atomic.AtomicInteger sum = new java.util.concurrent.atomic.AtomicInteger();
    try (java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.min(threads, batches.size()),
        Thread.ofVirtual().name("incident-notices-", 0).factory())) {
      for (T some : batches) {
        pool.execute(() -> {
          if (failed.get() != null) {
            return;
          }
          try {
            sum.addAndGet(batch.applyAsInt(some));
          } catch (RuntimeException | Error e) {
            if (!failed.compareAndSet(null, e instanceof RuntimeException r ? r : new IllegalStateException(e))) {
              failed.get().addSuppressed(e);
            }
          }
        });
      }
    } // close() waits for every batch started
    if (failed.get() != null) {
      throw failed.get();
    }
    return sum.get();
  }

  /** One batch of notices, in its own transaction: answers how many rows it has (queued now or earlier). */
  private int queueBatch(IncidentUpdate update, List<UUID> some, String subject, String text, String actor) {
    Map<UUID, String> subscribed = store.subscriptionTokens(some);
    List<OutboundRequest> batch = new ArrayList<>(some.size());
    for (UUID contact : some) {
      String token = subscribed.get(contact);
      batch.add(new OutboundRequest(contact, subject, token == null ? text : text + "\nYou subscribed to these "
          + "notices on our status page. To stop them: " + properties.baseUrl() + "/status/subscriptions/" + token
          + "/unsubscribe\n", Purpose.TRANSACTIONAL, "incident-notice:" + update.id() + ":" + contact));
    }
    List<Queued> results = transactions.execute(status -> outbox.queueAll(batch, actor));
    return results.size();
  }

  static String subject(Incident incident, IncidentUpdate update) {
    return "[" + update.state().label() + "] " + incident.title();
  }

  private String text(Incident incident, IncidentUpdate update) {
    return update.message() + "\n\n" + incident.reference() + " — " + update.state().label() + ". Follow it here: "
        + properties.statusLink(incident) + "\n";
  }
}
