/**
 * Notifications to agents, in the app and by email: a conversation assigned to them, the customer answering one of
 * theirs, an @mention in an internal note, SLA warnings and breaches on theirs. It listens to other modules' events
 * after they commit and writes one row per agent and cause; email goes through the staff mail path of delivery
 * ({@link dev.tact.staff.StaffMailRequested}), only ever to the agent's own address. Entry point:
 * {@link dev.tact.notification.Notifications}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
    allowedDependencies = {"conversation", "shared", "sla", "staff", "survey", "timer"})
package dev.tact.notification;
