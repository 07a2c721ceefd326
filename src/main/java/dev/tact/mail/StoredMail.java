package dev.tact.mail;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The mail behind a conversation message, as stored: {@code html} is as sent and must go
 * through {@link HtmlSanitizer} before anyone sees it. {@code authentication} is the verdict on its
 * sender from the trusted receiving host.
 */
public record StoredMail(UUID messageId, String headerMessageId, String fromAddress, String fromName, String to,
    String cc, String subject, Instant sentAt, String fullText, String html, boolean textFromHtml,
    AutomaticMail.Kind automaticKind, String automaticReasons, String originalFrom, String originalSubject,
    String originalDate, String forwardedBy, String forwardComment, UUID bouncedMessageId, String defects,
    List<StoredAttachment> attachments, SenderAuthentication authentication) {

  public boolean automatic() {
    return automaticKind != AutomaticMail.Kind.NONE;
  }
}
