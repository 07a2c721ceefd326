package dev.tact.staff;

import java.time.Instant;

/**
 * A one-time link just made: the address is shown this once (to the admin who asked, when mail may not be set up)
 * and mailed; only the hash of its secret is stored.
 */
public record IssuedLink(Agent agent, String url, Instant expiresAt) {}
