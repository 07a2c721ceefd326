package dev.tact.effort;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation's effort was (re)measured. {@code score} runs from 0 (effortless) to 100; the counts are what it
 * was made of. {@code repeatContact} says the contact wrote about the same topic within 7 days before this one.
 */
public record EffortMeasured(UUID conversationId, UUID contactId, int customerMessages, int handoffs, int reopens,
    int channelSwitches, boolean repeatContact, long waitedBusinessMinutes, int score, Instant at) {}
