package dev.tact.intake;

import java.util.List;
import java.util.UUID;

/** What the inbound log keeps beside an email's raw bytes: how it arrived. */
record MailEnvelope(String via, UUID mailboxId, String envelopeSender, List<String> envelopeRecipients) {}
