package dev.tact.noise;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An agent discarded a held group: these intake items stay in the log, unfiled, marked discarded. */
public record HeldMessagesDiscarded(UUID groupId, List<UUID> itemIds, String discardedBy, Instant at) {}
