package dev.tact.staff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/**
 * Someone who works in Tact. {@code active}: may sign in and gets work (the state is ACTIVE); {@code available}:
 * takes new conversations now; {@code capacity}: the most open conversations the front door assigns to them;
 * {@code lastSignedInAt}: the last successful sign-in, null when never (or not since it was recorded).
 */
public record Agent(UUID id, String email, String displayName, Role role, boolean active, Instant createdAt,
    boolean available, int capacity, AgentState state,
    // admins see it (AgentAdministration.StaffMember); the staff directory every agent reads does not show it
    @JsonIgnore Instant lastSignedInAt) {}
