package dev.tact.timer;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.shared.SkipLockedClaim;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code timer_entry} table. Every method joins the caller's transaction, if there is one. */
@Repository
class TimerStore {

  private static final String COLUMNS =
      "kind, timer_key, due_at, payload, state, attempts, next_attempt_at, last_error, schedule_id";
  private static final int MAX_ERROR = 4000;

  private final JdbcClient jdbc;

  TimerStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Creates the timer or moves the existing one, which then waits again with no failures counted. H2 has no
   * {@code ON CONFLICT DO UPDATE}, so: update, else insert unless a concurrent transaction just did, else
   * update the row that transaction committed.
   */
  void upsert(String kind, String key, Instant dueAt, String payload, Instant now) {
    if (move(kind, key, dueAt, payload, now) == 0 && insert(kind, key, dueAt, payload, now) == 0) {
      move(kind, key, dueAt, payload, now);
    }
  }

  private int move(String kind, String key, Instant dueAt, String payload, Instant now) {
    return jdbc.sql("""
        UPDATE timer_entry SET due_at = :due, payload = :payload, state = 'WAITING', attempts = 0,
          next_attempt_at = :due, last_error = NULL, schedule_id = :schedule, scheduled_at = :now
        WHERE kind = :kind AND timer_key = :key""")
        .param("due", utc(dueAt)).param("payload", payload).param("schedule", UUID.randomUUID())
        .param("now", utc(now)).param("kind", kind).param("key", key).update();
  }

  private int insert(String kind, String key, Instant dueAt, String payload, Instant now) {
    return jdbc.sql("""
        INSERT INTO timer_entry (kind, timer_key, due_at, payload, state, attempts, next_attempt_at, schedule_id,
          scheduled_at)
        VALUES (:kind, :key, :due, :payload, 'WAITING', 0, :due, :schedule, :now)
        ON CONFLICT DO NOTHING""")
        .param("kind", kind).param("key", key).param("due", utc(dueAt)).param("payload", payload)
        .param("schedule", UUID.randomUUID()).param("now", utc(now)).update();
  }

  boolean delete(String kind, String key) {
    return jdbc.sql("DELETE FROM timer_entry WHERE kind = :kind AND timer_key = :key")
        .param("kind", kind).param("key", key).update() == 1;
  }

  /** Deletes this version of the timer; false if it was moved or cancelled meanwhile (e.g. by its handler). */
  boolean deleteFired(TimerRow timer) {
    return jdbc.sql("DELETE FROM timer_entry WHERE kind = :kind AND timer_key = :key AND schedule_id = :schedule")
        .param("kind", timer.kind()).param("key", timer.key()).param("schedule", timer.scheduleId()).update() == 1;
  }

