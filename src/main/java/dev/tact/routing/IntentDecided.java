package dev.tact.routing;

import java.time.Instant;
import java.util.UUID;

/** The front door decided what a new conversation is about (service targets may depend on the intent). */
public record IntentDecided(UUID conversationId, String intent, double confidence, boolean triage, Instant at) {}
