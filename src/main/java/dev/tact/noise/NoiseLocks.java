package dev.tact.noise;

import static dev.tact.shared.SqlTime.utc;

import dev.tact.shared.MultiRowInsert;
import dev.tact.shared.SkipLockedClaim;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * Row locks that serialise noise decisions per key across every node on the database: the row of
 * each key is upserted, which locks it until the caller's transaction ends, and its last use set.
 * Keys are always locked in sorted order, so two decisions never wait for each other. Rows of keys
 * unused for a while are deleted by housekeeping ({@link #pruneUnusedBefore}).
 *
 * <p>On PostgreSQL one {@code INSERT ... ON CONFLICT (lock_key) DO UPDATE} locks all the keys: it takes its rows
 * in the order they are listed (sorted), inserting a key's row or waiting for and locking the row there, and
 * inserts again when housekeeping deleted the row it waited for. H2 has no {@code ON CONFLICT DO UPDATE}: each
 * key's row is inserted, which locks a new key's row, else updated, which locks the row present.
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

  private static final MultiRowInsert UPSERT = new MultiRowInsert("INSERT INTO noise_lock (lock_key, last_used_at)",
      2, "ON CONFLICT (lock_key) DO UPDATE SET last_used_at = EXCLUDED.last_used_at");

  private final JdbcClient jdbc;
  private final JdbcTemplate rows;
  private final Clock clock;
  private final boolean upsert;

  NoiseLocks(JdbcClient jdbc, JdbcTemplate rows, Clock clock) {
    this.jdbc = jdbc;
    this.rows = rows;
    this.clock = clock;
    this.upsert = onPostgres(rows.getDataSource());
  }

  void lock(Collection<String> keys) {
    Instant now = clock.instant();
    TreeSet<String> sorted = new TreeSet<>(keys);
    if (sorted.isEmpty()) {
      return;
    }
    if (upsert) {
      upsert(List.copyOf(sorted), now);
      return;
    }
    for (String key : sorted) {
      lock(key, now);
    }
  }

  private void upsert(List<String> sorted, Instant now) {
    UPSERT.insert(rows, sorted.stream().map(key -> new Object[] {key, utc(now)}).toList());
  }

  private void lock(String key, Instant now) {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      // a new key's row is locked by its insert; a row present is locked by the update, which finds none when
      // housekeeping deleted it after the insert found it present, and then the row is inserted again
      int inserted = jdbc.sql("INSERT INTO noise_lock (lock_key, last_used_at) VALUES (:key, :now) "
          + "ON CONFLICT DO NOTHING").param("key", key).param("now", utc(now)).update();
      if (inserted == 1 || jdbc.sql("UPDATE noise_lock SET last_used_at = :now WHERE lock_key = :key")
          .param("key", key).param("now", utc(now)).update() == 1) {
        return;
      }
    }
    throw new IllegalStateException("noise lock row '" + key + "' vanished " + MAX_ATTEMPTS + " times in a row");
  }

  private static boolean onPostgres(DataSource dataSource) {
    try {
      return "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
          DatabaseMetaData::getDatabaseProductName));
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("could not tell the database's product", e);
    }
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
