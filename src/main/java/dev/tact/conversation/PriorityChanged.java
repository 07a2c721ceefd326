package dev.tact.conversation;

import java.time.Instant;
import java.util.UUID;

/** A conversation's priority changed. */
public record PriorityChanged(UUID conversationId, Priority from, Priority to, Instant at) {}
