package dev.tact.conversation;

import dev.tact.shared.Channel;
import java.time.Instant;
import java.util.UUID;

public record ConversationOpened(UUID conversationId, long number, UUID contactId, Channel channel, Instant openedAt) {}
