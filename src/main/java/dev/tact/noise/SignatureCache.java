package dev.tact.noise;

import dev.tact.noise.similarity.DuplicateRule;
import dev.tact.noise.similarity.IndexMatch;
import dev.tact.noise.similarity.Signature;
import dev.tact.noise.similarity.SignatureIndex;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node's {@link SignatureIndex} of the signatures in the window: loaded at start, refreshed
 * now and then with the rows other nodes wrote, and for one author at once before each check (the
 * caller holds that author's lock, so every row of the author is committed and visible then).
 * Rows of one author are written under its lock, so their refs grow with commit order: one
 * watermark per author says which of them this node already holds.
 */
@Component
class SignatureCache implements SmartLifecycle {

  /** How far back a periodic refresh looks again, for rows committed a while after they were written. */
  private static final java.time.Duration OVERLAP = java.time.Duration.ofMinutes(2);

  private final SignatureStore store;
  private final NoiseProperties properties;
  private final Clock clock;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final ConcurrentHashMap<String, Long> watermarks = new ConcurrentHashMap<>();
  private final SignatureIndex index;
  private volatile Instant lastRefresh;
  private volatile boolean running;

  SignatureCache(SignatureStore store, NoiseProperties properties, Clock clock) {
    this.store = store;
    this.properties = properties;
    this.clock = clock;
    this.index = new SignatureIndex(DuplicateRule.defaults().withThreshold(properties.threshold()));
  }

  /** The best match of this author's signature in the window, after reading the author's newest rows. */
  Optional<IndexMatch> bestMatch(String authorKey, Signature signature, double threshold) {
    Instant since = clock.instant().minus(properties.window());
    addAll(store.ofAuthorAfter(authorKey, watermarks.getOrDefault(authorKey, 0L), since));
    lock.readLock().lock();
    try {
      return index.bestMatch(indexAuthor(authorKey), signature, since.getEpochSecond(), threshold);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Adds a row this node just wrote (under the author's lock). */
  void add(long ref, String authorKey, Signature signature, Instant receivedAt) {
    addAll(List.of(new SignatureStore.Row(ref, authorKey, signature.toBytes(), null, receivedAt)));
  }

  int size() {
    lock.readLock().lock();
    try {
      return index.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Reads what other nodes wrote since the last refresh, and forgets what left the window. */
  @Scheduled(fixedDelayString = "${tact.noise.refresh-interval:10s}",
      initialDelayString = "${tact.noise.refresh-interval:10s}")
  void refresh() {
    if (!running) {
      return;
    }
    Instant now = clock.instant();
    Instant since = now.minus(properties.window());
    Instant from = lastRefresh == null ? Instant.EPOCH : lastRefresh.minus(OVERLAP);
    addAll(store.writtenSince(from, since));
    lastRefresh = now;
    lock.writeLock().lock();
    try {
      index.removeOlderThan(since.getEpochSecond());
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void addAll(List<SignatureStore.Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    lock.writeLock().lock();
    try {
      for (SignatureStore.Row row : rows) {
        long known = watermarks.getOrDefault(row.authorKey(), 0L);
        if (row.ref() > known) {
          index.add(row.ref(), indexAuthor(row.authorKey()), Signature.fromBytes(row.signature()),
              row.receivedAt().getEpochSecond());
          watermarks.put(row.authorKey(), row.ref());
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The index's author: null when unknown, so its rule lets long unattributed texts match any author. */
  private static String indexAuthor(String authorKey) {
    return NoiseControl.UNKNOWN_AUTHOR.equals(authorKey) ? null : authorKey;
  }

  @Override
  public void start() {
    running = true;
    lastRefresh = null;
    refresh();
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
