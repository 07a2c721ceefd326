package dev.tact.compose;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.conversation.Actor;
import dev.tact.conversation.Status;
import dev.tact.delivery.ReplyVia;
import dev.tact.mail.OutgoingMail;
import dev.tact.shared.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The held replies. Only this class writes {@code compose_held_reply}. */
@Repository
class HeldReplyStore {

  private static final String COLUMNS = """
      id, conversation_id, author_kind, author_id, author_name, body, signature, via_channel, via_to, cc, bcc,
      then_status, state, send_at, cool_off_seconds, message_id, reason, created_at, decided_at""";

  private final JdbcClient jdbc;

  HeldReplyStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(HeldReply h) {
    jdbc.sql("""
        INSERT INTO compose_held_reply (id, conversation_id, author_kind, author_id, author_name, body, signature,
          via_channel, via_to, cc, bcc, then_status, state, send_at, cool_off_seconds, created_at)
        VALUES (:id, :conversation, :kind, :authorId, :authorName, :body, :signature, :viaChannel, :viaTo, :cc, :bcc,
          :thenStatus, 'HELD', :sendAt, :coolOff, :now)""")
        .param("id", h.id()).param("conversation", h.conversationId()).param("kind", h.author().kind().name())
        .param("authorId", h.author().id()).param("authorName", h.author().name()).param("body", h.body())
        .param("signature", h.signature())
        .param("viaChannel", h.via().channel() == null ? null : h.via().channel().name())
        .param("viaTo", h.via().to()).param("cc", join(h.cc())).param("bcc", join(h.bcc()))
        .param("thenStatus", h.thenStatus() == null ? null : h.thenStatus().name()).param("sendAt", utc(h.sendAt()))
        .param("coolOff", h.coolOffSeconds()).param("now", utc(h.createdAt())).update();
  }

  void insertAttachments(UUID id, List<OutgoingMail.Attachment> files) {
    int position = 0;
    for (OutgoingMail.Attachment file : files) {
      jdbc.sql("""
          INSERT INTO compose_held_attachment (held_id, position, filename, content_type, content)
          VALUES (:id, :position, :filename, :type, :content)""")
          .param("id", id).param("position", position++).param("filename", file.filename())
          .param("type", file.contentType()).param("content", file.content()).update();
    }
  }

  List<OutgoingMail.Attachment> attachments(UUID id) {
    return jdbc.sql("""
        SELECT filename, content_type, content FROM compose_held_attachment WHERE held_id = :id ORDER BY position""")
        .param("id", id).query((rs, n) -> new OutgoingMail.Attachment(rs.getString("filename"),
            rs.getString("content_type"), rs.getBytes("content"))).list();
  }

  /** Their files are not needed once a held reply left or was undone. */
  void forgetAttachments(UUID id) {
    jdbc.sql("DELETE FROM compose_held_attachment WHERE held_id = :id").param("id", id).update();
  }

  Optional<HeldReply> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM compose_held_reply WHERE id = :id").param("id", id)
        .query(HeldReplyStore::row).optional();
  }

  /** The replies of a conversation still held, oldest first. */
  List<HeldReply> heldIn(UUID conversationId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM compose_held_reply WHERE conversation_id = :c AND state = 'HELD' "
        + "ORDER BY created_at").param("c", conversationId).query(HeldReplyStore::row).list();
  }

  /**
   * Moves a HELD row to {@code to}; false when it is no longer HELD. The one place undo and release meet: the row
   * lock makes the second of them wait for the first and then find it moved.
   */
  boolean leaveHeld(UUID id, HeldReply.State to, Instant now) {
    return jdbc.sql("""
        UPDATE compose_held_reply SET state = :to, decided_at = :now WHERE id = :id AND state = 'HELD'""")
        .param("to", to.name()).param("now", utc(now)).param("id", id).update() == 1;
  }

  void released(UUID id, UUID messageId) {
    jdbc.sql("UPDATE compose_held_reply SET message_id = :message WHERE id = :id").param("message", messageId)
        .param("id", id).update();
  }

  /** A released row that could not be written after all: FAILED, with the reason. */
  void failed(UUID id, String reason) {
    jdbc.sql("UPDATE compose_held_reply SET state = 'FAILED', reason = :reason WHERE id = :id")
        .param("reason", reason.length() > 2000 ? reason.substring(0, 1999) + "…" : reason).param("id", id).update();
  }

  static String join(List<String> addresses) {
    return addresses == null || addresses.isEmpty() ? null : String.join(", ", addresses);
  }

  static List<String> split(String addresses) {
    return addresses == null || addresses.isBlank() ? List.of()
        : Arrays.stream(addresses.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
  }

  private static HeldReply row(ResultSet rs, int n) throws SQLException {
    String viaChannel = rs.getString("via_channel");
    String thenStatus = rs.getString("then_status");
    return new HeldReply(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
        new Actor(Actor.Kind.valueOf(rs.getString("author_kind")), rs.getObject("author_id", UUID.class),
            rs.getString("author_name")),
        rs.getString("body"), rs.getString("signature"),
        new ReplyVia(viaChannel == null ? null : Channel.valueOf(viaChannel), rs.getString("via_to")),
        split(rs.getString("cc")), split(rs.getString("bcc")), thenStatus == null ? null : Status.valueOf(thenStatus),
        HeldReply.State.valueOf(rs.getString("state")), instant(rs, "send_at"), rs.getInt("cool_off_seconds"),
        rs.getObject("message_id", UUID.class), rs.getString("reason"), instant(rs, "created_at"),
        instant(rs, "decided_at"));
  }
}
