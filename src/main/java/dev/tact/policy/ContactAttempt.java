package dev.tact.policy;

import java.time.Instant;

/** One outbound contact made or scheduled, whatever sent it: the contact-history ledger's line. */
public record ContactAttempt(OutboundChannel channel, Purpose purpose, String subject, Instant at) {}
