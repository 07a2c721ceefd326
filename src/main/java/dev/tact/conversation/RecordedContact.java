package dev.tact.conversation;

import java.util.UUID;

/** Where {@link ConversationManagement#recordAgentContact} put a contact an agent made: the conversation, its entry. */
public record RecordedContact(UUID conversationId, long number, Message message, boolean opened) {}
