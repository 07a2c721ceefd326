package dev.tact.noise;

import static dev.tact.shared.SqlTime.utc;

import dev.tact.shared.SkipLockedClaim;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Row locks that serialise noise decisions per key across every node on the database: the row of
 * each key is upserted, then locked by updating its last use until the caller's transaction ends.
 * Keys are always locked in sorted order, so two decisions never wait for each other. Rows of keys
 * unused for a while are deleted by housekeeping ({@link #pruneUnusedBefore}).
 */
@Repository
class NoiseLocks {

  /** Housekeeping deletes at most this many rows per transaction. */
  static final int PRUNE_BATCH = 500;

  /**
   * Housekeeping deletes a row between another transaction's insert (which found the row present)
   * and its update at most once per round; more rounds than this mean something else is wrong.
   */
  private static final int MAX_ATTEMPTS = 10;

  private final JdbcClient jdbc;
  private final Clock clock;

  NoiseLocks(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void lock(Collection<String> keys) {
    Instant now = clock.instant();
    for (String key : new TreeSet<>(keys)) {
      lock(key, now);
    }
  }

  private void lock(String key, Instant now) {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      jdbc.sql("INSERT INTO noise_lock (lock_key, last_used_at) VALUES (:key, :now) ON CONFLICT DO NOTHING")
          .param("key", key).param("now", utc(now)).update();
      // the update takes the row lock; it finds no row when housekeeping deleted it after the insert above
      // found it present, and then the row is inserted again
      int locked = jdbc.sql("UPDATE noise_lock SET last_used_at = :now WHERE lock_key = :key")
          .param("key", key).param("now", utc(now)).update();
      if (locked == 1) {
        return;
      }
    }
    throw new IllegalStateException("noise lock row '" + key + "' vanished " + MAX_ATTEMPTS + " times in a row");
  }

  /**
   * Deletes up to {@link #PRUNE_BATCH} rows last used before {@code before}, in the caller's transaction, and
   * returns how many. Rows locked by a running transaction are skipped, never waited for.
   */
  int pruneUnusedBefore(Instant before) {
    List<String> keys = claimUnusedBefore(before);
    return keys.isEmpty() ? 0 : delete(keys);
  }

  /**
   * Locks (skipping locked ones) and returns up to {@link #PRUNE_BATCH} keys last used before {@code before}, least
   * recently used first: candidates read by the last-use index, then locked by key ({@link SkipLockedClaim}).
   */
  List<String> claimUnusedBefore(Instant before) {
    return SkipLockedClaim.claim(PRUNE_BATCH, (limit, offset) -> jdbc.sql("""
            SELECT lock_key FROM noise_lock WHERE last_used_at < :before
            ORDER BY last_used_at LIMIT :limit OFFSET :offset""")
            .param("before", utc(before)).param("limit", limit).param("offset", offset).query(String.class).list(),
        keys -> jdbc.sql("""
            SELECT lock_key FROM noise_lock WHERE lock_key IN (:keys) AND last_used_at < :before
            FOR UPDATE SKIP LOCKED""")
            .param("keys", keys).param("before", utc(before)).query(String.class).list(),
        key -> key);
  }

  /** Deletes claimed rows: they are locked by the caller, so nobody used them since they were claimed. */
  int delete(List<String> claimedKeys) {
    return jdbc.sql("DELETE FROM noise_lock WHERE lock_key IN (:keys)").param("keys", claimedKeys).update();
  }
}
