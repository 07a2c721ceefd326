package dev.tact.noise;

import java.time.Instant;
import java.util.UUID;

/** An agent split a wrongly joined report out of a conversation into a conversation of its own. */
public record ReportSplit(UUID reportId, UUID fromConversationId, UUID toConversationId, String splitBy, Instant at) {}
