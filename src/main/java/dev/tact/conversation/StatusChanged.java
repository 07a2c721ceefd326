package dev.tact.conversation;

import java.time.Instant;
import java.util.UUID;

/** A conversation's status changed (by an agent, by the customer's reply reopening it, or by Tact). */
public record StatusChanged(UUID conversationId, Status from, Status to, Instant at) {}
