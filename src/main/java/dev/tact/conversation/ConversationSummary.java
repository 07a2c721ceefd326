package dev.tact.conversation;

import dev.tact.shared.Channel;
import dev.tact.staff.Tier;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record ConversationSummary(UUID id, long number, String subject, Status status, Priority priority,
    Channel channel, UUID contactId, UUID teamId, UUID assigneeId, List<String> tags, Instant createdAt,
    Instant lastMessageAt, Tier tier) {}
