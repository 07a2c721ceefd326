/**
 * Delivery: the durable outbox every outbound message goes through. A row is committed in the same
 * transaction as its cause (an agent's reply, a notice, a campaign step) with the contact policy's
 * decision; only a {@link dev.tact.policy.ContactPermit} makes a row sendable. Dispatchers on every
 * node claim due rows with {@code FOR UPDATE SKIP LOCKED} under a lease, send them over SMTP with
 * their fixed Message-ID, and record the result; retries back off exponentially, hard bounces make
 * an address undeliverable. See ADR 0014.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delivery",
    allowedDependencies = {"audit", "contact", "conversation", "intake", "mail", "policy", "shared", "staff", "timer"})
package dev.tact.delivery;
