package dev.tact.routing;

import java.time.Instant;
import java.util.UUID;

/** What the front door read in a new conversation, and whether it sent it to triage. */
public record ConversationIntent(UUID conversationId, String intent, double confidence, boolean triage,
    Instant decidedAt) {}
