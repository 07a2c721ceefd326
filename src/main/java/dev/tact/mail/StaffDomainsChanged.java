package dev.tact.mail;

/**
 * Published (in the changing transaction) by a module whose staff addresses changed: a mailbox or an agent was
 * added, changed or removed. {@link StaffDomains} reads them again once the change commits.
 */
public record StaffDomainsChanged(String what) {}
