package dev.tact.mail;

import dev.tact.shared.ControlCharacters;
import java.time.Instant;

/**
 * A message forwarded inline in another message's text, as recovered from the forward's header block.
 *
 * @param fromAddress the original sender's email address, or "" when the block names none
 * @param fromName the original sender's display name, or ""
 * @param date the original date as written, or ""
 * @param parsedDate that date when it carries a zone or offset and could be read, else null
 * @param subject the original subject, or ""
 * @param text the original body (below the header block)
 * @param comment what the forwarder wrote above the forward, or ""
 */
public record ForwardedMessage(String fromAddress, String fromName, String date, Instant parsedDate,
    String subject, String text, String comment) {

  public ForwardedMessage {
    // The original sender and subject become the requester and the conversation's subject: one line each.
    fromAddress = fromAddress == null ? "" : ControlCharacters.singleLine(fromAddress);
    fromName = fromName == null ? "" : ControlCharacters.singleLine(fromName);
    date = date == null ? "" : ControlCharacters.singleLine(date);
    subject = subject == null ? "" : ControlCharacters.singleLine(subject);
    text = text == null ? "" : text;
    comment = comment == null ? "" : comment;
  }
}