  Optional<TimerRow> find(String kind, String key) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM timer_entry WHERE kind = :kind AND timer_key = :key")
        .param("kind", kind).param("key", key).query(TimerStore::row).optional();
  }

  /**
   * Locks up to {@code limit} due waiting timers of {@code kinds} that no other transaction holds, earliest first:
   * candidates read in the due index's order, then locked by key ({@link SkipLockedClaim}).
   */
  List<TimerRow> claimDue(Collection<String> kinds, Instant now, int limit) {
    return claimWaiting(kinds, now, limit);
  }

  /** Waiting timers of {@code kinds}, due by {@code dueBy} (any when null), earliest first, locked ones passed over. */
  private List<TimerRow> claimWaiting(Collection<String> kinds, Instant dueBy, int limit) {
    String due = dueBy == null ? "" : " AND next_attempt_at <= :due";
    Object dueAt = dueBy == null ? null : utc(dueBy);
    return SkipLockedClaim.claim(limit, (candidates, offset) -> jdbc.sql("""
            SELECT kind, timer_key FROM timer_entry
            WHERE state = 'WAITING' AND kind IN (:kinds)""" + due + """

            ORDER BY state, next_attempt_at
            LIMIT :limit OFFSET :offset""")
            .param("kinds", kinds).param("due", dueAt).param("limit", candidates).param("offset", offset)
            .query((rs, n) -> new Key(rs.getString("kind"), rs.getString("timer_key"))).list(),
        keys -> jdbc.sql("SELECT " + COLUMNS + " " + """
             FROM timer_entry
            WHERE (kind, timer_key) IN (:keys) AND state = 'WAITING'""" + due + """

            FOR UPDATE SKIP LOCKED""")
            .param("keys", keys.stream().map(key -> new Object[] {key.kind(), key.key()}).toList())
            .param("due", dueAt).query(TimerStore::row).list(),
        timer -> new Key(timer.kind(), timer.key()));
  }

  private record Key(String kind, String key) {}

  /**
   * Locks the waiting timer of one of {@code kinds} that is next due and that no other transaction holds. It
   * may not be due yet: then the caller learns how long it may sleep, and releases it by ending the transaction.
   * Claimed as {@link #claimDue} claims (200,000 waiting timers cost 6-18 s a call on H2 as one FOR UPDATE query, at
   * each idle pass of the worker), without the due condition.
   */
  Optional<TimerRow> claimNext(Collection<String> kinds) {
    return claimWaiting(kinds, null, 1).stream().findFirst();
  }

  /** Counts a failed attempt on this version of the timer: retried at {@code nextAttempt}, or parked. */
  boolean recordFailure(TimerRow timer, String error, boolean park, Instant nextAttempt) {
    return jdbc.sql("""
        UPDATE timer_entry SET attempts = attempts + 1, last_error = :error, state = :state, next_attempt_at = :next
        WHERE kind = :kind AND timer_key = :key AND schedule_id = :schedule AND state = 'WAITING'""")
        .param("error", error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR))
        .param("state", park ? "PARKED" : "WAITING").param("next", utc(nextAttempt))
        .param("kind", timer.kind()).param("key", timer.key()).param("schedule", timer.scheduleId()).update() == 1;
  }

  long countWaiting() {
    return jdbc.sql("SELECT COUNT(*) FROM timer_entry WHERE state = 'WAITING'").query(Long.class).single();
  }

  long countParked() {
    return jdbc.sql("SELECT COUNT(*) FROM timer_entry WHERE state = 'PARKED'").query(Long.class).single();
  }

  /** Timers due at {@code now} and not yet fired (of any kind), the earliest one's due time, and parked timers. */
  QueueBacklog backlog(Instant now) {
    return QueueBacklog.ofStateTable(jdbc, "timer_entry", "WAITING", now);
  }

  /** When the earliest waiting timer was due, or empty when none waits. */
  Optional<Instant> earliestWaiting() {
    return jdbc.sql("SELECT MIN(next_attempt_at) AS next FROM timer_entry WHERE state = 'WAITING'")
        .query((rs, n) -> Optional.ofNullable(instant(rs, "next"))).single();
  }

  /** The kinds of waiting timers due by {@code now} that none of {@code kinds} names. */
  List<String> dueKindsOtherThan(Collection<String> kinds, Instant now) {
    String known = kinds.isEmpty() ? "" : " AND kind NOT IN (:kinds)";
    var spec = jdbc.sql("SELECT DISTINCT kind FROM timer_entry WHERE state = 'WAITING' AND next_attempt_at <= :now"
        + known + " ORDER BY kind").param("now", utc(now));
    if (!kinds.isEmpty()) {
      spec = spec.param("kinds", kinds);
    }
    return spec.query(String.class).list();
  }

  private static TimerRow row(ResultSet rs, int n) throws SQLException {
    return new TimerRow(rs.getString("kind"), rs.getString("timer_key"), instant(rs, "due_at"), rs.getString("payload"),
        "PARKED".equals(rs.getString("state")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
        rs.getString("last_error"), rs.getObject("schedule_id", UUID.class));
  }
}
