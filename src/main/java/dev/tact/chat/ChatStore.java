package dev.tact.chat;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The chat tables: {@code chat_session} and {@code chat_line}. */
@Repository
class ChatStore {

  private final JdbcClient jdbc;

  ChatStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(UUID id, String tokenHash, String name, String email, String sender, String origin,
      UUID firstMessageId, UUID firstItemId, Instant at) {
    jdbc.sql("""
        INSERT INTO chat_session (id, token_hash, state, visitor_name, visitor_email, sender, origin, first_message_id,
          first_item_id, started_at, last_seq, transcript_queued)
        VALUES (:id, :token, 'WAITING', :name, :email, :sender, :origin, :message, :item, :at, 0, FALSE)""")
        .param("id", id).param("token", tokenHash).param("name", name).param("email", email)
        .param("sender", sender).param("origin", origin).param("message", firstMessageId).param("item", firstItemId)
        .param("at", utc(at)).update();
  }

  Optional<UUID> firstItem(UUID id) {
    return jdbc.sql("SELECT first_item_id FROM chat_session WHERE id = :id").param("id", id).query(UUID.class)
        .optional();
  }

  /** The chat joins this conversation, unless it knows one already; answers whether it did. */
  boolean adoptConversation(UUID id, UUID conversationId) {
    return jdbc.sql("UPDATE chat_session SET conversation_id = :conversation WHERE id = :id AND conversation_id IS NULL")
        .param("conversation", conversationId).param("id", id).update() == 1;
  }

  Optional<ChatSession> find(UUID id) {
    return jdbc.sql("SELECT * FROM chat_session WHERE id = :id").param("id", id).query(ChatStore::session).optional();
  }

  /** The chat, its row locked until the transaction ends: one line, one acceptance, one ending at a time. */
  Optional<ChatSession> lock(UUID id) {
    return jdbc.sql("SELECT * FROM chat_session WHERE id = :id FOR UPDATE").param("id", id)
        .query(ChatStore::session).optional();
  }

  Optional<String> tokenHash(UUID id) {
    return jdbc.sql("SELECT token_hash FROM chat_session WHERE id = :id").param("id", id).query(String.class)
        .optional();
  }

  /** The chat still going on in this conversation (waiting or active), locked. */
  Optional<ChatSession> lockLiveOfConversation(UUID conversationId) {
    return jdbc.sql("""
        SELECT * FROM chat_session WHERE conversation_id = :conversation AND state <> 'ENDED'
        ORDER BY started_at DESC FETCH FIRST 1 ROWS ONLY FOR UPDATE""")
        .param("conversation", conversationId).query(ChatStore::session).optional();
  }

  /** Records the conversation intake filed the chat's first line into; answers the chat, if this message began one. */
  Optional<UUID> learnConversation(UUID firstMessageId, UUID conversationId) {
    Optional<UUID> chat = jdbc.sql("SELECT id FROM chat_session WHERE first_message_id = :message")
        .param("message", firstMessageId).query(UUID.class).optional();
    chat.ifPresent(id -> jdbc.sql("""
        UPDATE chat_session SET conversation_id = :conversation WHERE id = :id AND conversation_id IS NULL""")
        .param("conversation", conversationId).param("id", id).update());
    return chat;
  }

  /** The chats waiting longest, at most {@code limit}. */
  List<ChatSession> waiting(int limit) {
    return jdbc.sql("SELECT * FROM chat_session WHERE state = 'WAITING' ORDER BY started_at, id FETCH FIRST :n ROWS ONLY")
        .param("n", limit).query(ChatStore::session).list();
  }

  List<ChatSession> activeOf(UUID agentId) {
    return jdbc.sql("SELECT * FROM chat_session WHERE state = 'ACTIVE' AND agent_id = :agent ORDER BY accepted_at")
        .param("agent", agentId).query(ChatStore::session).list();
  }

  /** Only one agent gets a chat: the update succeeds for the first, while it is still waiting and filed. */
  boolean accept(UUID id, UUID agentId, String agentName, Instant at) {
    return jdbc.sql("""
        UPDATE chat_session SET state = 'ACTIVE', agent_id = :agent, agent_name = :name, accepted_at = :at
        WHERE id = :id AND state = 'WAITING' AND conversation_id IS NOT NULL""")
        .param("agent", agentId).param("name", agentName).param("at", utc(at)).param("id", id).update() == 1;
  }

  /** Ends a chat not yet ended; false when it already was (another node, another click). */
  boolean end(UUID id, String reason, Instant at) {
    return jdbc.sql("""
        UPDATE chat_session SET state = 'ENDED', end_reason = :reason, ended_at = :at
        WHERE id = :id AND state <> 'ENDED'""")
        .param("reason", reason).param("at", utc(at)).param("id", id).update() == 1;
  }

