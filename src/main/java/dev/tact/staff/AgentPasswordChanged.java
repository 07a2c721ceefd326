package dev.tact.staff;

import java.util.UUID;

/** An agent's password was set, reset or changed: their other sessions end. */
public record AgentPasswordChanged(UUID agentId, String email) {}
