package dev.tact.mail;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.shared.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What Tact read in each email, kept beside the conversation message it became: headers, the
 * whole text, the HTML as sent, the automatic-mail verdict, the forward, and attachments, whose
 * contents are stored once per distinct SHA-256.
 */
@Service
public class MailArchive {

  private final JdbcClient jdbc;

  MailArchive(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the mail of a conversation message, in the caller's transaction. */
  public void store(UUID messageId, UUID itemId, ReadMail read, String forwardedBy, UUID bouncedMessageId,
      Instant receivedAt) {
    ParsedMail mail = read.parsed();
    ForwardedMessage original = read.forwarded().orElse(null);
    jdbc.sql("""
        INSERT INTO mail_message (message_id, item_id, header_message_id, in_reply_to, references_ids, from_address,
          from_name, to_addresses, cc_addresses, subject, sent_at, received_at, full_text, html, text_from_html,
          automatic_kind, automatic_reasons, original_from, original_subject, original_date, forwarded_by,
          forward_comment, bounced_message_id, defects, authentication, authentication_passed, authentication_reason,
          authentication_results)
        VALUES (:id, :item, :header, :inReplyTo, :references, :fromAddress, :fromName, :to, :cc, :subject, :sentAt,
          :receivedAt, :fullText, :html, :textFromHtml, :kind, :reasons, :originalFrom, :originalSubject,
          :originalDate, :forwardedBy, :comment, :bounced, :defects, :authentication, :authenticationPassed,
          :authenticationReason, :authenticationResults)""")
        .param("id", messageId).param("item", itemId).param("header", cut(mail.messageId(), 998))
        .param("inReplyTo", cut(String.join(" ", mail.inReplyTo()), 4000))
        .param("references", String.join(" ", mail.references()))
        .param("fromAddress", mail.from() == null ? null : cut(lowerCase(mail.from().address()), 320))
        .param("fromName", mail.from() == null ? null : cut(mail.from().name(), 300))
        .param("to", addresses(mail.to())).param("cc", addresses(mail.cc())).param("subject", cut(mail.subject(), 2000))
        .param("sentAt", mail.date() == null ? null : utc(mail.date())).param("receivedAt", utc(receivedAt))
        .param("fullText", read.fullText()).param("html", mail.html()).param("textFromHtml", mail.textFromHtml())
        .param("kind", mail.automatic().kind().name())
        .param("reasons", cut(String.join("; ", mail.automatic().reasons()), 2000))
        .param("originalFrom", original == null ? null : cut(display(original.fromName(), original.fromAddress()), 620))
        .param("originalSubject", original == null ? null : cut(original.subject(), 2000))
        .param("originalDate", original == null ? null : cut(original.date(), 200))
        .param("forwardedBy", cut(forwardedBy, 620))
        .param("comment", original == null || original.comment().isBlank() ? null : original.comment()).param("bounced", bouncedMessageId)
        .param("defects", cut(String.join("; ", mail.defects()), 4000))
        .param("authentication", read.authentication().verdict().name())
        .param("authenticationPassed", read.authentication().passes())
        .param("authenticationReason", cut(read.authentication().reason(), 500))
        .param("authenticationResults", cut(read.authentication().results(), 2000))
        .update();
    int position = 0;
    for (MailAttachment attachment : mail.attachments()) {
      String sha = attachment.sha256Hex();
      jdbc.sql("INSERT INTO mail_blob (sha256, size, content) VALUES (:sha, :size, :content) ON CONFLICT DO NOTHING")
          .param("sha", sha).param("size", attachment.size()).param("content", attachment.content()).update();
      jdbc.sql("""
          INSERT INTO mail_attachment (id, message_id, position, filename, content_type, content_id, inline_part, size,
            sha256)
          VALUES (:id, :message, :position, :filename, :type, :cid, :inline, :size, :sha)""")
          .param("id", Ids.newId()).param("message", messageId).param("position", position++)
          .param("filename", cut(attachment.filename(), 500))
          .param("type", cut(attachment.contentType() == null ? "application/octet-stream" : attachment.contentType(), 200))
          .param("cid", cut(attachment.contentId(), 500)).param("inline", attachment.inline())
          .param("size", attachment.size()).param("sha", sha).update();
    }
  }

  /**
   * Stores the files a customer uploaded with a message that did not come by email (a web form), in the caller's
   * transaction; their contents are kept once per distinct SHA-256, as an email's attachments are.
   */
  public void storeUploads(UUID messageId, List<MailAttachment> files) {
    int position = 0;
    for (MailAttachment file : files) {
      String sha = file.sha256Hex();
      jdbc.sql("INSERT INTO mail_blob (sha256, size, content) VALUES (:sha, :size, :content) ON CONFLICT DO NOTHING")
          .param("sha", sha).param("size", file.size()).param("content", file.content()).update();
      jdbc.sql("""
          INSERT INTO mail_upload (id, message_id, position, filename, content_type, size, sha256)
          VALUES (:id, :message, :position, :filename, :type, :size, :sha)""")
          .param("id", Ids.newId()).param("message", messageId).param("position", position++)
          .param("filename", cut(file.filename(), 500))
          .param("type", cut(file.contentType() == null ? "application/octet-stream" : file.contentType(), 200))
          .param("size", file.size()).param("sha", sha).update();
    }
  }

  /** The uploaded files (see {@link #storeUploads}) of each of these messages that has any. */
  public Map<UUID, List<StoredAttachment>> uploads(Collection<UUID> messageIds) {
    if (messageIds.isEmpty()) {
      return Map.of();
    }
    return jdbc.sql("""
        SELECT id, message_id, filename, content_type, NULL AS content_id, FALSE AS inline_part, size, sha256
        FROM mail_upload WHERE message_id IN (:ids) ORDER BY message_id, position""")
        .param("ids", messageIds).query(MailArchive::attachment).list().stream()
        .collect(Collectors.groupingBy(StoredAttachment::messageId));
  }

  public Optional<StoredMail> find(UUID messageId) {
    return findAll(List.of(messageId)).values().stream().findFirst();
  }

  /** The stored mail of each of these conversation messages that came by email. */
  public Map<UUID, StoredMail> findAll(Collection<UUID> messageIds) {
    if (messageIds.isEmpty()) {
      return Map.of();
    }
    Map<UUID, List<StoredAttachment>> attachments = jdbc.sql("""
        SELECT id, message_id, filename, content_type, content_id, inline_part, size, sha256 FROM mail_attachment
        WHERE message_id IN (:ids) ORDER BY message_id, position""")
        .param("ids", messageIds).query(MailArchive::attachment).list().stream()
        .collect(Collectors.groupingBy(StoredAttachment::messageId));
    Map<UUID, StoredMail> result = new HashMap<>();
    jdbc.sql("SELECT * FROM mail_message WHERE message_id IN (:ids)").param("ids", messageIds)
        .query((rs, n) -> storedMail(rs, attachments)).list()
        .forEach(m -> result.put(m.messageId(), m));
    return result;
  }

  /** An attachment's content, when it belongs to this message. */
  public Optional<AttachmentContent> attachment(UUID messageId, UUID attachmentId) {
    Optional<AttachmentContent> mailed = mailedAttachment(messageId, attachmentId);
    return mailed.isPresent() ? mailed : jdbc.sql("""
        SELECT a.id, a.message_id, a.filename, a.content_type, NULL AS content_id, FALSE AS inline_part, a.size,
          a.sha256, b.content
        FROM mail_upload a JOIN mail_blob b ON b.sha256 = a.sha256
        WHERE a.id = :id AND a.message_id = :message""")
        .param("id", attachmentId).param("message", messageId)
        .query((rs, n) -> new AttachmentContent(attachment(rs, n), rs.getBytes("content"))).optional();
  }

  private Optional<AttachmentContent> mailedAttachment(UUID messageId, UUID attachmentId) {
    return jdbc.sql("""
        SELECT a.id, a.message_id, a.filename, a.content_type, a.content_id, a.inline_part, a.size, a.sha256,
          b.content
        FROM mail_attachment a JOIN mail_blob b ON b.sha256 = a.sha256
        WHERE a.id = :id AND a.message_id = :message""")
        .param("id", attachmentId).param("message", messageId)
        .query((rs, n) -> new AttachmentContent(attachment(rs, n), rs.getBytes("content"))).optional();
  }

  /** Automatic messages filed from this address since the instant (the loop breaker's count). */
  long automaticFrom(String address, Instant since) {
    return jdbc.sql("""
        SELECT COUNT(*) FROM mail_message
        WHERE from_address = :address AND received_at >= :since AND automatic_kind <> 'NONE'""")
        .param("address", address).param("since", utc(since)).query(Long.class).single();
  }

  private static StoredMail storedMail(ResultSet rs, Map<UUID, List<StoredAttachment>> attachments)
      throws SQLException {
    UUID id = rs.getObject("message_id", UUID.class);
    return new StoredMail(id, rs.getString("header_message_id"), rs.getString("from_address"),
        rs.getString("from_name"), rs.getString("to_addresses"), rs.getString("cc_addresses"), rs.getString("subject"),
        instant(rs, "sent_at"), rs.getString("full_text"), rs.getString("html"), rs.getBoolean("text_from_html"),
        AutomaticMail.Kind.valueOf(rs.getString("automatic_kind")), rs.getString("automatic_reasons"),
        rs.getString("original_from"), rs.getString("original_subject"), rs.getString("original_date"),
        rs.getString("forwarded_by"), rs.getString("forward_comment"), rs.getObject("bounced_message_id", UUID.class), rs.getString("defects"),
        attachments.getOrDefault(id, List.of()), authentication(rs));
  }

  private static SenderAuthentication authentication(ResultSet rs) throws SQLException {
    String verdict = rs.getString("authentication");
    if (verdict == null) {
      return new SenderAuthentication(SenderAuthentication.Verdict.UNKNOWN, true, "Read before sender verdicts "
          + "were kept.", "");
    }
    return new SenderAuthentication(SenderAuthentication.Verdict.valueOf(verdict),
        rs.getBoolean("authentication_passed"), rs.getString("authentication_reason"),
        rs.getString("authentication_results") == null ? "" : rs.getString("authentication_results"));
  }

  private static StoredAttachment attachment(ResultSet rs, int row) throws SQLException {
    return new StoredAttachment(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class),
        rs.getString("filename"), rs.getString("content_type"), rs.getString("content_id"),
        rs.getBoolean("inline_part"), rs.getLong("size"), rs.getString("sha256"));
  }

  private static String addresses(List<MailAddress> addresses) {
    return addresses.isEmpty() ? null
        : addresses.stream().map(a -> display(a.name(), a.address())).collect(Collectors.joining(", "));
  }

  static String display(String name, String address) {
    if (name == null || name.isBlank()) {
      return address;
    }
    return address == null ? name : name + " <" + address + ">";
  }

  private static String lowerCase(String address) {
    return address == null ? null : address.toLowerCase(java.util.Locale.ROOT);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
