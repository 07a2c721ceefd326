/**
 * Incidents and the public status page. Admins keep the components customers use; leads declare an incident on
 * some of them and post updates until it is resolved. While it is open, inbound messages that report it are linked
 * to it, the contacts it affects (reporters, subscribers of its components, contacts a lead selected) get notices
 * through the contact policy and the outbox, and the policy denies them sales contact until a cool-down after the
 * resolution. The status page is rendered once per change and served by every node from memory. Entry points:
 * {@link dev.tact.incident.Incidents}, {@link dev.tact.incident.Components}. See ADR 0040.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incidents and status page",
    allowedDependencies = {"audit", "contact", "conversation", "dashboard", "delivery", "policy", "routing", "shared", "staff"})
package dev.tact.incident;
