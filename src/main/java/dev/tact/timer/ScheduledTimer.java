package dev.tact.timer;

import java.time.Instant;

/** A timer waiting to fire. */
public record ScheduledTimer(String kind, String key, Instant dueAt, String payload) {}
