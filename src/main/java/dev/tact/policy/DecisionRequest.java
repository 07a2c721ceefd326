package dev.tact.policy;

import java.time.Instant;
import java.util.UUID;

/**
 * The question every outbound contact asks: may we reach this contact on this channel, for
 * this purpose and subject (an offer, a campaign, a case), at this instant?
 */
public record DecisionRequest(UUID contactId, OutboundChannel channel, Purpose purpose, String subject,
    Instant proposedAt) {}
