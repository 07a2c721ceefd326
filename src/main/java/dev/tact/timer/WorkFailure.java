package dev.tact.timer;

import java.time.Instant;

/**
 * A failed attempt on one item, as the worker decided it: the attempt that failed (1 for the first), whether the
 * item is now parked, when to try again if not, the error as "{@code SimpleName: message}", and the exception.
 */
public record WorkFailure(int attempt, boolean parked, Instant retryAt, String error, RuntimeException exception) {}
