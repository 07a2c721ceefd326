package dev.tact.noise;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.shared.Channel;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Linked reports: who reported each conversation's message. */
@Repository
class ReportStore {

  private final JdbcClient jdbc;

  ReportStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(LinkedReport r) {
    jdbc.sql("""
        INSERT INTO noise_report (id, conversation_id, kind, inbound_item_id, message_id, channel, external_id,
          contact_id, contact_name, reporter, forwarded, comment, subject, text, similarity, received_at)
        VALUES (:id, :conversation, :kind, :item, :message, :channel, :external, :contact, :contactName, :reporter,
          :forwarded, :comment, :subject, :text, :similarity, :received)""")
        .param("id", r.id()).param("conversation", r.conversationId()).param("kind", r.kind().name())
        .param("item", r.inboundItemId()).param("message", r.messageId()).param("channel", r.channel().name())
        .param("external", r.externalId()).param("contact", r.contactId()).param("contactName", r.contactName())
        .param("reporter", cut(r.reporter(), 620)).param("forwarded", r.forwarded()).param("comment", r.comment())
        .param("subject", cut(r.subject(), 2000)).param("text", r.text()).param("similarity", r.similarity())
        .param("received", utc(r.receivedAt())).update();
  }

  Optional<LinkedReport> find(UUID id) {
    return jdbc.sql("SELECT * FROM noise_report WHERE id = :id").param("id", id).query(ReportStore::report).optional();
  }

  List<LinkedReport> ofConversation(UUID conversationId) {
    return jdbc.sql("SELECT * FROM noise_report WHERE conversation_id = :id ORDER BY received_at, id")
        .param("id", conversationId).query(ReportStore::report).list();
  }

  /** Whether this contact reported this conversation's message (a report split out no longer counts). */
  boolean hasReporter(UUID conversationId, UUID contactId) {
    return jdbc.sql("SELECT COUNT(*) FROM noise_report WHERE conversation_id = :conversation AND contact_id = :contact "
        + "AND split_at IS NULL").param("conversation", conversationId).param("contact", contactId)
        .query(Long.class).single() > 0;
  }

  /** How many reports each of these conversations has that were not split out (absent: none). */
  Map<UUID, Integer> counts(Collection<UUID> conversationIds) {
    Map<UUID, Integer> counts = new HashMap<>();
    if (conversationIds.isEmpty()) {
      return counts;
    }
    jdbc.sql("SELECT conversation_id, COUNT(*) AS n FROM noise_report WHERE conversation_id IN (:ids) "
        + "AND split_at IS NULL GROUP BY conversation_id").param("ids", conversationIds)
        .query((rs, n) -> counts.put(rs.getObject("conversation_id", UUID.class), rs.getInt("n"))).list();
    return counts;
  }

  void markSplit(UUID id, Instant at, String by, UUID toConversation, UUID messageId) {
    jdbc.sql("""
        UPDATE noise_report SET split_at = :at, split_by = :by, split_to_conversation = :to, message_id = :message
        WHERE id = :id""")
        .param("at", utc(at)).param("by", cut(by, 300)).param("to", toConversation).param("message", messageId)
        .param("id", id).update();
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static LinkedReport report(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new LinkedReport(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
        LinkedReport.Kind.valueOf(rs.getString("kind")), Channel.valueOf(rs.getString("channel")),
        rs.getString("reporter"), rs.getBoolean("forwarded"), rs.getString("comment"),
        rs.getObject("contact_id", UUID.class), rs.getString("contact_name"), rs.getString("subject"),
        rs.getString("text"), rs.getDouble("similarity"), rs.getObject("inbound_item_id", UUID.class),
        rs.getObject("message_id", UUID.class), rs.getString("external_id"), instant(rs, "received_at"),
        instant(rs, "split_at"), rs.getString("split_by"), rs.getObject("split_to_conversation", UUID.class));
  }
}
