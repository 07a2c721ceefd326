package dev.tact.intake.imap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node fetches mail from the configured mailboxes over IMAP.
 *
 * @param enabled whether this node polls at all (any node may; a lease keeps each mailbox to one at a time)
 * @param threads mailboxes polled at the same time by this node
 * @param batchSize messages fetched per round trip and between lease renewals
 * @param tick how often the scheduler looks for mailboxes that are due
 * @param connectTimeout limit for opening the connection
 * @param readTimeout limit for any one server answer
 * @param lease how long a node holds a mailbox without renewing; another node may take over after it
 * @param maxBackoff longest wait between polls of a mailbox whose server keeps failing
 * @param sslTrust hosts whose certificate is trusted without checking ({@code mail.imaps.ssl.trust}); empty: none
 */
@ConfigurationProperties("tact.intake.imap")
public record ImapProperties(@DefaultValue("true") boolean enabled, @DefaultValue("4") int threads,
    @DefaultValue("50") int batchSize, @DefaultValue("1s") Duration tick, @DefaultValue("10s") Duration connectTimeout,
    @DefaultValue("60s") Duration readTimeout, @DefaultValue("2m") Duration lease,
    @DefaultValue("15m") Duration maxBackoff, @DefaultValue("") String sslTrust) {}
