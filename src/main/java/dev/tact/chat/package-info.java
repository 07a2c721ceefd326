/**
 * The chat widget: one script tag on a customer's site opens a live chat with the team. A visitor's first line is
 * filed through intake (channel {@code chat}) like any message, later lines name that conversation; agents accept
 * a waiting chat (only one gets it) and answer with real replies ({@code compose.Replies}). Lines are kept in the
 * database and pushed to both sides with server-sent events, fanned out between nodes by PostgreSQL
 * LISTEN/NOTIFY. A chat no agent takes, or that the visitor leaves, goes on by email. Entry point:
 * {@link dev.tact.chat.Chats}. See ADR 0031.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chat widget",
    allowedDependencies = {"compose", "contact", "conversation", "delivery", "intake", "live", "policy", "shared",
        "sla", "staff", "timer"})
package dev.tact.chat;
