package dev.tact.conversation.report;

import dev.tact.conversation.ConversationChangeListener;
import dev.tact.shared.SqlTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code conv_opened_daily} (conversations opened per UTC day: how many, how many reopened, how many still
 * unresolved; once under 'all', once under the team, the channel and each intent tag) in the transaction of every write to a conversation. {@code conv_opened_counted} holds
 * what each conversation adds now, so a change takes its old contribution out and puts the new one in; a merged
 * conversation counts nowhere.
 */
@Component
class OpenedFigures implements ConversationChangeListener {

  private final JdbcClient jdbc;

  OpenedFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static final java.util.Set<String> OPEN_STATUSES = StatusFacts.OPEN.stream().map(Enum::name)
      .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private record Counted(LocalDate openedOn, String teamKey, String channel, String intents, int reopened,
      int unresolved) {

    /** The intents routing (or an agent) tagged, as {@code intent:<name>} tags name them. */
    java.util.List<String> intentList() {
      return intents.isEmpty() ? java.util.List.of() : java.util.List.of(intents.split(","));
    }
  }

  @Override
  public void conversationChanged(UUID conversationId) {
    Optional<Counted> now = jdbc.sql("""
        SELECT created_at, team_id, channel, status, reopen_count FROM conv_conversation
        WHERE id = :id AND merged_into_id IS NULL""").param("id", conversationId)
        .query((rs, n) -> new Counted(LocalDate.ofInstant(SqlTime.instant(rs, "created_at"), ZoneOffset.UTC),
            Objects.toString(rs.getObject("team_id"), ""), rs.getString("channel"), intentsOf(conversationId),
            rs.getInt("reopen_count") > 0 ? 1 : 0, OPEN_STATUSES.contains(rs.getString("status")) ? 1 : 0))
        .optional();
    Optional<Counted> before = jdbc.sql("""
        SELECT opened_on, team_key, channel, intents, reopened, unresolved FROM conv_opened_counted
        WHERE conversation_id = :id""").param("id", conversationId)
        .query((rs, n) -> new Counted(rs.getObject("opened_on", LocalDate.class), rs.getString("team_key"),
            rs.getString("channel"), rs.getString("intents"), rs.getInt("reopened"), rs.getInt("unresolved")))
        .optional();
    if (now.equals(before)) {
      return;
    }
    before.ifPresent(old -> add(old, -1));
    now.ifPresent(counted -> add(counted, 1));
    jdbc.sql("DELETE FROM conv_opened_counted WHERE conversation_id = :id").param("id", conversationId).update();
    now.ifPresent(c -> jdbc.sql("""
        INSERT INTO conv_opened_counted (conversation_id, opened_on, team_key, channel, intents, reopened,
          unresolved)
        VALUES (:id, :day, :team, :channel, :intents, :reopened, :unresolved)""")
        .param("id", conversationId).param("day", c.openedOn()).param("team", c.teamKey()).param("intents", c.intents())
        .param("channel", c.channel()).param("reopened", c.reopened()).param("unresolved", c.unresolved()).update());
  }

  private String intentsOf(UUID conversationId) {
    return String.join(",", jdbc.sql("""
        SELECT tag FROM conv_tag WHERE conversation_id = :id AND tag LIKE 'intent:%' ORDER BY tag""")
        .param("id", conversationId).query(String.class).list());
  }

  private void add(Counted c, int sign) {
    java.util.List<String[]> keys = new java.util.ArrayList<>();
    keys.add(new String[] {"all", ""});
    keys.add(new String[] {"team", c.teamKey()});
    keys.add(new String[] {"channel", c.channel()});
    c.intentList().forEach(intent -> keys.add(new String[] {"intent", intent}));
    for (String[] key : keys) {
      jdbc.sql("""
          INSERT INTO conv_opened_daily (dimension, dim_key, opened_on) VALUES (:dimension, :key, :day)
          ON CONFLICT DO NOTHING""")
          .param("dimension", key[0]).param("key", key[1]).param("day", c.openedOn()).update();
      jdbc.sql("""
          UPDATE conv_opened_daily SET opened = opened + :opened, reopened = reopened + :reopened,
            unresolved = unresolved + :unresolved
          WHERE dimension = :dimension AND dim_key = :key AND opened_on = :day""")
          .param("opened", sign).param("reopened", sign * c.reopened()).param("unresolved", sign * c.unresolved())
          .param("dimension", key[0]).param("key", key[1]).param("day", c.openedOn()).update();
    }
  }
}
