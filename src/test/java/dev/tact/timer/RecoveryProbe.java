package dev.tact.timer;

/**
 * What {@link RecoveryProbeListener} listens to: its first run of {@code key} waits while a test holds the key, and
 * its first {@code failures} runs of it throw.
 */
public record RecoveryProbe(String key, int failures) {}
