package dev.tact.conversation;

import java.util.List;

public record ConversationDetails(ConversationSummary conversation, List<Message> messages, List<HistoryEntry> history) {}
