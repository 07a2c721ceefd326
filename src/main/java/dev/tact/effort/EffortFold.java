package dev.tact.effort;

import dev.tact.timer.Backoff;
import dev.tact.timer.ChangeLog;
import dev.tact.timer.ClaimWorkers;
import dev.tact.timer.WakeUp;
import dev.tact.timer.WorkFailure;
import dev.tact.timer.WorkQueue;
import dev.tact.timer.WorkerSettings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Folds the conversations whose effort changed ({@code effort_change}) into {@code effort_daily} (ADR 0046): under
 * the one row of {@code effort_fold_lock} it claims a batch, reads each conversation's {@code conversation_effort}
 * row as it is now, takes out what {@code effort_counted} says it added and puts in what it adds now (summary rows in
 * sorted key order), and deletes the claimed changes, in one transaction. A measure only inserts a change row.
 */
@Component
class EffortFold implements WorkQueue<ChangeLog.Change> {

  static final List<String> FILTERS = List.of("all", "team", "channel", "intent");
  static final List<String> GROUPS = List.of("period", "team", "channel", "intent");
  /** What one conversation adds: its UTC day, team, channel and intent ('' for none), score and capped points. */
  record Counted(LocalDate openedOn, String teamKey, String channel, String intent, long[] points) {

    String key(String dimension) {
      return switch (dimension) {
        case "team" -> teamKey;
        case "channel" -> channel;
        case "intent" -> intent;
        default -> "";
      };
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Counted c && openedOn.equals(c.openedOn) && teamKey.equals(c.teamKey)
          && channel.equals(c.channel) && intent.equals(c.intent) && java.util.Arrays.equals(points, c.points);
    }

    @Override
    public int hashCode() {
      return Objects.hash(openedOn, teamKey, channel, intent, java.util.Arrays.hashCode(points));
    }
  }

  /** One summary row. */
  record Key(String filterDim, String filterKey, String groupDim, LocalDate day, String groupKey)
      implements Comparable<Key> {

    @Override
    public int compareTo(Key o) {
      int c = filterDim.compareTo(o.filterDim);
      c = c != 0 ? c : filterKey.compareTo(o.filterKey);
      c = c != 0 ? c : groupDim.compareTo(o.groupDim);
      c = c != 0 ? c : day.compareTo(o.day);
      return c != 0 ? c : groupKey.compareTo(o.groupKey);
    }
  }

  /** The summed columns, in {@link Counted#points} order after the count. */
  static final List<String> SUMS = List.of("score", "messages", "handoffs", "reopens", "switches", "repeats",
      "waited");

  private final JdbcClient jdbc;
  private final ChangeLog changes;

  EffortFold(JdbcClient jdbc, ClaimWorkers workers, @Value("${tact.dashboard.fold.enabled:true}") boolean enabled,
      @Value("${tact.dashboard.fold.poll-interval:2s}") Duration pollInterval) {
    this.jdbc = jdbc;
    this.changes = new ChangeLog(jdbc, "effort_change", "conversation_id", "effort_fold_lock");
    workers.register(this, WorkerSettings.locked("effort-fold", enabled, enabled ? 1 : 0, 2000,
        pollInterval, 10, Backoff.doubling(Duration.ofSeconds(1), Duration.ofMinutes(5))), new WakeUp());
  }

