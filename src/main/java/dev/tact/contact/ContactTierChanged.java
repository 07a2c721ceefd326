package dev.tact.contact;

import java.time.Instant;
import java.util.UUID;

/** A contact's customer tier changed; {@code tier} is null for the standard tier. Service targets may depend on it. */
public record ContactTierChanged(UUID contactId, String tier, Instant at) {}