  void markTranscriptQueued(UUID id) {
    jdbc.sql("UPDATE chat_session SET transcript_queued = TRUE WHERE id = :id").param("id", id).update();
  }

  void seen(UUID id, boolean visitor, Instant at) {
    jdbc.sql("UPDATE chat_session SET " + (visitor ? "visitor_seen_at" : "agent_seen_at") + " = :at WHERE id = :id")
        .param("at", utc(at)).param("id", id).update();
  }

  /** Appends a line to a chat whose row the caller has locked; answers it with its number. */
  ChatLine append(ChatSession locked, ChatLine.Kind kind, String author, String text, UUID messageId,
      boolean intakePending, Instant at) {
    long seq = jdbc.sql("SELECT last_seq FROM chat_session WHERE id = :id").param("id", locked.id())
        .query(Long.class).single() + 1;
    jdbc.sql("""
        INSERT INTO chat_line (chat_id, seq, kind, author, body, message_id, intake_pending, created_at)
        VALUES (:chat, :seq, :kind, :author, :body, :message, :pending, :at)""")
        .param("chat", locked.id()).param("seq", seq).param("kind", kind.name()).param("author", author)
        .param("body", text).param("message", messageId).param("pending", intakePending).param("at", utc(at))
        .update();
    jdbc.sql("UPDATE chat_session SET last_seq = :seq WHERE id = :id").param("seq", seq).param("id", locked.id())
        .update();
    return new ChatLine(locked.id(), seq, kind, author, text, messageId, at);
  }

  Optional<ChatLine> lineOfMessage(UUID messageId) {
    return jdbc.sql("SELECT * FROM chat_line WHERE message_id = :message").param("message", messageId)
        .query(ChatStore::line).optional();
  }

  /** Each chat's first line (what the visitor asked), for the waiting list. */
  java.util.Map<UUID, String> firstLines(List<UUID> chatIds) {
    java.util.Map<UUID, String> lines = new java.util.HashMap<>();
    if (chatIds.isEmpty()) {
      return lines;
    }
    jdbc.sql("SELECT chat_id, body FROM chat_line WHERE seq = 1 AND chat_id IN (:ids)").param("ids", chatIds)
        .query(rs -> {
          lines.put(rs.getObject("chat_id", UUID.class), rs.getString("body"));
        });
    return lines;
  }

  boolean hasLineForMessage(UUID messageId) {
    return jdbc.sql("SELECT COUNT(*) FROM chat_line WHERE message_id = :message").param("message", messageId)
        .query(Long.class).single() > 0;
  }

  List<ChatLine> linesAfter(UUID chatId, long afterSeq) {
    return jdbc.sql("SELECT * FROM chat_line WHERE chat_id = :chat AND seq > :after ORDER BY seq")
        .param("chat", chatId).param("after", afterSeq).query(ChatStore::line).list();
  }

  List<ChatLine> pending(UUID chatId) {
    return jdbc.sql("SELECT * FROM chat_line WHERE chat_id = :chat AND intake_pending = TRUE ORDER BY seq")
        .param("chat", chatId).query(ChatStore::line).list();
  }

  void submitted(UUID chatId, long seq, UUID messageId) {
    jdbc.sql("""
        UPDATE chat_line SET intake_pending = FALSE, message_id = :message WHERE chat_id = :chat AND seq = :seq""")
        .param("message", messageId).param("chat", chatId).param("seq", seq).update();
  }

  private static ChatSession session(ResultSet rs, int n) throws SQLException {
    return new ChatSession(rs.getObject("id", UUID.class), ChatSession.State.valueOf(rs.getString("state")),
        rs.getString("end_reason"), rs.getString("visitor_name"), rs.getString("visitor_email"),
        rs.getString("origin"), rs.getObject("conversation_id", UUID.class), rs.getObject("agent_id", UUID.class),
        rs.getString("agent_name"), instant(rs, "started_at"), instant(rs, "accepted_at"), instant(rs, "ended_at"),
        rs.getLong("last_seq"), rs.getBoolean("transcript_queued"), instant(rs, "visitor_seen_at"),
        instant(rs, "agent_seen_at"));
  }

  private static ChatLine line(ResultSet rs, int n) throws SQLException {
    return new ChatLine(rs.getObject("chat_id", UUID.class), rs.getLong("seq"),
        ChatLine.Kind.valueOf(rs.getString("kind")), rs.getString("author"), rs.getString("body"),
        rs.getObject("message_id", UUID.class), instant(rs, "created_at"));
  }
}
