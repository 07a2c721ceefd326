package dev.tact.staff;

import java.util.UUID;

/** Who is calling when a request carries a valid API token. */
public record TokenPrincipal(UUID tokenId, String name, Role role) {}
