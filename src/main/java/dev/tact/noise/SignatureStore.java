package dev.tact.noise;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The stored signatures: what every node's in-memory index is loaded and refreshed from. */
@Repository
class SignatureStore {

  record Row(long ref, String authorKey, byte[] signature, UUID conversationId, Instant receivedAt) {}

  private final JdbcClient jdbc;

  SignatureStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String authorKey, byte[] signature, UUID conversationId, UUID reportId, Instant receivedAt,
      Instant now) {
    KeyHolder ref = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO noise_signature (ref, author_key, signature, conversation_id, report_id, received_at, created_at)
        VALUES (nextval('noise_signature_seq'), :author, :signature, :conversation, :report, :received, :created)""")
        .param("author", authorKey).param("signature", signature)
        .param("conversation", conversationId).param("report", reportId).param("received", utc(receivedAt))
        .param("created", utc(now)).update(ref, "ref");
    return ref.getKeyAs(Long.class);
  }

  /** Rows of one author newer than {@code afterRef} and received since {@code since}. */
  List<Row> ofAuthorAfter(String authorKey, long afterRef, Instant since) {
    return jdbc.sql("""
        SELECT ref, author_key, signature, conversation_id, received_at FROM noise_signature
        WHERE author_key = :author AND ref > :after AND received_at >= :since ORDER BY ref""")
        .param("author", authorKey).param("after", afterRef).param("since", utc(since)).query(SignatureStore::row)
        .list();
  }

  /** Rows written since {@code createdSince} about messages received since {@code since}. */
  List<Row> writtenSince(Instant createdSince, Instant since) {
    return jdbc.sql("""
        SELECT ref, author_key, signature, conversation_id, received_at FROM noise_signature
        WHERE created_at >= :created AND received_at >= :since ORDER BY ref""")
        .param("created", utc(createdSince)).param("since", utc(since)).query(SignatureStore::row).list();
  }

  Optional<UUID> conversationOf(long ref) {
    return jdbc.sql("SELECT conversation_id FROM noise_signature WHERE ref = :ref").param("ref", ref)
        .query(UUID.class).optional();
  }

  Optional<String> authorOfReport(UUID reportId) {
    return jdbc.sql("SELECT author_key FROM noise_signature WHERE report_id = :report").param("report", reportId)
        .query(String.class).optional();
  }

  void moveReport(UUID reportId, UUID newReportId, UUID conversationId) {
    jdbc.sql("UPDATE noise_signature SET conversation_id = :conversation, report_id = :new WHERE report_id = :report")
        .param("conversation", conversationId).param("new", newReportId).param("report", reportId).update();
  }

  int deleteReceivedBefore(Instant before) {
    return jdbc.sql("DELETE FROM noise_signature WHERE received_at < :before").param("before", utc(before)).update();
  }

  private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Row(rs.getLong("ref"), rs.getString("author_key"), rs.getBytes("signature"),
        rs.getObject("conversation_id", UUID.class), instant(rs, "received_at"));
  }
}
