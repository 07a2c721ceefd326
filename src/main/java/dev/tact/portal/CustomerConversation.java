package dev.tact.portal;

import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.Message;
import java.util.List;

/**
 * One of a customer's conversations as they may see it: the messages between them and us, oldest first, and never an
 * internal note.
 */
public record CustomerConversation(ConversationSummary conversation, List<Message> messages) {}
