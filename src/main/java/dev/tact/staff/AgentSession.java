package dev.tact.staff;

import java.time.Instant;

/**
 * One signed-in session of an agent. {@code id} names the session without being its cookie value; {@code device}
 * is the browser and system read from {@code userAgent}; {@code address} is where the sign-in came from;
 * {@code method} how they signed in; {@code current} whether it is the session of the request that asked.
 */
public record AgentSession(String id, String device, String userAgent, String address, Instant signedInAt,
    Instant lastActiveAt, String method, boolean current) {}
