package dev.tact.noise;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An agent released a held group: each of these intake items is to be filed as usual. */
public record HeldMessagesReleased(UUID groupId, List<UUID> itemIds, String releasedBy, Instant at) {}
