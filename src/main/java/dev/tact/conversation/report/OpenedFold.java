package dev.tact.conversation.report;

import dev.tact.shared.SqlTime;
import dev.tact.timer.Backoff;
import dev.tact.timer.ChangeLog;
import dev.tact.timer.ClaimWorkers;
import dev.tact.timer.WakeUp;
import dev.tact.timer.WorkFailure;
import dev.tact.timer.WorkQueue;
import dev.tact.timer.WorkerSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Folds the conversations noted in {@code conv_opened_change} into {@code conv_opened_daily} (ADR 0046): under the
 * one row of {@code conv_opened_fold_lock} (so one fold runs at a time across nodes) it claims a batch of changes,
 * reads each conversation as it is now, takes out what {@code conv_opened_counted} says it added and puts in what it
 * adds now (summary rows in sorted key order), and deletes the claimed changes, in one transaction. A change
 * committed after the read stays for the next pass, so the summary and the counted rows never lag behind silently;
 * reading the conversation afresh makes a change noted twice, or out of order, harmless.
 */
@Component
class OpenedFold implements WorkQueue<ChangeLog.Change> {

  private static final Set<String> OPEN_STATUSES = StatusFacts.OPEN.stream().map(Enum::name)
      .collect(Collectors.toUnmodifiableSet());
  /** What one conversation adds to the summary: its UTC day, team, channel, intent tags and two flags. */
  record Counted(LocalDate openedOn, String teamKey, String channel, String intents, int reopened, int unresolved) {

    List<Key> keys() {
      List<Key> keys = new ArrayList<>(List.of(new Key("all", "", openedOn), new Key("team", teamKey, openedOn),
          new Key("channel", channel, openedOn)));
      if (!intents.isEmpty()) {
        for (String intent : intents.split(",")) {
          keys.add(new Key("intent", intent, openedOn));
        }
      }
      return keys;
    }
  }

  /** One summary row. */
  record Key(String dimension, String dimKey, LocalDate day) implements Comparable<Key> {

    @Override
    public int compareTo(Key o) {
      int c = dimension.compareTo(o.dimension);
      c = c != 0 ? c : dimKey.compareTo(o.dimKey);
      return c != 0 ? c : day.compareTo(o.day);
    }
  }

  private final JdbcClient jdbc;
  private final ChangeLog changes;

  OpenedFold(JdbcClient jdbc, ClaimWorkers workers, @Value("${tact.dashboard.fold.enabled:true}") boolean enabled,
      @Value("${tact.dashboard.fold.poll-interval:2s}") Duration pollInterval) {
    this.jdbc = jdbc;
    this.changes = new ChangeLog(jdbc, "conv_opened_change", "conversation_id", "conv_opened_fold_lock");
    workers.register(this, WorkerSettings.locked("conversation-opened-fold", enabled, enabled ? 1 : 0,
        2000, pollInterval, 10, Backoff.doubling(Duration.ofSeconds(1), Duration.ofMinutes(5))), new WakeUp());
  }

  /** Notes, in the writing transaction, that the conversation changed (an INSERT, nothing else). */
  void changed(UUID conversationId) {
    changes.note(conversationId);
  }

  @Override
  public List<ChangeLog.Change> claimDue(Instant now, int limit) {
    return changes.claim(limit);
  }

