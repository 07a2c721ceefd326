package dev.tact.intake.imap;

import dev.tact.intake.IntakeProperties;
import dev.tact.intake.MessageIntake;
import dev.tact.shared.secrets.SecretBox;
import dev.tact.shared.secrets.SecretUnreadableException;
import dev.tact.shared.ProblemException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls the configured mailboxes over IMAP, on every node. A scheduler thread looks for due
 * mailboxes each tick and takes a lease on each one it starts (a conditional UPDATE), so a
 * mailbox is polled by one node at a time while different mailboxes are polled in parallel and
 * independently: one server that is down only delays its own mailbox, with growing back-off.
 */
@Component
public class ImapPoller implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ImapPoller.class);

  private final PollStateStore state;
  private final MessageIntake intake;
  private final SecretBox secrets;
  private final ImapProperties settings;
  private final int maxMailBytes;
  private final Clock clock;
  private final String owner;
  private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean running;
  private Thread scheduler;
  private ExecutorService pollers;

  ImapPoller(PollStateStore state, MessageIntake intake, SecretBox secrets, ImapProperties settings,
      IntakeProperties intakeProperties, Clock clock) {
    this.state = state;
    this.intake = intake;
    this.secrets = secrets;
    this.settings = settings;
    this.maxMailBytes = intakeProperties.maxMailBytes();
    this.clock = clock;
    this.owner = nodeName() + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Polls one mailbox now in the caller's thread and returns how many messages it logged.
   *
   * @throws ProblemException 409 {@code mailbox-busy} when a poll of it is running (here or on another node),
   *     502 {@code imap-failed} when the server failed, 503 {@code intake-unavailable} when the log refused
   */
  public int pollNow(UUID mailboxId) {
    Instant now = clock.instant();
    if (!inFlight.add(mailboxId)) {
      throw busy();
    }
    try {
      if (!state.claim(mailboxId, owner, now, now.plus(settings.lease()))) {
        throw busy();
      }
      PollResult result = pollLeased(mailboxId);
      return switch (result.outcome()) {
        case DONE, LEASE_LOST -> result.logged();
        case SERVER_FAILED -> throw new ProblemException(502, "imap-failed", "IMAP server failed", result.error());
        case INTAKE_BUSY -> throw new ProblemException(503, "intake-unavailable", "Intake unavailable",
            result.error());
      };
    } finally {
      inFlight.remove(mailboxId);
    }
  }

  private void scheduleLoop() {
    while (running) {
      try {
        int free = settings.threads() - inFlight.size();
        if (free > 0) {
          Instant now = clock.instant();
          for (UUID id : state.due(now, free)) {
            if (inFlight.add(id)) {
              if (state.claim(id, owner, now, now.plus(settings.lease()))) {
                pollers.execute(() -> pollInBackground(id));
              } else {
                inFlight.remove(id);
              }
            }
          }
        }
      } catch (RuntimeException e) {
        log.warn("IMAP scheduler could not look for due mailboxes: {}", e.getMessage());
      }
      try {
        Thread.sleep(settings.tick());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void pollInBackground(UUID id) {
    try {
      pollLeased(id);
    } catch (RuntimeException e) {
      log.error("Poll of mailbox {} failed unexpectedly", id, e);
    } finally {
      inFlight.remove(id);
    }
  }

  /** Runs a poll on a mailbox whose lease this node holds, and records the outcome. */
  private PollResult pollLeased(UUID id) {
    var account = state.account(id).orElse(null);
    if (account == null) {
      return new PollResult(0, PollResult.Outcome.LEASE_LOST, null);
    }
    PollResult result;
    try {
      String password = account.passwordCipher() == null ? "" : secrets.decrypt(account.passwordCipher());
      result = new MailboxPoll(account, password, settings, intake, state, owner, clock, maxMailBytes).run();
    } catch (SecretUnreadableException e) {
      result = new PollResult(0, PollResult.Outcome.SERVER_FAILED, e.getMessage());
    } catch (RuntimeException e) {
      result = new PollResult(0, PollResult.Outcome.SERVER_FAILED, "Unexpected error: " + e);
      log.error("Poll of mailbox {} failed unexpectedly", account.address(), e);
    }
    record(account, result);
    return result;
  }

  private void record(ImapAccount account, PollResult result) {
    Instant now = clock.instant();
    Duration interval = Duration.ofSeconds(account.pollIntervalSeconds());
    switch (result.outcome()) {
      case LEASE_LOST -> log.info("Mailbox {} was taken over or changed during a poll", account.address());
      case DONE -> state.finish(account.id(), owner, now, null, 0, now.plus(interval));
      case INTAKE_BUSY -> state.finish(account.id(), owner, now, result.error(), account.failures(),
          now.plus(interval));
      case SERVER_FAILED -> {
        int failures = account.failures() + 1;
        log.warn("Mailbox {}: poll failed ({} in a row): {}", account.address(), failures, result.error());
        state.finish(account.id(), owner, now, result.error(), failures, now.plus(backoff(interval, failures)));
      }
    }
    if (result.logged() > 0) {
      log.info("Mailbox {}: {} new message(s) logged", account.address(), result.logged());
    }
  }

  /** The interval doubled per failure in a row, at most {@code max-backoff} (never less than the interval). */
  Duration backoff(Duration interval, int failures) {
    Duration max = settings.maxBackoff().compareTo(interval) < 0 ? interval : settings.maxBackoff();
    Duration wait = interval;
    for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(max) > 0 ? max : wait;
  }

  private static ProblemException busy() {
    return new ProblemException(409, "mailbox-busy", "Mailbox busy",
        "The mailbox is being polled right now; try again in a moment.");
  }

  private static String nodeName() {
    try {
      String host = InetAddress.getLocalHost().getHostName();
      return host.length() > 60 ? host.substring(0, 60) : host;
    } catch (UnknownHostException e) {
      return "node";
    }
  }

  @Override
  public void start() {
    if (!settings.enabled() || running) {
      return;
    }
    running = true;
    AtomicInteger n = new AtomicInteger();
    pollers = Executors.newFixedThreadPool(Math.max(1, settings.threads()),
        r -> Thread.ofPlatform().name("imap-poll-" + n.incrementAndGet()).daemon(true).unstarted(r));
    scheduler = Thread.ofPlatform().name("imap-scheduler").daemon(true).start(this::scheduleLoop);
  }

  /** Stops starting polls, lets running ones end (bounded), and gives this node's leases back. */
  @Override
  public void stop() {
    if (!running) {
      return;
    }
    running = false;
    scheduler.interrupt();
    pollers.shutdown();
    try {
      if (!pollers.awaitTermination(settings.readTimeout().toSeconds() + 5, TimeUnit.SECONDS)) {
        pollers.shutdownNow();
      }
      scheduler.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      state.releaseAll(owner);
    } catch (RuntimeException e) {
      log.warn("Could not give back IMAP leases; they expire after {}", settings.lease());
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 200; // starts after, and stops before, the inbound log (DEFAULT - 100)
  }
}
