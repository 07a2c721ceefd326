package dev.tact.intake;

import java.util.List;
import java.util.UUID;

/**
 * An email as a mail channel received it: the MIME bytes exactly as they came, and how they came.
 *
 * @param raw the message as received, headers and body
 * @param via how it arrived: {@code imap}, {@code smtp}, {@code lmtp} or {@code api}
 * @param mailboxId the configured mailbox it was fetched from or addressed to, if known
 * @param envelopeSender the SMTP {@code MAIL FROM}, "" for the null sender, null when unknown
 * @param envelopeRecipients the SMTP {@code RCPT TO} addresses, empty when unknown
 * @param sourceId the channel's own name for this copy (e.g. {@code imap:<mailbox>:<uidvalidity>:<uid>}), so that
 *     the channel can ask whether it was already logged; null to name it by the SHA-256 of its bytes
 */
public record IncomingMail(byte[] raw, String via, UUID mailboxId, String envelopeSender,
    List<String> envelopeRecipients, String sourceId) {

  public IncomingMail {
    envelopeRecipients = envelopeRecipients == null ? List.of() : List.copyOf(envelopeRecipients);
  }
}