  @Override
  public void handle(List<ChangeLog.Change> claimed) {
    Map<Key, long[]> moves = new TreeMap<>();
    for (List<UUID> chunk : ChangeLog.chunksOfIds(claimed)) {
      Map<UUID, Counted> now = now(chunk);
      Map<UUID, Counted> before = counted(chunk);
      for (UUID id : chunk) {
        Counted was = before.get(id);
        Counted is = now.get(id);
        if (Objects.equals(was, is)) {
          continue;
        }
        move(moves, was, -1);
        move(moves, is, 1);
        jdbc.sql("DELETE FROM conv_opened_counted WHERE conversation_id = :id").param("id", id).update();
        if (is != null) {
          jdbc.sql("""
              INSERT INTO conv_opened_counted (conversation_id, opened_on, team_key, channel, intents, reopened,
                unresolved)
              VALUES (:id, :day, :team, :channel, :intents, :reopened, :unresolved)""")
              .param("id", id).param("day", is.openedOn()).param("team", is.teamKey()).param("channel", is.channel())
              .param("intents", is.intents()).param("reopened", is.reopened()).param("unresolved", is.unresolved())
              .update();
        }
      }
    }
    moves.forEach((key, by) -> {
      if (by[0] == 0 && by[1] == 0 && by[2] == 0) {
        return;
      }
      int updated = jdbc.sql("""
          UPDATE conv_opened_daily SET opened = opened + :opened, reopened = reopened + :reopened,
            unresolved = unresolved + :unresolved
          WHERE dimension = :dimension AND dim_key = :key AND opened_on = :day""")
          .param("opened", by[0]).param("reopened", by[1]).param("unresolved", by[2])
          .param("dimension", key.dimension()).param("key", key.dimKey()).param("day", key.day()).update();
      if (updated == 0) {
        jdbc.sql("""
            INSERT INTO conv_opened_daily (dimension, dim_key, opened_on, opened, reopened, unresolved)
            VALUES (:dimension, :key, :day, :opened, :reopened, :unresolved)""")
            .param("opened", by[0]).param("reopened", by[1]).param("unresolved", by[2])
            .param("dimension", key.dimension()).param("key", key.dimKey()).param("day", key.day()).update();
      }
    });
    changes.forget(claimed);
  }

  @Override
  public boolean recordFailure(ChangeLog.Change item, WorkFailure failure) {
    // the change stays as it is; the next pass reads the conversation again
    return false;
  }

  private static void move(Map<Key, long[]> moves, Counted counted, int sign) {
    if (counted == null) {
      return;
    }
    for (Key key : counted.keys()) {
      long[] by = moves.computeIfAbsent(key, k -> new long[3]);
      by[0] += sign;
      by[1] += (long) sign * counted.reopened();
      by[2] += (long) sign * counted.unresolved();
    }
  }

  /** What the conversations add now (none for a merged or deleted one). */
  private Map<UUID, Counted> now(List<UUID> ids) {
    Map<UUID, String> intents = new HashMap<>();
    jdbc.sql("SELECT conversation_id, tag FROM conv_tag WHERE conversation_id IN (:ids) AND tag LIKE 'intent:%'"
        + " ORDER BY conversation_id, tag").param("ids", ids).query(rs -> {
          intents.merge(rs.getObject("conversation_id", UUID.class), rs.getString("tag"), (a, b) -> a + "," + b);
        });
    Map<UUID, Counted> now = new HashMap<>();
    jdbc.sql("SELECT id, created_at, team_id, channel, status, reopen_count FROM conv_conversation"
        + " WHERE id IN (:ids) AND merged_into_id IS NULL").param("ids", ids).query(rs -> {
          UUID id = rs.getObject("id", UUID.class);
          now.put(id, new Counted(LocalDate.ofInstant(SqlTime.instant(rs, "created_at"), ZoneOffset.UTC),
              Objects.toString(rs.getObject("team_id"), ""), rs.getString("channel"), intents.getOrDefault(id, ""),
              rs.getInt("reopen_count") > 0 ? 1 : 0, OPEN_STATUSES.contains(rs.getString("status")) ? 1 : 0));
        });
    return now;
  }

  /** What the summary counts for the conversations now. */
  private Map<UUID, Counted> counted(List<UUID> ids) {
    Map<UUID, Counted> counted = new HashMap<>();
    jdbc.sql("SELECT conversation_id, opened_on, team_key, channel, intents, reopened, unresolved"
        + " FROM conv_opened_counted WHERE conversation_id IN (:ids)").param("ids", ids).query(rs -> {
          counted.put(rs.getObject("conversation_id", UUID.class), new Counted(
              rs.getObject("opened_on", LocalDate.class), rs.getString("team_key"), rs.getString("channel"),
              rs.getString("intents"), rs.getInt("reopened"), rs.getInt("unresolved")));
        });
    return counted;
  }
}
