package dev.tact.routing;

import java.time.Instant;
import java.util.UUID;

/** The front door read a new conversation's intent (by a rule or the model) and routed it. */
public record ConversationClassified(UUID conversationId, String intent, double confidence, boolean triage,
    Instant at) {}
