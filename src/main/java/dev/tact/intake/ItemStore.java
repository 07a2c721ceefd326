package dev.tact.intake;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.shared.PageRequest;
import dev.tact.shared.PageResult;
import dev.tact.shared.SkipLockedClaim;
import dev.tact.timer.QueueBacklog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and state changes of the inbound log; appends go through {@link InboundLog}. */
@Repository
class ItemStore {

  /** Every column but the raw bytes, which only the step that reads an item loads. */
  private static final String COLUMNS = """
      id, channel, external_id, content_type, payload, received_at, state, attempts, last_error, note, processed_at,
      message_id, contact_id, conversation_id, submitted_by""";

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;

  ItemStore(JdbcClient jdbc, JdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  /**
   * Locks up to {@code limit} due items that no other transaction holds, oldest first; empty when there is none.
   * Candidates are read in the due index's order ({@code state} first, so that H2 stops at the LIMIT) and then locked
   * by id ({@link SkipLockedClaim}).
   */
  List<InboundItem> claimDue(Instant now, int limit) {
    return SkipLockedClaim.claim(limit, (candidates, offset) -> jdbc.sql("""
            SELECT id FROM intake_item
            WHERE state = 'PENDING' AND next_attempt_at <= :now
            ORDER BY state, next_attempt_at
            LIMIT :limit OFFSET :offset""")
            .param("now", utc(now)).param("limit", candidates).param("offset", offset).query(UUID.class).list(),
        ids -> jdbc.sql("SELECT " + COLUMNS + " " + """
             FROM intake_item
            WHERE id IN (:ids) AND state = 'PENDING' AND next_attempt_at <= :now
            FOR UPDATE SKIP LOCKED""")
            .param("ids", ids).param("now", utc(now)).query(ItemStore::item).list(),
        InboundItem::id);
  }

  /**
   * Records where each item of a set ended: one JDBC batch (one round trip) per kind of end instead of a statement
   * per item.
   */
  void markAll(List<ItemEnd> ends) {
    Map<String, List<Object[]>> byStatement = new LinkedHashMap<>();
    for (ItemEnd end : ends) {
      if (end.state() == ItemState.SUPPRESSED) {
        byStatement.computeIfAbsent(MARK_SUPPRESSED, k -> new ArrayList<>())
            .add(new Object[] {end.contactId(), clip(end.note()), utc(end.at()), end.itemId()});
      } else if (end.note() == null) {
        byStatement.computeIfAbsent(MARK_PROCESSED, k -> new ArrayList<>()).add(new Object[] {end.state().name(),
            end.messageId(), end.contactId(), end.conversationId(), utc(end.at()), end.itemId()});
      } else {
        byStatement.computeIfAbsent(MARK_NOTED, k -> new ArrayList<>()).add(new Object[] {end.state().name(),
            end.messageId(), end.contactId(), end.conversationId(), utc(end.at()), clip(end.note()), end.itemId()});
      }
    }
    byStatement.forEach(batches::batchUpdate);
  }

  private static final String MARK_PROCESSED = """
      UPDATE intake_item SET state = ?, message_id = ?, contact_id = ?, conversation_id = ?, processed_at = ?,
        last_error = NULL
      WHERE id = ?""";
  private static final String MARK_NOTED = """
      UPDATE intake_item SET state = ?, message_id = ?, contact_id = ?, conversation_id = ?, processed_at = ?,
        last_error = NULL, note = ?
      WHERE id = ?""";
  private static final String MARK_SUPPRESSED = """
      UPDATE intake_item SET state = 'SUPPRESSED', contact_id = ?, note = ?, processed_at = ?, last_error = NULL
      WHERE id = ?""";

  /**
   * Where an item's road ended: its state, what it was filed as or joined, and a note for people (null: the note is
   * left as it is). A {@link ItemState#SUPPRESSED} end keeps the item's message and conversation as they are.
   */
  record ItemEnd(UUID itemId, ItemState state, UUID messageId, UUID contactId, UUID conversationId, String note,
      Instant at) {}

  private static String clip(String note) {
    return note.length() <= 2000 ? note : note.substring(0, 2000);
  }

  /** Puts a held (suppressed) item back in line for the pipeline. */
  boolean requeueSuppressed(UUID id, String note, Instant now) {
    return jdbc.sql("""
        UPDATE intake_item SET state = 'PENDING', next_attempt_at = :now, note = :note
        WHERE id = :id AND state = 'SUPPRESSED'""")
        .param("now", utc(now)).param("note", clip(note)).param("id", id)
        .update() == 1;
  }

  /** The item whose message became a report points to the conversation the report was split into. */
  void repointReport(UUID reportId, UUID conversationId) {
    jdbc.sql("""
        UPDATE intake_item SET conversation_id = :conversation,
          note = 'Split out of the conversation it had joined as a linked report.'
        WHERE message_id = :report""")
        .param("conversation", conversationId).param("report", reportId).update();
  }

  void noteSuppressed(UUID id, String note) {
    jdbc.sql("UPDATE intake_item SET note = :note WHERE id = :id AND state = 'SUPPRESSED'")
        .param("note", clip(note)).param("id", id).update();
  }

  /** Counts a failed attempt; parks the item, or schedules the next attempt. */
  void recordFailure(UUID id, String error, boolean park, Instant nextAttempt) {
    jdbc.sql("""
        UPDATE intake_item SET attempts = attempts + 1, last_error = :error, state = :state,
          next_attempt_at = :next
        WHERE id = :id AND state = 'PENDING'""")
        .param("error", error.length() <= 4000 ? error : error.substring(0, 4000))
        .param("state", park ? ItemState.PARKED.name() : ItemState.PENDING.name())
        .param("next", utc(nextAttempt)).param("id", id).update();
  }

  boolean requeueParked(UUID id, Instant now) {
    return jdbc.sql("UPDATE intake_item SET state = 'PENDING', next_attempt_at = :now WHERE id = :id AND state = 'PARKED'")
        .param("now", utc(now)).param("id", id).update() == 1;
  }

  /** Whether this API token submitted the item. */
  boolean submittedBy(UUID id, UUID tokenId) {
    return jdbc.sql("SELECT COUNT(*) FROM intake_item WHERE id = :id AND submitted_by_token = :token").param("id", id)
        .param("token", tokenId).query(Long.class).single() > 0;
  }

  Optional<InboundItem> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM intake_item WHERE id = :id").param("id", id).query(ItemStore::item).optional();
  }

