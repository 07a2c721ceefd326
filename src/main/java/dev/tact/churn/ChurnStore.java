package dev.tact.churn;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.shared.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The churn tables. Only this class touches them. */
@Repository
class ChurnStore {

  static final String COLUMNS = """
      contact_id, first_activity_at, last_activity_at, last_episode_at, episodes, recent_intervals,
      usual_interval_seconds, longest_interval_seconds, purchases, value_cents, last_conversation_id,
      last_conversation_open, last_channel, last_team_id, last_agent_id, last_intent""";

  /** One contact's row. */
  record ContactRow(UUID contactId, ContactRhythm rhythm, Long usualSeconds, Long longestSeconds, int purchases,
      long valueCents, UUID lastConversationId, boolean lastConversationOpen, Channel lastChannel, UUID lastTeamId,
      UUID lastAgentId, String lastIntent) {}

  record ExperienceRow(UUID contactId, PoorExperience kind, UUID conversationId, String detail, Instant at) {}

  private final JdbcClient jdbc;

  ChurnStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the first row of a contact unless one exists; whether it did. */
  boolean insertFirst(UUID contactId, Instant at, UUID conversationId, Channel channel, int purchases,
      long valueCents) {
    return jdbc.sql("""
        INSERT INTO churn_contact (contact_id, first_activity_at, last_activity_at, last_activity_epoch,
          last_episode_at, episodes, recent_intervals, purchases, value_cents, last_conversation_id,
          last_conversation_open, last_channel)
        VALUES (:id, :at, :at, :epoch, :at, 1, '', :purchases, :value, :conversation, :open, :channel)
        ON CONFLICT DO NOTHING""")
        .param("id", contactId).param("at", utc(at)).param("epoch", at.getEpochSecond())
        .param("purchases", purchases).param("value", valueCents).param("conversation", conversationId)
        .param("open", conversationId != null).param("channel", channel == null ? null : channel.id())
        .update() == 1;
  }

  Optional<ContactRow> lock(UUID contactId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM churn_contact WHERE contact_id = :id FOR UPDATE")
        .param("id", contactId).query(ChurnStore::contactRow).optional();
  }

  /** The contacts whose latest conversation this is (one, unless contacts were merged). */
  List<UUID> contactsWithLatest(UUID conversationId) {
    return jdbc.sql("SELECT contact_id FROM churn_contact WHERE last_conversation_id = :conversation")
        .param("conversation", conversationId).query(UUID.class).list();
  }

  private static final String CANDIDATE = "candidate = (usual_interval_seconds IS NOT NULL AND "
      + "(last_conversation_open OR poor_experiences > 0))";

  /** Recounts the contact's poor experiences and whether the contact is a candidate; after every change of them. */
  void refresh(UUID contactId) {
    jdbc.sql("UPDATE churn_contact SET poor_experiences = (SELECT COUNT(*) FROM churn_experience e "
        + "WHERE e.contact_id = :id) WHERE contact_id = :id").param("id", contactId).update();
    jdbc.sql("UPDATE churn_contact SET " + CANDIDATE + " WHERE contact_id = :id").param("id", contactId).update();
  }

  void saveRhythm(UUID contactId, ContactRhythm rhythm, ChurnProperties settings) {
    jdbc.sql("""
        UPDATE churn_contact SET last_activity_at = :last, last_activity_epoch = :epoch, last_episode_at = :episode,
          episodes = :episodes, recent_intervals = :intervals, usual_interval_seconds = :usual,
          longest_interval_seconds = :longest WHERE contact_id = :id""")
        .param("id", contactId).param("last", utc(rhythm.lastActivityAt()))
        .param("epoch", rhythm.lastActivityAt().getEpochSecond()).param("episode", utc(rhythm.lastEpisodeAt()))
        .param("episodes", rhythm.episodes()).param("intervals", rhythm.intervalsText())
        .param("usual", rhythm.usualIntervalSeconds(settings)).param("longest", rhythm.longestIntervalSeconds())
        .update();
  }

  /** The contact's latest episode is now this conversation (null for a purchase), open or not. */
  void latestConversation(UUID contactId, UUID conversationId, boolean open, Channel channel) {
    jdbc.sql("""
        UPDATE churn_contact SET last_conversation_id = :conversation, last_conversation_open = :open,
          last_channel = COALESCE(:channel, last_channel), last_team_id = NULL, last_agent_id = NULL,
          last_intent = NULL WHERE contact_id = :id""")
        .param("id", contactId).param("conversation", conversationId).param("open", open)
        .param("channel", channel == null ? null : channel.id()).update();
  }

  void addPurchase(UUID contactId, long valueCents) {
    jdbc.sql("UPDATE churn_contact SET purchases = purchases + 1, value_cents = value_cents + :value "
        + "WHERE contact_id = :id").param("id", contactId).param("value", valueCents).update();
  }

  void conversationOpen(UUID conversationId, boolean open) {
    jdbc.sql("UPDATE churn_contact SET last_conversation_open = :open WHERE last_conversation_id = :conversation")
        .param("open", open).param("conversation", conversationId).update();
    jdbc.sql("UPDATE churn_contact SET " + CANDIDATE + " WHERE last_conversation_id = :conversation")
        .param("conversation", conversationId).update();
  }

  void placed(UUID conversationId, UUID teamId, UUID agentId) {
    jdbc.sql("""
        UPDATE churn_contact SET last_team_id = COALESCE(:team, last_team_id),
          last_agent_id = COALESCE(:agent, last_agent_id) WHERE last_conversation_id = :conversation""")
        .param("team", teamId).param("agent", agentId).param("conversation", conversationId).update();
  }

