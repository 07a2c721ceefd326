package dev.tact.delivery;

/** The outbox row for a request, and whether this request made it (false: the idempotency key was known). */
public record Queued(OutboxEntry entry, boolean created) {}