  /** The item's raw bytes (an email's MIME), or null for items that are text only. */
  byte[] rawContent(UUID id) {
    return jdbc.sql("SELECT raw_content FROM intake_item WHERE id = :id").param("id", id)
        .query((rs, n) -> rs.getBytes(1)).optional().orElse(null);
  }

  /** The raw bytes of each of these items that has any, read in one query (for a claimed set). */
  Map<UUID, byte[]> rawContents(Collection<UUID> ids) {
    Map<UUID, byte[]> raw = new HashMap<>();
    if (ids.isEmpty()) {
      return raw;
    }
    jdbc.sql("SELECT id, raw_content FROM intake_item WHERE id IN (:ids) AND raw_content IS NOT NULL")
        .param("ids", ids)
        .query((RowCallbackHandler) rs -> raw.put(rs.getObject("id", UUID.class), rs.getBytes("raw_content")));
    return raw;
  }

  /** The first item logged with this external id on this channel, if any. */
  Optional<InboundItem> firstWithExternalId(String channel, String externalId) {
    return jdbc.sql("SELECT " + COLUMNS + " " + """
         FROM intake_item WHERE channel = :channel AND external_id = :external
        ORDER BY received_at, id LIMIT 1""")
        .param("channel", channel).param("external", externalId).query(ItemStore::item).optional();
  }

  PageResult<InboundItem> list(ItemState state, PageRequest page) {
    long total = jdbc.sql("SELECT COUNT(*) FROM intake_item WHERE state = :state").param("state", state.name())
        .query(Long.class).single();
    List<InboundItem> items = jdbc.sql("SELECT " + COLUMNS + " " + """
         FROM intake_item WHERE state = :state ORDER BY received_at DESC, id DESC LIMIT :limit OFFSET :offset""")
        .param("state", state.name()).param("limit", page.size()).param("offset", page.offset())
        .query(ItemStore::item).list();
    return new PageResult<>(items, page.page(), page.size(), total);
  }

  long count(ItemState state) {
    return jdbc.sql("SELECT COUNT(*) FROM intake_item WHERE state = :state").param("state", state.name())
        .query(Long.class).single();
  }

  /** Items due for the pipeline at {@code now}, the longest-waiting one's due time, and parked items. */
  QueueBacklog backlog(Instant now) {
    return QueueBacklog.ofStateTable(jdbc, "intake_item", ItemState.PENDING.name(), now);
  }

  /** When the oldest item still waiting for the pipeline was received; empty when none waits. */
  Optional<Instant> oldestPending() {
    return jdbc.sql("SELECT MIN(received_at) FROM intake_item WHERE state = 'PENDING'")
        .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant))
        .single();
  }

  private static InboundItem item(ResultSet rs, int row) throws SQLException {
    return new InboundItem(rs.getObject("id", UUID.class), rs.getString("channel"), rs.getString("external_id"),
        rs.getString("content_type"), rs.getString("payload"), instant(rs, "received_at"),
        ItemState.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getString("last_error"),
        rs.getString("note"), instant(rs, "processed_at"), rs.getObject("message_id", UUID.class), rs.getObject("contact_id", UUID.class),
        rs.getObject("conversation_id", UUID.class), rs.getString("submitted_by"));
  }
}
