package dev.tact.conversation;

import java.time.Instant;
import java.util.UUID;

/** One change in a conversation's history, e.g. STATUS_CHANGED with detail "new → open". */
public record HistoryEntry(UUID id, Instant occurredAt, Actor actor, String kind, String detail) {}