  void intent(UUID conversationId, String intent) {
    jdbc.sql("UPDATE churn_contact SET last_intent = :intent WHERE last_conversation_id = :conversation")
        .param("intent", intent).param("conversation", conversationId).update();
  }

  /**
   * The merged contact's row becomes the survivor's: the survivor's own row (if any) and its experiences are
   * replaced by a copy of the merged one, whose experiences move over; the merged row is deleted.
   */
  void takeOver(UUID survivorId, UUID mergedId) {
    jdbc.sql("DELETE FROM churn_contact WHERE contact_id = :survivor").param("survivor", survivorId).update();
    jdbc.sql("""
        INSERT INTO churn_contact (contact_id, first_activity_at, last_activity_at, last_activity_epoch,
          last_episode_at, episodes, recent_intervals, usual_interval_seconds, longest_interval_seconds, purchases,
          value_cents, last_conversation_id, last_conversation_open, last_channel, last_team_id, last_agent_id,
          last_intent, poor_experiences, candidate)
        SELECT :survivor, first_activity_at, last_activity_at, last_activity_epoch, last_episode_at, episodes,
          recent_intervals, usual_interval_seconds, longest_interval_seconds, purchases, value_cents,
          last_conversation_id, last_conversation_open, last_channel, last_team_id, last_agent_id, last_intent,
          poor_experiences, candidate
        FROM churn_contact WHERE contact_id = :merged""").param("survivor", survivorId).param("merged", mergedId)
        .update();
    jdbc.sql("UPDATE churn_experience SET contact_id = :survivor WHERE contact_id = :merged")
        .param("survivor", survivorId).param("merged", mergedId).update();
    delete(mergedId);
  }

  /** Adds the other row's earlier start, purchases and value to the contact's row. */
  void absorb(UUID contactId, Instant firstActivityAt, int purchases, long valueCents) {
    jdbc.sql("""
        UPDATE churn_contact SET first_activity_at = LEAST(first_activity_at, :first),
          purchases = purchases + :purchases, value_cents = value_cents + :value WHERE contact_id = :id""")
        .param("id", contactId).param("first", utc(firstActivityAt)).param("purchases", purchases)
        .param("value", valueCents).update();
  }

  void delete(UUID contactId) {
    jdbc.sql("DELETE FROM churn_contact WHERE contact_id = :id").param("id", contactId).update();
  }

  void clearExperiences(UUID contactId) {
    jdbc.sql("DELETE FROM churn_experience WHERE contact_id = :id").param("id", contactId).update();
  }

  /**
   * Records the experience in place of the contact's earlier one of its kind; one of its kind recorded at a later
   * time stays (its events were heard in the other order).
   */
  void putExperience(ExperienceRow e) {
    if (hasLaterExperience(e.contactId(), e.kind(), e.at())) {
      return;
    }
    removeExperience(e.contactId(), e.kind(), e.at());
    jdbc.sql("""
        INSERT INTO churn_experience (contact_id, kind, conversation_id, detail, occurred_at)
        VALUES (:contact, :kind, :conversation, :detail, :at)""")
        .param("contact", e.contactId()).param("kind", e.kind().name()).param("conversation", e.conversationId())
        .param("detail", e.detail().length() > 500 ? e.detail().substring(0, 499) + "…" : e.detail())
        .param("at", utc(e.at())).update();
  }

  /**
   * Removes the contact's experience of this kind recorded at {@code asOf} or before: what an event says no longer
   * holds (a changed survey answer, a new effort measure) does not undo one recorded after it.
   */
  void removeExperience(UUID contactId, PoorExperience kind, Instant asOf) {
    jdbc.sql("DELETE FROM churn_experience WHERE contact_id = :contact AND kind = :kind AND occurred_at <= :at")
        .param("contact", contactId).param("kind", kind.name()).param("at", utc(asOf)).update();
  }

  private boolean hasLaterExperience(UUID contactId, PoorExperience kind, Instant at) {
    return jdbc.sql("""
        SELECT COUNT(*) FROM churn_experience WHERE contact_id = :contact AND kind = :kind AND occurred_at > :at""")
        .param("contact", contactId).param("kind", kind.name()).param("at", utc(at)).query(Long.class).single() > 0;
  }

  List<ExperienceRow> experiences(Collection<UUID> contactIds) {
    if (contactIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
        SELECT contact_id, kind, conversation_id, detail, occurred_at FROM churn_experience
        WHERE contact_id IN (:ids) ORDER BY occurred_at DESC""").param("ids", contactIds)
        .query((rs, n) -> new ExperienceRow(rs.getObject("contact_id", UUID.class),
            PoorExperience.valueOf(rs.getString("kind")), rs.getObject("conversation_id", UUID.class),
            rs.getString("detail"), instant(rs, "occurred_at"))).list();
  }

  static ContactRow contactRow(ResultSet rs, int n) throws SQLException {
    ContactRhythm rhythm = new ContactRhythm(instant(rs, "first_activity_at"), instant(rs, "last_activity_at"),
        instant(rs, "last_episode_at"), rs.getInt("episodes"),
        ContactRhythm.parseIntervals(rs.getString("recent_intervals")));
    String channel = rs.getString("last_channel");
    return new ContactRow(rs.getObject("contact_id", UUID.class), rhythm, rs.getObject("usual_interval_seconds",
        Long.class), rs.getObject("longest_interval_seconds", Long.class), rs.getInt("purchases"),
        rs.getLong("value_cents"), rs.getObject("last_conversation_id", UUID.class),
        rs.getBoolean("last_conversation_open"), channel == null ? null : Channel.parse(channel),
        rs.getObject("last_team_id", UUID.class), rs.getObject("last_agent_id", UUID.class),
        rs.getString("last_intent"));
  }
}
