package dev.tact.survey;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.shared.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The survey rows and the dashboard's daily summaries ({@code survey}, {@code survey_daily}, {@code
 * survey_daily_detail}), in the caller's transaction.
 */
@Repository
class SurveyStore {

  private static final String COLUMNS = "id, conversation_id, contact_id, channel, conversation_channel, team_id, agent_id, intent, "
      + "decided_at, sent, reason, decision_id, scale, open_until, score, poor, comment_text, answered_at, changed_at";

  private final JdbcClient jdbc;

  SurveyStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Writes a decision; a sent one (with its token's hash) counts in the daily summary. */
  void insert(Survey s, String tokenHash) {
    jdbc.sql("INSERT INTO survey (" + COLUMNS + ", token_hash) VALUES (:id, :conversation, :contact, :channel, :conversationChannel, :team, "
        + ":agent, :intent, :decided, :sent, :reason, :decision, :scale, :openUntil, NULL, NULL, NULL, NULL, NULL, "
        + ":hash)")
        .param("id", s.id()).param("conversation", s.conversationId()).param("contact", s.contactId())
        .param("channel", s.channel().name()).param("conversationChannel", s.conversationChannel().name())
        .param("team", s.teamId()).param("agent", s.agentId())
        .param("intent", s.intent()).param("decided", utc(s.decidedAt())).param("sent", s.sent())
        .param("reason", clip(s.reason(), 4000)).param("decision", s.decisionId()).param("scale", s.scale())
        .param("openUntil", s.openUntil() == null ? null : utc(s.openUntil())).param("hash", tokenHash).update();
    if (s.sent()) {
      count(s, "sent = sent + 1");
    }
  }

  Optional<Survey> byTokenHash(String hash) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM survey WHERE token_hash = :hash").param("hash", hash)
        .query(SurveyStore::row).optional();
  }

  /** A conversation's survey decisions, latest first. */
  List<Survey> ofConversation(UUID conversationId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM survey WHERE conversation_id = :id ORDER BY decided_at DESC")
        .param("id", conversationId).query(SurveyStore::row).list();
  }

  /**
   * Records an answer, or a changed one, and moves the daily summary with it: answered once, good and poor as the
   * answer says now. Answers false when the row changed meanwhile (another answer won), nothing written.
   */
  boolean answer(Survey before, int score, boolean poor, String comment, Instant at) {
    boolean first = !before.answered();
    int updated = jdbc.sql("UPDATE survey SET score = :score, poor = :poor, comment_text = :comment, "
        + "answered_at = COALESCE(answered_at, :at), changed_at = :at WHERE id = :id AND "
        + (first ? "score IS NULL" : "changed_at = :changedBefore"))
        .param("score", score).param("poor", poor).param("comment", comment).param("at", utc(at))
        .param("id", before.id()).param("changedBefore", before.changedAt() == null ? null : utc(before.changedAt()))
        .update();
    if (updated == 0) {
      return false;
    }
    int scale = before.scale();
    int goodDelta = (SurveyScale.good(score, scale) ? 1 : 0) - (!first && SurveyScale.good(before.score(), scale) ? 1 : 0);
    int poorDelta = (poor ? 1 : 0) - (!first && Boolean.TRUE.equals(before.poor()) ? 1 : 0);
    count(before, "answered = answered + " + (first ? 1 : 0) + ", good = good + " + goodDelta + ", poor = poor + "
        + poorDelta);
    return true;
  }

  private void count(Survey s, String increments) {
    LocalDate day = LocalDate.ofInstant(s.decidedAt(), ZoneOffset.UTC);
    String team = s.teamId() == null ? "" : s.teamId().toString();
    String agent = s.agentId() == null ? "" : s.agentId().toString();
    String intent = s.intent() == null ? "" : s.intent();
    String channel = s.conversationChannel().name();
    jdbc.sql("INSERT INTO survey_daily (sent_on, team_key, channel) VALUES (:day, :team, :channel) "
        + "ON CONFLICT DO NOTHING").param("day", day).param("team", team).param("channel", channel).update();
    jdbc.sql("UPDATE survey_daily SET " + increments + " WHERE sent_on = :day AND team_key = :team "
        + "AND channel = :channel").param("day", day).param("team", team).param("channel", channel).update();
    jdbc.sql("INSERT INTO survey_daily_detail (sent_on, team_key, agent_key, channel, intent) VALUES (:day, :team, "
        + ":agent, :channel, :intent) ON CONFLICT DO NOTHING")
        .param("day", day).param("team", team).param("agent", agent).param("channel", channel)
        .param("intent", intent).update();
    jdbc.sql("UPDATE survey_daily_detail SET " + increments + " WHERE sent_on = :day AND team_key = :team "
        + "AND agent_key = :agent AND channel = :channel AND intent = :intent")
        .param("day", day).param("team", team).param("agent", agent).param("channel", channel)
        .param("intent", intent).update();
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static Survey row(ResultSet rs, int n) throws SQLException {
    int score = rs.getInt("score");
    Integer shownScore = rs.wasNull() ? null : score;
    boolean poor = rs.getBoolean("poor");
    Boolean shownPoor = rs.wasNull() ? null : poor;
    return new Survey(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
        rs.getObject("contact_id", UUID.class), Channel.valueOf(rs.getString("channel")),
        Channel.valueOf(rs.getString("conversation_channel")),
        rs.getObject("team_id", UUID.class), rs.getObject("agent_id", UUID.class), rs.getString("intent"),
        instant(rs, "decided_at"), rs.getBoolean("sent"), rs.getString("reason"),
        rs.getObject("decision_id", UUID.class), rs.getInt("scale"), instant(rs, "open_until"), shownScore,
        shownPoor, rs.getString("comment_text"), instant(rs, "answered_at"), instant(rs, "changed_at"));
  }
}
