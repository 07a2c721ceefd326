package dev.tact.effort;

import dev.tact.timer.ChangeFold;
import dev.tact.timer.ChangeLog;
import dev.tact.timer.CountedRows;
import dev.tact.timer.SummaryFolds;
import dev.tact.timer.SummaryTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Folds the conversations whose effort changed ({@code effort_change}) into {@code effort_daily} (ADR 0046) with a
 * {@link ChangeFold}: under the one row of {@code effort_fold_lock} it reads each conversation's {@code
 * conversation_effort} row as it is now and moves its count from what {@code effort_counted} says it added to what it
 * adds now. A measure only inserts a change row. This class says only what a conversation adds and where.
 */
@Component
class EffortFold {

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
          && channel.equals(c.channel) && intent.equals(c.intent) && Arrays.equals(points, c.points);
    }

    @Override
    public int hashCode() {
      return Objects.hash(openedOn, teamKey, channel, intent, Arrays.hashCode(points));
    }

    List<?> values() {
      List<Object> values = new ArrayList<>(List.of(openedOn, teamKey, channel, intent));
      Arrays.stream(points).forEach(values::add);
      return values;
    }

    /** Adds it, times {@code sign}, to one row for each filter and group: the count, then each summed column. */
    void addTo(SummaryTable.Additions summary, int sign) {
      long[] amounts = new long[1 + points.length];
      amounts[0] = sign;
      for (int i = 0; i < points.length; i++) {
        amounts[1 + i] = sign * points[i];
      }
      for (String filter : FILTERS) {
        for (String group : GROUPS) {
          summary.add(List.of(filter, key(filter), group, openedOn, key(group)), amounts);
        }
      }
    }
  }

  /** The summed columns, in {@link Counted#points} order after the count. */
  static final List<String> SUMS = List.of("score", "messages", "handoffs", "reopens", "switches", "repeats",
      "waited");

  private final ChangeFold<Counted> fold;

  EffortFold(JdbcClient jdbc, SummaryFolds folds) {
    List<String> countedColumns = new ArrayList<>(List.of("opened_on", "team_key", "channel", "intent"));
    countedColumns.addAll(SUMS);
    List<String> summed = new ArrayList<>(List.of("conversations"));
    summed.addAll(SUMS);
    CountedRows<Counted> counted = new CountedRows<>(jdbc, "effort_counted", "conversation_id", countedColumns,
        (rs, n) -> counted(rs), Counted::values);
    this.fold = new ChangeFold<>(new ChangeLog(jdbc, "effort_change", "conversation_id", "effort_fold_lock"),
        ids -> counted.readBy(NOW, ids), counted,
        new SummaryTable(jdbc, "effort_daily", List.of("filter_dim", "filter_key", "group_dim", "opened_on",
            "group_key"), summed),
        (summary, c, sign) -> c.addTo(summary, sign));
    folds.register("effort-fold", fold);
  }

  /** Notes, in the measure's transaction, that the conversation's effort row changed: an INSERT, nothing else. */
  void changed(UUID conversationId) {
    fold.changed(conversationId);
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

  /** What the conversations add now, read from their effort rows. */
  private static final String NOW = "SELECT conversation_id,"
      + " CAST((opened_at AT TIME ZONE 'UTC') AS DATE) AS opened_on,"
      + " COALESCE(CAST(team_id AS VARCHAR(36)), '') AS team_key, COALESCE(channel, '') AS channel,"
      + " COALESCE(intent, '') AS intent, " + POINTS + " FROM conversation_effort WHERE conversation_id IN (:ids)";

  private static Counted counted(ResultSet rs) throws SQLException {
    long[] points = new long[SUMS.size()];
    for (int i = 0; i < points.length; i++) {
      points[i] = rs.getLong(SUMS.get(i));
    }
    return new Counted(rs.getObject("opened_on", LocalDate.class), rs.getString("team_key"), rs.getString("channel"),
        rs.getString("intent"), points);
  }
}
