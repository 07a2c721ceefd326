package dev.tact.staff;

import java.util.UUID;

/** An agent can no longer sign in: their sessions end and their open conversations go back to their teams. */
public record AgentDeactivated(UUID agentId, String email) {}
