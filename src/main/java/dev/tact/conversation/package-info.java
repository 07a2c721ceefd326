/**
 * Conversations (tickets): their public numbers, messages, internal notes, status, priority,
 * team, assignee, tags and the full history of changes. Entry point:
 * {@link dev.tact.conversation.ConversationManagement}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversations",
    allowedDependencies = {"audit", "contact", "dashboard", "mail", "shared", "staff", "timer"})
package dev.tact.conversation;
