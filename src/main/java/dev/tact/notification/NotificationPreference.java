package dev.tact.notification;

/** How an agent wants to hear of one kind: in the app, by email, both or not at all. */
public record NotificationPreference(NotificationKind kind, boolean inApp, boolean byEmail) {}