  /** Notes, in the measure's transaction, that the conversation's effort row changed: an INSERT, nothing else. */
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
      Map<UUID, Counted> now = read("SELECT conversation_id, CAST((opened_at AT TIME ZONE 'UTC') AS DATE) AS opened_on,"
          + " COALESCE(CAST(team_id AS VARCHAR(36)), '') AS team_key, COALESCE(channel, '') AS channel,"
          + " COALESCE(intent, '') AS intent, " + EffortFold.POINTS + " FROM conversation_effort"
          + " WHERE conversation_id IN (:ids)", chunk);
      Map<UUID, Counted> before = read("SELECT conversation_id, opened_on, team_key, channel, intent, "
          + String.join(", ", SUMS) + " FROM effort_counted WHERE conversation_id IN (:ids)", chunk);
      for (UUID id : chunk) {
        Counted was = before.get(id);
        Counted is = now.get(id);
        if (Objects.equals(was, is)) {
          continue;
        }
        move(moves, was, -1);
        move(moves, is, 1);
        jdbc.sql("DELETE FROM effort_counted WHERE conversation_id = :id").param("id", id).update();
        if (is != null) {
          Map<String, Object> params = new HashMap<>(Map.of("id", id, "day", is.openedOn(), "team", is.teamKey(),
              "channel", is.channel(), "intent", is.intent()));
          for (int i = 0; i < SUMS.size(); i++) {
            params.put(SUMS.get(i), is.points()[i]);
          }
          jdbc.sql("INSERT INTO effort_counted (conversation_id, opened_on, team_key, channel, intent, "
              + String.join(", ", SUMS) + ") VALUES (:id, :day, :team, :channel, :intent, :"
              + String.join(", :", SUMS) + ")").params(params).update();
        }
      }
    }
    moves.forEach(this::add);
    changes.forget(claimed);
  }

  @Override
  public boolean recordFailure(ChangeLog.Change item, WorkFailure failure) {
    // the change stays; the next pass reads the conversation's effort again
    return false;
  }

  /** The score and each part's points as the dashboard averages them (capped as {@link EffortScore} caps them). */
  static final String POINTS = ("score, LEAST(GREATEST(customer_messages - 1, 0) * %d, %d) AS messages,"
      + " LEAST(handoffs * %d, %d) AS handoffs, LEAST(reopens * %d, %d) AS reopens,"
      + " LEAST(channel_switches * %d, %d) AS switches, CASE WHEN repeat_contact THEN %d ELSE 0 END AS repeats,"
      + " CAST(LEAST(waited_business_minutes / %d, %d) AS INT) AS waited").formatted(
      EffortScore.PER_EXTRA_MESSAGE, EffortScore.MESSAGES_CAP, EffortScore.PER_HANDOFF, EffortScore.HANDOFFS_CAP,
      EffortScore.PER_REOPEN, EffortScore.REOPENS_CAP, EffortScore.PER_CHANNEL_SWITCH,
      EffortScore.CHANNEL_SWITCHES_CAP, EffortScore.REPEAT_CONTACT, EffortScore.MINUTES_PER_WAIT_POINT,
      EffortScore.WAIT_CAP);

  private Map<UUID, Counted> read(String sql, List<UUID> ids) {
    Map<UUID, Counted> read = new HashMap<>();
    jdbc.sql(sql).param("ids", ids).query(rs -> {
      read.put(rs.getObject("conversation_id", UUID.class), counted(rs));
    });
    return read;
  }

  private static Counted counted(ResultSet rs) throws SQLException {
    long[] points = new long[SUMS.size()];
    for (int i = 0; i < points.length; i++) {
      points[i] = rs.getLong(SUMS.get(i));
    }
    return new Counted(rs.getObject("opened_on", LocalDate.class), rs.getString("team_key"), rs.getString("channel"),
        rs.getString("intent"), points);
  }

  private static void move(Map<Key, long[]> moves, Counted counted, int sign) {
    if (counted == null) {
      return;
    }
    for (String filter : FILTERS) {
      for (String group : GROUPS) {
        long[] by = moves.computeIfAbsent(new Key(filter, counted.key(filter), group, counted.openedOn(),
            counted.key(group)), k -> new long[1 + SUMS.size()]);
        by[0] += sign;
        for (int i = 0; i < SUMS.size(); i++) {
          by[1 + i] += sign * counted.points()[i];
        }
      }
    }
  }

  private void add(Key key, long[] by) {
    if (java.util.Arrays.stream(by).allMatch(v -> v == 0)) {
      return;
    }
    Map<String, Object> params = new HashMap<>(Map.of("fd", key.filterDim(), "fk", key.filterKey(),
        "gd", key.groupDim(), "gk", key.groupKey(), "day", key.day(), "conversations", by[0]));
    StringBuilder set = new StringBuilder("conversations = conversations + :conversations");
    for (int i = 0; i < SUMS.size(); i++) {
      params.put(SUMS.get(i), by[1 + i]);
      set.append(", ").append(SUMS.get(i)).append(" = ").append(SUMS.get(i)).append(" + :").append(SUMS.get(i));
    }
    String where = " WHERE filter_dim = :fd AND filter_key = :fk AND group_dim = :gd AND opened_on = :day"
        + " AND group_key = :gk";
    if (jdbc.sql("UPDATE effort_daily SET " + set + where).params(params).update() == 0) {
      jdbc.sql("INSERT INTO effort_daily (filter_dim, filter_key, group_dim, group_key, opened_on, conversations, "
          + String.join(", ", SUMS) + ") VALUES (:fd, :fk, :gd, :gk, :day, :conversations, :"
          + String.join(", :", SUMS) + ")").params(params).update();
    }
  }
}
