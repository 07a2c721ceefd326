package dev.tact.conversation;

import dev.tact.shared.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * What a contact's conversations say about them, for decisions about contacting them: whether one
 * is open (not solved or closed), whether an open one is tagged {@code complaint}, when any was
 * last active, and the channel of their newest inbound (non-automatic) message.
 */
public record ContactActivity(UUID contactId, boolean openConversation, boolean openComplaint, Instant lastActivity,
    Channel lastInboundChannel) {}
