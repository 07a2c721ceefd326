package dev.tact.noise;

import java.time.Instant;
import java.util.UUID;

/** One message in a held group: its intake item, sender, subject and state (HELD, RELEASED, DISCARDED). */
public record HeldMessage(UUID itemId, UUID groupId, String sender, String subject, Instant receivedAt,
    HeldGroup.Status state) {}
