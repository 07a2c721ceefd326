package dev.tact.noise;

import java.util.Collection;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Row locks that serialise noise decisions per key across every node on the database: the row of
 * each key is upserted, then locked with {@code SELECT ... FOR UPDATE} until the caller's
 * transaction ends. Keys are always locked in sorted order, so two decisions never wait for each other.
 */
@Repository
class NoiseLocks {

  private final JdbcClient jdbc;

  NoiseLocks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void lock(Collection<String> keys) {
    for (String key : new TreeSet<>(keys)) {
      jdbc.sql("INSERT INTO noise_lock (lock_key) VALUES (:key) ON CONFLICT DO NOTHING").param("key", key).update();
      jdbc.sql("SELECT lock_key FROM noise_lock WHERE lock_key = :key FOR UPDATE").param("key", key)
          .query(String.class).single();
    }
  }
}
