package dev.tact.staff;

import java.time.Instant;
import java.util.UUID;

public record Agent(UUID id, String email, String displayName, Role role, boolean active, Instant createdAt) {}
