package dev.tact.conversation.web;

import dev.tact.conversation.Message;
import dev.tact.mail.HtmlSanitizer;
import dev.tact.mail.MailArchive;
import dev.tact.mail.StoredAttachment;
import dev.tact.mail.StoredMail;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What the conversation page shows of each email: the stored mail, and its HTML sanitised with
 * inline images pointing at Tact and remote content blocked.
 */
@Component
class MailViews {

  record MailView(StoredMail mail, String safeHtml) {}

  private final MailArchive archive;

  MailViews(MailArchive archive) {
    this.archive = archive;
  }

  /** The mails of these messages; remote images are shown only in {@code remoteImagesFor}, when an agent asked. */
  Map<UUID, MailView> of(long conversationNumber, List<Message> messages, UUID remoteImagesFor) {
    Map<UUID, MailView> views = new HashMap<>();
    archive.findAll(messages.stream().map(Message::id).toList()).forEach((id, mail) ->
        views.put(id, new MailView(mail, mail.html() == null ? null
            : HtmlSanitizer.sanitize(mail.html(), id.equals(remoteImagesFor),
                cid -> inlineUrl(conversationNumber, mail, cid)))));
    return views;
  }

  /** The files uploaded with messages that did not come by email (a web form's attachments), by message. */
  Map<UUID, List<StoredAttachment>> uploads(List<Message> messages) {
    return archive.uploads(messages.stream().map(Message::id).toList());
  }

  static String attachmentUrl(long conversationNumber, UUID messageId, UUID attachmentId) {
    return "/conversations/" + conversationNumber + "/messages/" + messageId + "/attachments/" + attachmentId;
  }

  private static String inlineUrl(long conversationNumber, StoredMail mail, String contentId) {
    String cid = contentId.replaceAll("^<|>$", "");
    return mail.attachments().stream()
        .filter(a -> a.contentId() != null && a.contentId().replaceAll("^<|>$", "").equalsIgnoreCase(cid))
        .findFirst().map(StoredAttachment::id)
        .map(id -> attachmentUrl(conversationNumber, mail.messageId(), id)).orElse(null);
  }
}
