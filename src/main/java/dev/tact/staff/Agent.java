package dev.tact.staff;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone who works in Tact. {@code available}: takes new conversations now; {@code capacity}: the
 * most open conversations the front door assigns to them.
 */
public record Agent(UUID id, String email, String displayName, Role role, boolean active, Instant createdAt,
    boolean available, int capacity) {}
