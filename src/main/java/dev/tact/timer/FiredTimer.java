package dev.tact.timer;

import java.time.Instant;

/** A timer being fired: when it was due, when it fired, and the payload it was scheduled with. */
public record FiredTimer(String kind, String key, Instant dueAt, String payload, Instant firedAt, int attempt) {}
