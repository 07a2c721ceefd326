package dev.tact.staff;

import java.util.UUID;

/**
 * A mail to a member of staff (an invitation, a password reset link), for the delivery module to queue in the
 * same transaction. It goes only to the agent's own address: delivery checks that {@code recipient} is the email of
 * agent {@code agentId} before it queues anything (staff mail is not a contact, so the contact policy has no say).
 *
 * <p>It carries a one-time link: listen with a plain {@code @EventListener} (in the same transaction). An
 * {@code @ApplicationModuleListener} would write the event, link and all, into the event publication table.
 *
 * @param mailId unique per mail: the outbox row's idempotency key and Message-ID are made from it
 */
public record StaffMailRequested(UUID mailId, UUID agentId, String recipient, String recipientName, String subject,
    String text) {}
