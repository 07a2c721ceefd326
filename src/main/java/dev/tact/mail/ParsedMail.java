package dev.tact.mail;

import java.time.Instant;
import java.util.List;

/**
 * Everything Tact understands of one message. Lists are never null; single values are null when absent.
 *
 * @param messageId Message-ID without angle brackets
 * @param inReplyTo ids from In-Reply-To, without angle brackets
 * @param references ids from References, without angle brackets, oldest first
 * @param from the first From mailbox
 * @param sender the Sender mailbox
 * @param replyTo Reply-To mailboxes
 * @param to To mailboxes
 * @param cc Cc mailboxes
 * @param returnPath the Return-Path address; "" for the null sender {@code <>}; null when the header is absent
 * @param subject decoded subject
 * @param date the Date header, null if absent or unparseable
 * @param text the best plain text of the body (text/plain, else derived from the HTML); "" when there is none
 * @param textFromHtml whether {@code text} was derived from the HTML body
 * @param html the HTML body as sent (not sanitised), null if none
 * @param attachments every part that is not the body, in message order
 * @param attachedMessages message/rfc822 parts, parsed (bounded depth)
 * @param deliveryReport the bounce report, non-null for delivery-status reports and recognised classic bounces
 * @param automatic automatic-mail classification
 * @param headers all top-level header fields, unfolded and decoded, in order
 * @param defects problems that were tolerated
 */
public record ParsedMail(
    String messageId,
    List<String> inReplyTo,
    List<String> references,
    MailAddress from,
    MailAddress sender,
    List<MailAddress> replyTo,
    List<MailAddress> to,
    List<MailAddress> cc,
    String returnPath,
    String subject,
    Instant date,
    String text,
    boolean textFromHtml,
    String html,
    List<MailAttachment> attachments,
    List<ParsedMail> attachedMessages,
    DeliveryReport deliveryReport,
    AutomaticMail automatic,
    List<MailHeader> headers,
    List<String> defects) {

  public ParsedMail {
    inReplyTo = List.copyOf(inReplyTo);
    references = List.copyOf(references);
    replyTo = List.copyOf(replyTo);
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    attachments = List.copyOf(attachments);
    attachedMessages = List.copyOf(attachedMessages);
    headers = List.copyOf(headers);
    defects = List.copyOf(defects);
  }

  /** The first header with this name (ignoring case), decoded, or null. */
  public String header(String name) {
    for (MailHeader header : headers) {
      if (header.is(name)) {
        return header.value();
      }
    }
    return null;
  }

  /** All values of headers with this name (ignoring case), in order. */
  public List<String> headers(String name) {
    return headers.stream().filter(h -> h.is(name)).map(MailHeader::value).toList();
  }
}
