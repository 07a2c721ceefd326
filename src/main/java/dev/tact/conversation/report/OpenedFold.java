package dev.tact.conversation.report;

import dev.tact.shared.SqlTime;
import dev.tact.timer.ChangeFold;
import dev.tact.timer.ChangeLog;
import dev.tact.timer.CountedRows;
import dev.tact.timer.SummaryFolds;
import dev.tact.timer.SummaryTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Folds the conversations noted in {@code conv_opened_change} into {@code conv_opened_daily} (ADR 0046) with a
 * {@link ChangeFold}: under the one row of {@code conv_opened_fold_lock} (so one fold runs at a time across nodes) it
 * reads each conversation as it is now and moves its count from what {@code conv_opened_counted} says it added to
 * what it adds now. This class says only what a conversation adds and to which summary rows.
 */
@Component
class OpenedFold {

  private static final Set<String> OPEN_STATUSES = StatusFacts.OPEN.stream().map(Enum::name)
      .collect(Collectors.toUnmodifiableSet());

  /** What one conversation adds to the summary: its UTC day, team, channel, intent tags and two flags. */
  record Counted(LocalDate openedOn, String teamKey, String channel, String intents, int reopened, int unresolved) {

    static final List<String> COLUMNS = List.of("opened_on", "team_key", "channel", "intents", "reopened",
        "unresolved");

    static Counted read(ResultSet rs) throws SQLException {
      return new Counted(rs.getObject("opened_on", LocalDate.class), rs.getString("team_key"), rs.getString("channel"),
          rs.getString("intents"), rs.getInt("reopened"), rs.getInt("unresolved"));
    }

    List<?> values() {
      return List.of(openedOn, teamKey, channel, intents, reopened, unresolved);
    }

    /** Adds it, times {@code sign}, to its summary rows: (dimension, key, day) for all, team, channel, each intent. */
    void addTo(SummaryTable.Additions summary, int sign) {
      List<List<?>> keys = new ArrayList<>(List.of(List.of("all", "", openedOn), List.of("team", teamKey, openedOn),
          List.of("channel", channel, openedOn)));
      if (!intents.isEmpty()) {
        for (String intent : intents.split(",")) {
          keys.add(List.of("intent", intent, openedOn));
        }
      }
      keys.forEach(key -> summary.add(key, sign, (long) sign * reopened, (long) sign * unresolved));
    }
  }

  private final JdbcClient jdbc;
  private final ChangeFold<Counted> fold;

  OpenedFold(JdbcClient jdbc, SummaryFolds folds) {
    this.jdbc = jdbc;
    this.fold = new ChangeFold<>(new ChangeLog(jdbc, "conv_opened_change", "conversation_id", "conv_opened_fold_lock"),
        this::now,
        new CountedRows<>(jdbc, "conv_opened_counted", "conversation_id", Counted.COLUMNS,
            (rs, n) -> Counted.read(rs), Counted::values),
        new SummaryTable(jdbc, "conv_opened_daily", List.of("dimension", "dim_key", "opened_on"),
            List.of("opened", "reopened", "unresolved")),
        (summary, counted, sign) -> counted.addTo(summary, sign));
    folds.register("conversation-opened-fold", fold);
  }

  /** Notes, in the writing transaction, that the conversation changed (an INSERT, nothing else). */
  void changed(UUID conversationId) {
    fold.changed(conversationId);
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
}
